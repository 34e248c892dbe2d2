using OpsConsole.Data;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Queueing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Queueing;

/// <summary>
/// Closed is closed on days off too (issue 10): on a Saturday and on a holiday of the demo calendar, in opening hours,
/// the kiosk menu, the queue summaries behind /wait and the issuer all say 未开放 and name the next working day.
/// Real SQLite file, the demo seed's calendar (国庆节 1–7 October 2026).
/// </summary>
public sealed class ClosedDayTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Theory]
    [InlineData("2026-11-28", "2026-11-30")] // a Saturday → Monday
    [InlineData("2026-10-05", "2026-10-08")] // a Monday in the 国庆节 holiday → Thursday after it
    public async Task OnADayOffTheKioskAndTheWaitPageSayClosedUntilTheNextWorkingDay(string day, string opens)
    {
        var at = new DateTimeOffset(DateOnly.Parse(day).ToDateTime(new TimeOnly(10, 0)), China);
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite, new TestClock(at));
        var next = new DateTimeOffset(DateOnly.Parse(opens).ToDateTime(new TimeOnly(9, 0)), China);

        var bdc = (await app.Service<KioskMenu>().QueuesAsync()).Single(q => q.Code == "BDC");
        Assert.False(bdc.Issuing);
        Assert.Equal("outside_hours", bdc.ReasonCode);
        Assert.Equal(next, bdc.NextOpening);

        var summary = (await app.Service<QueueQueries>().QueuesAsync()).Single(q => q.Code == "BDC");
        Assert.False(summary.OpenNow);
        Assert.Equal(next, summary.NextOpening);

        var refused = await app.Service<TicketIssuer>().IssueAsync("BDC", TicketChannel.Kiosk);
        Assert.False(refused.Result.Succeeded);
        Assert.Equal(QueueingMessages.Of(IssueRefusal.OutsideOpeningHours), refused.Result.Error);
    }

    [Fact]
    public async Task OnAWorkingDayInHoursTheQueueIsOpen()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var summary = (await app.Service<QueueQueries>().QueuesAsync()).Single(q => q.Code == "BDC");
        Assert.True(summary.OpenNow);
        Assert.Null(summary.NextOpening);
        Assert.True((await app.Service<TicketIssuer>().IssueAsync("BDC", TicketChannel.Kiosk)).Result.Succeeded);
    }
}
