using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Data.Auditing;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Queueing;
using OpsConsole.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OpsConsole.Tests.Features.Queueing;

/// <summary>Numbers and calls under real concurrency, on both providers (ARCHITECTURE §7).</summary>
public sealed class QueueConcurrencyTests(ITestOutputHelper output)
{
    [Fact]
    public Task HundredParallelIssuesGiveHundredConsecutiveNumbersOnSqlite() => ParallelIssuesAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task HundredParallelIssuesGiveHundredConsecutiveNumbersOnPostgres() => ParallelIssuesAsync(DatabaseProvider.Postgres);

    [Fact]
    public Task ThreeHundredWindowsCallingAtOnceNeverShareATicketOnSqlite() => ParallelCallsAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ThreeHundredWindowsCallingAtOnceNeverShareATicketOnPostgres() => ParallelCallsAsync(DatabaseProvider.Postgres);

    private async Task ParallelIssuesAsync(DatabaseProvider provider)
    {
        await using var app = await QueueApp.StartAsync(provider);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => app.Service<TicketIssuer>().IssueAsync("BDC", TicketChannel.Kiosk))));

        Assert.All(outcomes, o => Assert.True(o.Result.Succeeded, o.Result.Error));
        var numbers = outcomes.Select(o => o.Ticket!.Number).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 100).Select(i => $"A{i:000}"), numbers);
        await using var db = app.Context();
        Assert.Equal(100, await db.Set<Ticket>().CountAsync());
        Assert.Equal(100, await db.AuditLog.CountAsync(a => a.EntityType == nameof(Ticket) && a.Action == "Added"));
    }

    private async Task ParallelCallsAsync(DatabaseProvider provider)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        await using var app = await QueueApp.StartAsync(provider);
        output.WriteLine($"start {sw.ElapsedMilliseconds} ms");
        var windows = await app.AddStaffedWindowsAsync(300, "ZH");
        output.WriteLine($"windows {sw.ElapsedMilliseconds} ms");
        for (var i = 0; i < 300; i++) await app.IssueAsync("ZH");
        output.WriteLine($"issued {sw.ElapsedMilliseconds} ms");

        var desk = app.Service<CounterDesk>();
        var results = await Task.WhenAll(windows.Select(w => Task.Run(() => app.Service<CounterDesk>().CallNextAsync(w.WindowId, w.StaffId))));

        output.WriteLine($"called {sw.ElapsedMilliseconds} ms");
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        await using var db = app.Context();
        var called = await db.Set<Ticket>().Where(t => t.State == TicketState.Called).ToListAsync();
        Assert.Equal(300, called.Count);
        Assert.Equal(300, called.Select(t => t.WindowId).Distinct().Count());
        var sessions = await db.Set<OpsConsole.Domain.Windows.WindowSession>().Where(s => s.CurrentTicketId != null).Select(s => s.CurrentTicketId).ToListAsync();
        Assert.Equal(300, sessions.Distinct().Count());
        // Nothing left: one more call finds no ticket and changes nothing.
        var extra = (await app.AddStaffedWindowsAsync(1, "ZH"))[0];
        var none = await desk.CallNextAsync(extra.WindowId, extra.StaffId);
        Assert.Equal("当前没有等候的号。", none.Error);
    }
}
