using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpsConsole.Data;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Common;
using OpsConsole.Features.Monitoring;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Monitoring;

/// <summary>The day closes itself at 20:00 when nobody pressed 结束今日, and days left open are closed at start-up.</summary>
public sealed class NightlyCloseTests
{
    private static NightlyClose Job(QueueApp app) => new(app.App.Services.GetRequiredService<IServiceScopeFactory>(),
        app.Service<CenterClock>(), app.Clock, Options.Create(new HallOptions { EndOfDayAt = "20:00" }), NullLogger<NightlyClose>.Instance);

    private static async Task<WindowState> WindowStateAsync(QueueApp app, int windowId)
    {
        await using var db = app.Context();
        return await db.Set<WindowSession>().Where(s => s.WindowId == windowId).Select(s => s.State).SingleAsync();
    }

    [Fact]
    public async Task TheDayClosesWhenTheClockPassesTheHourAndOnlyOnce()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var (windowId, _) = await app.StaffedWindowAsync(1);
        var first = await app.IssueAsync();
        var second = await app.IssueAsync();
        var job = Job(app);

        Assert.Equal(0, await job.RunDueAsync()); // Monday 10:00: the hall is working
        Assert.Equal(TicketState.Waiting, (await app.TicketAsync(first.TicketId)).State);

        app.Clock.Advance(TimeSpan.FromHours(10) + TimeSpan.FromMinutes(1)); // 20:01
        Assert.Equal(2, await job.RunDueAsync());
        Assert.Equal(TicketState.Cancelled, (await app.TicketAsync(first.TicketId)).State);
        Assert.Equal(TicketState.Cancelled, (await app.TicketAsync(second.TicketId)).State);
        Assert.Equal(WindowState.Closed, await WindowStateAsync(app, windowId));

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await job.RunDueAsync());
    }

    [Fact]
    public async Task StartingInTheEveningLeavesTodayOpenButClosesTheDaysBefore()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var monday = await app.IssueAsync();

        app.Clock.Advance(TimeSpan.FromHours(11)); // Monday 21:00, a server just started
        Assert.Equal(0, await Job(app).RunDueAsync());
        Assert.Equal(TicketState.Waiting, (await app.TicketAsync(monday.TicketId)).State);

        app.Clock.Advance(TimeSpan.FromHours(12)); // Tuesday 09:00, started again
        Assert.Equal(1, await Job(app).RunDueAsync());
        Assert.Equal(TicketState.Cancelled, (await app.TicketAsync(monday.TicketId)).State);
    }
}
