using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Cases;
using OpsConsole.Domain.Common;
using OpsConsole.Features.Cases;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Cases;

/// <summary>The demo center's month of cases: plausible, consistent with the supervision rules, and left as the job would leave it.</summary>
public sealed class DemoCasesTests
{
    [Fact]
    public async Task TheDemoMonthHasCasesAndTheCardsTheJobWouldHaveRaised()
    {
        var clock = TestClock.MondayMorning();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock))) { SeedHistory = true };
        _ = app.Server;
        await using var ctx = app.CreateDbContext();
        var cases = await ctx.Set<ServiceCase>().AsNoTracking().ToListAsync();
        var cards = await ctx.Set<SupervisionCard>().AsNoTracking().ToListAsync();
        var calendar = app.Services.GetRequiredService<IWorkingDayCalendar>();

        Assert.True(cases.Count > 500, $"{cases.Count} cases");
        Assert.True(cases.Select(c => c.AcceptedOn).Distinct().Count() >= 15);
        Assert.All(cases, c => Assert.True(calendar.IsWorkday(c.DueOn(calendar)), $"{c.Number} due on a day off"));
        Assert.Contains(cases, c => c.Kind == CaseKind.OnTheSpot && c.State == CaseState.Concluded);
        Assert.Contains(cases, c => c.SuspendedDays > 0);
        Assert.Contains(cases, c => c.IsOpen);
        Assert.Contains(cases, c => c.State is CaseState.Rejected or CaseState.Returned);
        Assert.Contains(cards, c => c.Level == CardLevel.Red);
        Assert.Contains(cards, c => c.State == CardState.Withdrawn);
        Assert.Contains(cards, c => c.State == CardState.Contested);
        var rates = CaseStatistics.Rates(cases, clock.Now.Date is var d ? DateOnly.FromDateTime(d) : default, calendar);
        Assert.InRange(rates.OnTimeRate!.Value, 0.85, 0.99);

        // Every card is one the rules grant its case, and a pass now (the job's, after start-up) adds nothing.
        foreach (var card in cards.Where(c => c.Level == CardLevel.Red))
        {
            var c = cases.Single(x => x.Id == card.CaseId);
            // A case returned after its due date keeps the red card it earned while open.
            Assert.True(c.State != CaseState.Concluded || c.ConcludedOnTime(calendar) == false, $"{c.Number} has a red card but was concluded on time");
        }
        using var scope = app.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<SupervisionPass>().RunAsync());
        var board = await scope.ServiceProvider.GetRequiredService<CaseQueries>().BoardAsync(new CaseQueries.BoardFilter(YearMonth.Of(new DateOnly(2026, 11, 1))));
        Assert.True(board.Total.Concluded > 0 && board.Departments.Count > 1);
    }
}
