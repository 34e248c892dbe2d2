using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpsConsole.Data;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Common;
using OpsConsole.Features.Monitoring;
using OpsConsole.Features.Queueing;
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

    [Fact]
    public async Task AWindowServingOvernightIsClosedWithItsDayAndWorksTheNextMorning()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var (windowId, staffId) = await app.StaffedWindowAsync(1);
        var desk = app.Service<CounterDesk>();
        var monday = await app.IssueAsync();
        Assert.True((await desk.CallNextAsync(windowId, staffId)).Succeeded);

        app.Clock.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(30)); // Tuesday 09:30: the server was down at 20:00
        Assert.Equal(1, await Job(app).RunDueAsync());
        Assert.Equal(TicketState.Cancelled, (await app.TicketAsync(monday.TicketId)).State);
        Assert.Equal(WindowState.Closed, await WindowStateAsync(app, windowId));

        Assert.True((await desk.SignInAsync(windowId, staffId)).Succeeded);
        var tuesday = await app.IssueAsync();
        var call = await desk.CallNextAsync(windowId, staffId);
        Assert.True(call.Succeeded, call.Error);
        Assert.Equal(TicketState.Called, (await app.TicketAsync(tuesday.TicketId)).State);
        Assert.True((await desk.CompleteAsync(windowId, staffId)).Succeeded);
        Assert.True((await app.Service<HallActions>().CloseWindowAsync(windowId)).Succeeded);
        Assert.Equal(WindowState.Closed, await WindowStateAsync(app, windowId));
    }

    [Fact]
    public async Task AWindowLeftStuckOnAClosedDayIsFreedByTheNextClose()
    {
        // What a close before the fix left behind: Monday's tickets closed, the window still serving one of them.
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var (windowId, staffId) = await app.StaffedWindowAsync(1);
        await app.IssueAsync();
        Assert.True((await app.Service<CounterDesk>().CallNextAsync(windowId, staffId)).Succeeded);
        await using (var db = app.Context())
        {
            foreach (var t in await db.Set<Ticket>().Where(t => t.State == TicketState.Called).ToListAsync()) t.EndOfDay(app.Clock.Now);
            await db.SaveChangesAsync();
        }

        app.Clock.Advance(TimeSpan.FromHours(23)); // Tuesday 09:00
        await Job(app).RunDueAsync();
        Assert.Equal(WindowState.Closed, await WindowStateAsync(app, windowId));
    }

    [Fact]
    public async Task AFailedEveningCloseIsRetriedAMinuteLater()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var ticket = await app.IssueAsync();
        var job = Job(app);
        Assert.Equal(0, await job.RunDueAsync()); // Monday 10:00

        app.Clock.Advance(TimeSpan.FromHours(10) + TimeSpan.FromMinutes(1)); // 20:01: this run fails
        using (var failing = new CancellationTokenSource())
        {
            await failing.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job.RunDueAsync(failing.Token));
        }
        Assert.Equal(TicketState.Waiting, (await app.TicketAsync(ticket.TicketId)).State);

        app.Clock.Advance(TimeSpan.FromMinutes(1)); // 20:02: the next run closes the day
        Assert.Equal(1, await job.RunDueAsync());
        Assert.Equal(TicketState.Cancelled, (await app.TicketAsync(ticket.TicketId)).State);
    }

    [Fact]
    public async Task BookingsOfEveryDayMissedWhileTheServerWasOffBecomeNoShows()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var book = app.Service<AppointmentBook>();
        var monday = DateOnly.FromDateTime(app.Clock.Now.DateTime);
        Assert.True((await book.AddSlotAsync("BDC", monday, new TimeOnly(11, 0), new TimeOnly(11, 30), 2)).Succeeded);
        var slot = (await book.SlotsAsync(monday, "BDC")).Single();
        Assert.True((await book.BookAsync(slot.SlotId, "110105194912310011", BookingSource.Console)).Result.Succeeded);

        app.Clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromHours(1)); // Wednesday 09:00: off since Monday morning
        await Job(app).RunDueAsync();

        await using var db = app.Context();
        Assert.Equal(AppointmentState.NoShow, await db.Set<Appointment>().Select(a => a.State).SingleAsync());
    }
}
