using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpsConsole.Data;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Domain.People;
using OpsConsole.Features.Queueing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Queueing;

/// <summary>
/// Desk actions on one window that race each other on PostgreSQL (two nodes, or one node with the gate open):
/// whatever wins, the window's session and its tickets agree, so no called ticket is left without a window.
/// </summary>
public sealed class WindowRaceTests
{
    private const int Rounds = 10;

    [PostgresFact]
    public async Task APadAndTheWorkstationCallingOnTwoNodesAtOnceCallOneTicket()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Postgres);
        var other = app.AddNode();
        var (windowId, staffId) = await app.StaffedWindowAsync(1);
        var deskA = app.Service<CounterDesk>();
        var deskB = other.Services.CreateScope().ServiceProvider.GetRequiredService<CounterDesk>();

        for (var round = 0; round < Rounds; round++)
        {
            await app.IssueAsync();
            await app.IssueAsync();
            app.Clock.Advance(TimeSpan.FromSeconds(30));

            var results = await Task.WhenAll(
                Task.Run(() => deskA.CallNextAsync(windowId, staffId)),
                Task.Run(() => deskB.CallNextAsync(windowId, staffId)));

            Assert.Single(results, r => r.Succeeded);
            await AssertWindowAndTicketsAgreeAsync(app, windowId, round);
            app.Clock.Advance(TimeSpan.FromSeconds(30));
            Assert.True((await deskA.CompleteAsync(windowId, staffId)).Succeeded);
        }
    }

    [PostgresFact]
    public async Task ResumingAParkedTicketOrPausingWhileCallingNextLeavesTheWindowConsistent()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Postgres);
        var (windowId, staffId) = await app.StaffedWindowAsync(1);
        var desk = app.Service<CounterDesk>();

        for (var round = 0; round < Rounds; round++)
        {
            // A parked ticket to resume, and one waiting to be called.
            await app.IssueAsync();
            await app.IssueAsync();
            app.Clock.Advance(TimeSpan.FromSeconds(30));
            Assert.True((await desk.CallNextAsync(windowId, staffId)).Succeeded);
            var parked = (await SessionAsync(app, windowId)).CurrentTicketId!.Value;
            Assert.True((await desk.ParkAsync(windowId, staffId)).Succeeded);
            app.Clock.Advance(TimeSpan.FromSeconds(30));

            var results = await Task.WhenAll(
                Task.Run(() => desk.ResumeParkedAsync(windowId, staffId, parked)),
                Task.Run(() => desk.CallNextAsync(windowId, staffId)));

            Assert.Single(results, r => r.Succeeded);
            await AssertWindowAndTicketsAgreeAsync(app, windowId, round);
            app.Clock.Advance(TimeSpan.FromSeconds(30));
            Assert.True((await desk.CompleteAsync(windowId, staffId)).Succeeded);

            results = await Task.WhenAll(
                Task.Run(() => desk.PauseAsync(windowId, staffId, PauseReason.Break, null)),
                Task.Run(() => desk.CallNextAsync(windowId, staffId)));

            Assert.Single(results, r => r.Succeeded);
            var session = await AssertWindowAndTicketsAgreeAsync(app, windowId, round);
            Assert.False(session.State == WindowState.Paused && session.CurrentTicketId is not null, $"round {round}: paused with a ticket at the counter");
            app.Clock.Advance(TimeSpan.FromSeconds(30));
            var free = session.State == WindowState.Paused ? await desk.ResumeAsync(windowId, staffId) : await desk.CompleteAsync(windowId, staffId);
            Assert.True(free.Succeeded, free.Error);
        }
    }

    [PostgresFact]
    public async Task TwoPeopleSigningInAtAFreshWindowAtOnceAreToldTheWindowWasTaken()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Postgres);
        int windowId, first, second;
        await using (var db = app.Context())
        {
            var window = new Window { Number = 900, Name = "新开窗口", Type = WindowType.Comprehensive, ZoneId = (await db.Zones.FirstAsync()).Id };
            var staff = new[] { new Staff { EmployeeNo = "RACE1", Name = "甲" }, new Staff { EmployeeNo = "RACE2", Name = "乙" } };
            db.Add(window);
            db.AddRange(staff);
            await db.SaveChangesAsync();
            (windowId, first, second) = (window.Id, staff[0].Id, staff[1].Id);
        }

        // The first sign-in has written the window's session but not committed when the second one saves.
        await using var blocker = app.Context();
        await using var tx = await blocker.Database.BeginTransactionAsync();
        var session = new WindowSession(windowId, app.Clock.Now);
        session.SignIn(first, app.Clock.Now);
        blocker.Add(session);
        await blocker.SaveChangesAsync();
        var signIn = Task.Run(() => app.Service<CounterDesk>().SignInAsync(windowId, second));
        await WaitForBlockedWriterAsync(app.Db);
        await tx.CommitAsync();

        var result = await signIn;
        Assert.False(result.Succeeded);
        Assert.Equal("该窗口刚由其他人登录，请刷新后重试。", result.Error);
    }

    private static async Task WaitForBlockedWriterAsync(TestDatabase database)
    {
        await using var conn = new NpgsqlConnection(database.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE NOT granted", conn);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((long)(await cmd.ExecuteScalarAsync())! == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the second sign-in never waited for the first");
            await Task.Delay(20);
        }
    }

    private static async Task<WindowSession> SessionAsync(QueueApp app, int windowId)
    {
        await using var db = app.Context();
        return await db.Set<WindowSession>().AsNoTracking().SingleAsync(s => s.WindowId == windowId);
    }

    /// <summary>The ticket the session holds is the only one called to or served at the window.</summary>
    private static async Task<WindowSession> AssertWindowAndTicketsAgreeAsync(QueueApp app, int windowId, int round)
    {
        await using var db = app.Context();
        var session = await db.Set<WindowSession>().AsNoTracking().SingleAsync(s => s.WindowId == windowId);
        var atWindow = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.WindowId == windowId && (t.State == TicketState.Called || t.State == TicketState.Serving))
            .Select(t => t.Id).ToListAsync();
        Assert.True(atWindow.SequenceEqual(session.CurrentTicketId is { } id ? [id] : []),
            $"round {round}: the session holds {session.CurrentTicketId?.ToString() ?? "nothing"} but tickets [{string.Join(",", atWindow)}] are at the window");
        return session;
    }
}
