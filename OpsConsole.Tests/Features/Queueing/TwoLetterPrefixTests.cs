using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Displays;
using OpsConsole.Features.Monitoring;
using OpsConsole.Features.Queueing;
using OpsConsole.Features.Reports;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Queueing;

/// <summary>A queue with a two-letter prefix ("BD") next to the demo's one-letter queues, on both providers.</summary>
public sealed class TwoLetterPrefixTests
{
    [Fact]
    public Task ATwoLetterQueueIssuesCallsAndSortsOnSqlite() => TwoLetterQueueAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ATwoLetterQueueIssuesCallsAndSortsOnPostgres() => TwoLetterQueueAsync(DatabaseProvider.Postgres);

    [Fact]
    public async Task TheSamePrefixCannotServeTwoQueues()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        await app.AddQueueAsync("BDDY", "BD", "不动产抵押");

        await Assert.ThrowsAsync<DbUpdateException>(() => app.AddQueueAsync("BDCX", "BD", "不动产查询"));
    }

    private static async Task TwoLetterQueueAsync(DatabaseProvider provider)
    {
        await using var app = await QueueApp.StartAsync(provider);
        var queue = await app.AddQueueAsync("BDDY", "BD", "不动产抵押", routeToWindow: 1);
        var window = (await app.AddStaffedWindowsAsync(1, "BDDY")).Single();

        // Issued in parallel: the group commit numbers them BD001…BD020 without gaps.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => app.Service<TicketIssuer>().IssueAsync("BDDY", TicketChannel.Kiosk))));
        Assert.All(outcomes, o => Assert.True(o.Result.Succeeded, o.Result.Error));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"BD{i:000}"), outcomes.Select(o => o.Ticket!.Number).Order(StringComparer.Ordinal));
        await using (var db = app.Context())
        {
            var stored = await db.Set<Ticket>().Where(t => t.QueueId == queue.Id).OrderBy(t => t.Sequence).FirstAsync();
            Assert.Equal(new QueuePrefix("BD"), stored.Prefix);
            Assert.Equal("BD001", stored.Number.ToString());
            var audited = await db.AuditLog.Where(a => a.EntityType == nameof(Ticket) && a.Action == "Added").Select(a => a.Details).FirstAsync();
            Assert.Contains("\"Prefix\":\"BD\"", audited);
        }

        // The kiosk API finds it by its prefix, in either case.
        Assert.Equal(queue.Id, (await app.Service<KioskMenu>().ResolveQueueAsync("bd"))?.Id);

        // Called: the number the lobby and the window screen show.
        var call = await app.Service<CounterDesk>().CallNextAsync(window.WindowId, window.StaffId);
        Assert.True(call.Succeeded, call.Error);
        Assert.Equal("BD001", (await app.Service<QueueQueries>().RecentCallsAsync(1)).Single().Number);
        Assert.Equal("BD001", (await app.Service<DisplayQueries>().WindowAsync(window.WindowId))?.Current);
        var (hall, _, _) = await app.Service<HallSnapshotBuilder>().BuildAsync();
        Assert.Equal("BD001", hall.Windows.Single(w => w.WindowId == window.WindowId).CurrentNumber);

        // Lists sorted by prefix put BD between B and C, in SQL and in memory alike.
        var prefixes = (await app.Service<QueueQueries>().QueuesAsync()).Select(q => q.Prefix.Value).ToList();
        Assert.Equal(prefixes.Order(StringComparer.Ordinal), prefixes);
        Assert.Equal(prefixes.IndexOf("B") + 1, prefixes.IndexOf("BD"));
        Assert.Equal("BD", (await app.Service<DisplayQueries>().WaitingAsync()).Single(q => q.Code == "BDDY").Prefix);
        var kiosk = KioskMenu.ByZone(await app.Service<KioskMenu>().QueuesAsync()).SelectMany(z => z.Queues.Select(q => q.Prefix.Value)).ToList();
        Assert.Contains("BD", kiosk);

        var today = DateOnly.FromDateTime(app.Clock.Now.DateTime);
        var report = await app.Service<DailyOperationsReport>().ForAsync(today, today);
        Assert.Equal(20, report.Queues.Single(q => q.Prefix == new QueuePrefix("BD")).Issued);
        Assert.Contains("BD 不动产抵押", report.IssuedByQueueAndHour.Keys);
    }
}
