using OpsConsole.Domain.Queueing;
using Xunit;
using static OpsConsole.Tests.Domain.Queueing.QueueingTestData;

namespace OpsConsole.Tests.Domain.Queueing;

public class IssuePolicyTests
{
    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);

    [Fact]
    public void IssuesDuringOpeningHours()
    {
        var decision = IssuePolicy.Decide(Queue(dailyCap: 300), At(10, 0), issuedToday: 10, TenMinutes);

        Assert.True(decision.IsAllowed);
        Assert.Null(decision.Refusal);
    }

    [Fact]
    public void RefusesWhenIssuingIsStopped()
    {
        var queue = Queue();
        queue.StopIssuing("系统故障");

        Assert.Equal(IssueRefusal.QueueClosed, IssuePolicy.Decide(queue, At(10, 0), 0, TenMinutes).Refusal);
    }

    [Theory]
    [InlineData(8, 59)]
    [InlineData(17, 0)]
    [InlineData(18, 30)]
    public void RefusesOutsideOpeningHours(int hour, int minute) =>
        Assert.Equal(IssueRefusal.OutsideOpeningHours, IssuePolicy.Decide(Queue(), At(hour, minute), 0, null).Refusal);

    [Fact]
    public void RefusesAllDayOnADayOff() =>
        Assert.Equal(IssueRefusal.OutsideOpeningHours, IssuePolicy.Decide(Queue(), At(10, 0), 0, TenMinutes, workday: false).Refusal);

    [Fact]
    public void IssuesDuringTheLunchBreakForTheAfternoon() =>
        Assert.True(IssuePolicy.Decide(Queue(), At(12, 30), 0, TimeSpan.FromMinutes(60)).IsAllowed);

    [Fact]
    public void RefusesWhenTheDailyCapIsReached()
    {
        var queue = Queue(dailyCap: 100);

        Assert.True(IssuePolicy.Decide(queue, At(10, 0), 99, TenMinutes).IsAllowed);
        Assert.Equal(IssueRefusal.DailyCapReached, IssuePolicy.Decide(queue, At(10, 0), 100, TenMinutes).Refusal);
    }

    [Fact]
    public void RefusesWhenTheForecastPassesClosing()
    {
        var queue = Queue();

        Assert.True(IssuePolicy.Decide(queue, At(16, 0), 0, TimeSpan.FromMinutes(59)).IsAllowed);
        Assert.Equal(IssueRefusal.ForecastPastClosing, IssuePolicy.Decide(queue, At(16, 0), 0, TimeSpan.FromMinutes(60)).Refusal);
    }

    [Fact]
    public void ForecastAcrossTheLunchBreakCountsOnlyOpenTime() =>
        // 11:00 + 5 h of open time = 1 h before noon + 4 h in the afternoon = 17:00: too late.
        Assert.Equal(IssueRefusal.ForecastPastClosing, IssuePolicy.Decide(Queue(), At(11, 0), 0, TimeSpan.FromHours(5)).Refusal);

    [Fact]
    public void SkipsTheForecastCheckWhenNoWindowServes() =>
        Assert.True(IssuePolicy.Decide(Queue(), At(16, 55), 0, forecastWait: null).IsAllowed);

    [Fact]
    public void StoppedQueueIsReportedBeforeOtherReasons()
    {
        var queue = Queue(dailyCap: 1);
        queue.StopIssuing("暂停");

        Assert.Equal(IssueRefusal.QueueClosed, IssuePolicy.Decide(queue, At(18, 0), 5, TimeSpan.FromHours(9)).Refusal);
    }

    [Fact]
    public void AQueueNoOpenWindowServesIsRefusedAfterTheCapAndBeforeTheForecast()
    {
        Assert.Equal(IssueRefusal.NoWindowServing, IssuePolicy.Decide(Queue(), At(10, 0), 0, null, windowOpen: false).Refusal);
        Assert.Equal(IssueRefusal.DailyCapReached, IssuePolicy.Decide(Queue(dailyCap: 5), At(10, 0), 5, null, windowOpen: false).Refusal);
        Assert.Equal(IssueRefusal.OutsideOpeningHours, IssuePolicy.Decide(Queue(), At(8, 0), 0, null, windowOpen: false).Refusal);
        Assert.True(IssuePolicy.Decide(Queue(), At(10, 0), 0, TenMinutes, windowOpen: true).IsAllowed);
    }
}
