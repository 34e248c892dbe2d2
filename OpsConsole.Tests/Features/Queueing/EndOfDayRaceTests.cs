using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Data;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Monitoring;
using OpsConsole.Features.Queueing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Queueing;

/// <summary>
/// Ending the day on one node while windows complete and call on another (PostgreSQL): the two take
/// their locks in the same order (queues, then window sessions, then tickets), so neither fails with
/// a deadlock, and afterwards no ticket is left called or served without its window.
/// </summary>
public sealed class EndOfDayRaceTests
{
    private const int Windows = 16, Rounds = 4;

    [PostgresFact]
    public async Task EndingTheDayWhileWindowsWorkNeverDeadlocks()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Postgres);
        var other = app.AddNode();
        var windows = await app.AddStaffedWindowsAsync(Windows, "BDC");
        var desk = app.Service<CounterDesk>();
        var hall = other.Services.CreateScope().ServiceProvider.GetRequiredService<HallActions>();

        for (var round = 0; round < Rounds; round++)
        {
            foreach (var (w, s) in windows) Assert.True((await desk.SignInAsync(w, s)).Succeeded, $"round {round}: sign in");
            for (var i = 0; i < Windows * 2; i++) await app.IssueAsync();
            foreach (var (w, s) in windows)
            {
                Assert.True((await desk.CallNextAsync(w, s)).Succeeded, $"round {round}: call");
                Assert.True((await desk.StartAsync(w, s)).Succeeded, $"round {round}: start");
            }
            app.Clock.Advance(TimeSpan.FromMinutes(1));

            var work = windows.Select(x => Task.Run(async () =>
            {
                await desk.CompleteAsync(x.WindowId, x.StaffId);
                await desk.CallNextAsync(x.WindowId, x.StaffId);
                await desk.StartAsync(x.WindowId, x.StaffId);
            })).ToList();
            var end = Task.Run(() => hall.EndDayAsync());
            await Task.WhenAll([.. work, end]); // a deadlock would surface here as an exception
            Assert.True((await end).Result.Succeeded, $"round {round}: end of day");

            await using var db = app.Context();
            var held = await db.Set<WindowSession>().Where(s => s.CurrentTicketId != null).Select(s => s.CurrentTicketId).ToListAsync();
            var atCounters = await db.Set<Ticket>().Where(t => t.State == TicketState.Called || t.State == TicketState.Serving).Select(t => (int?)t.Id).ToListAsync();
            Assert.True(atCounters.All(held.Contains), $"round {round}: a ticket at a counter without its window");
            // Whatever was left open is closed by a second end of day (as the nightly retry would).
            await hall.EndDayAsync();
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }
    }
}
