using OpsConsole.Domain.Staffing;

namespace OpsConsole.Tests.Domain.Staffing;

/// <summary>Checked against published Erlang C values.</summary>
public sealed class ErlangCTests
{
    // Closed forms for small systems, and a printed table value; the same numbers come out of the
    // textbook formula Σ aᵏ/k! written out directly (checked independently of our recurrence).
    [Theory]
    [InlineData(1, 0.5, 0.5)]          // M/M/1: P(wait) = ρ
    [InlineData(2, 1.0, 1.0 / 3)]      // M/M/2 with a = 1: 1/3
    [InlineData(3, 2.0, 4.0 / 9)]      // M/M/3 with a = 2: 4/9
    [InlineData(10, 8.0, 0.40918)]     // tables: c = 10, A = 8 Erlangs → 0.4092
    public void ProbabilityOfWaitingMatchesPublishedValues(int servers, double erlangs, double expected) =>
        Assert.Equal(expected, ErlangC.ProbabilityOfWaiting(servers, erlangs), 4);

    [Fact]
    public void TheCallCentreTextbookExampleNeedsFourteenAgents()
    {
        // The common worked example: 100 calls per half hour (200/h), 180 s handling, 80 % within
        // 20 s → 10 Erlangs; 13 agents reach 79.6 %, so 14 are needed (88.8 %).
        var required = ErlangC.RequiredServers(200, TimeSpan.FromSeconds(180), TimeSpan.FromSeconds(20), 0.8);
        Assert.Equal(14, required);
        Assert.Equal(0.7956, ErlangC.ServiceLevel(13, 200, TimeSpan.FromSeconds(180), TimeSpan.FromSeconds(20)), 4);
        Assert.Equal(0.8884, ErlangC.ServiceLevel(14, 200, TimeSpan.FromSeconds(180), TimeSpan.FromSeconds(20)), 4);
    }

    [Fact]
    public void AverageWaitOfTheTextbookExampleWithFourteenAgentsIsAboutEightSeconds()
    {
        var asa = ErlangC.AverageSpeedOfAnswer(14, 200, TimeSpan.FromSeconds(180));
        Assert.Equal(7.84, asa.TotalSeconds, 2);
    }

    [Fact]
    public void NoArrivalsNeedNoWindowAndOverloadIsNeverEnough()
    {
        Assert.Equal(0, ErlangC.RequiredServers(0, TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(20), 0.8));
        Assert.Equal(1, ErlangC.ProbabilityOfWaiting(3, 3.0));
        Assert.Equal(0, ErlangC.ServiceLevel(3, 30, TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(20)));
    }

    [Fact]
    public void ALongerTargetWaitNeedsFewerWindows()
    {
        var strict = ErlangC.RequiredServers(40, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5), 0.8);
        var relaxed = ErlangC.RequiredServers(40, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), 0.8);
        Assert.True(relaxed < strict, $"{relaxed} < {strict}");
        Assert.True(relaxed >= 7, "40/h × 10 min = 6.67 Erlangs needs at least 7 windows");
    }
}

public sealed class ArrivalForecastTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Fact]
    public void AveragesTheLastEightSameWeekdays()
    {
        var history = Enumerable.Range(1, 10).Select(w => new HourlyArrivals(1, Monday.AddDays(-7 * w), 10, w)).ToList();
        history.Add(new HourlyArrivals(1, Monday.AddDays(-1), 10, 999)); // a Sunday: ignored
        var forecast = ArrivalForecast.For(Monday, history);
        Assert.Equal(Enumerable.Range(1, 8).Average(), forecast[(1, 10)], 6);
    }

    [Fact]
    public void AHourWithoutArrivalsOnSomeDaysCountsAsZeroThoseDays()
    {
        var history = new List<HourlyArrivals>
        {
            new(1, Monday.AddDays(-7), 9, 10), new(1, Monday.AddDays(-14), 9, 20),
            new(1, Monday.AddDays(-14), 10, 4),
        };
        var forecast = ArrivalForecast.For(Monday, history);
        Assert.Equal(15, forecast[(1, 9)], 6);
        Assert.Equal(2, forecast[(1, 10)], 6);
    }

    [Fact]
    public void StaffingPlanFlagsShortHours()
    {
        var plan = StaffingPlan.Suggest([new QueueStaffingInput(1, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), 0.8)],
            new Dictionary<(int, int), double> { [(1, 9)] = 30, [(1, 10)] = 6 }, (_, hour) => hour == 9 ? 3 : 3, [9, 10]);
        Assert.True(plan.Single(p => p.Hour == 9).IsShort);
        Assert.False(plan.Single(p => p.Hour == 10).IsShort);
    }
}
