using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Data;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.People;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Queueing;
using OpsConsole.Realtime;

namespace OpsConsole.Bench;

/// <summary>
/// Issue 3's targets on each provider: tickets issued per second by 100 concurrent issuers
/// (duplicates and gaps counted, must be 0), calls per second with 300 windows, and the time from
/// a call to its delivery to 50 display subscribers (in process; the SignalR hop is not included).
/// </summary>
internal static class QueueBench
{
    public sealed record Row(string Provider, string What, string Size, string Result, string Target);

    public static async Task<List<Row>> RunAsync(string provider)
    {
        var rows = new List<Row>();
        await using var host = await BenchHost.StartAsync(provider);
        var sp = host.App.Services;
        T S<T>() where T : notnull => sp.CreateScope().ServiceProvider.GetRequiredService<T>();

        // 1. Issue: 100 issuers × 20 tickets on one queue. Manager-issued, so the kiosk's forecast
        // refusal (2,000 people cannot be served before closing) does not stop the run; the
        // numbering path is the same for every channel.
        await S<TicketIssuer>().IssueAsync("SB", TicketChannel.ManagerIssued); // warm-up (JIT, EF model)
        var sw = Stopwatch.StartNew();
        var issued = new ConcurrentBag<string>();
        var refused = 0;
        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(async () =>
        {
            var issuer = S<TicketIssuer>();
            for (var i = 0; i < 20; i++)
            {
                var o = await issuer.IssueAsync("BDC", TicketChannel.ManagerIssued);
                if (o.Ticket is { } t) issued.Add(t.Number); else Interlocked.Increment(ref refused);
            }
        })));
        var elapsed = sw.Elapsed;
        var numbers = issued.Select(n => int.Parse(n[1..])).Order().ToList();
        var duplicates = numbers.Count - numbers.Distinct().Count();
        var gaps = numbers.Count == 0 ? 0 : numbers.Max() - numbers.Distinct().Count();
        rows.Add(new(provider, "issue tickets, 100 concurrent issuers", $"{numbers.Count:N0} tickets ({refused} refused)",
            $"{numbers.Count / elapsed.TotalSeconds:N0} tickets/s; {duplicates} duplicates, {gaps} gaps", "≥ 1,000/s on SQLite; 0 dup, 0 gaps"));

        // 2. Calls: 300 windows on one pooled queue, each calls and completes 5 tickets.
        var windows = await AddStaffedWindowsAsync(sp, 300, "ZH");
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            var issuer = S<TicketIssuer>();
            for (var i = 0; i < 160; i++) await issuer.IssueAsync("ZH", TicketChannel.ManagerIssued);
        })));
        var latencies = new ConcurrentBag<double>();
        var pending = new ConcurrentDictionary<int, long>();
        var subscriptions = Enumerable.Range(0, 50).Select(_ => S<HallEvents>().Subscribe(e =>
        {
            if (e is TicketCalled c && pending.TryGetValue(c.WindowId, out var t0))
                latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            return Task.CompletedTask;
        })).ToList();
        var calls = 0;
        var failures = 0;
        sw.Restart();
        await Task.WhenAll(windows.Select(w => Task.Run(async () =>
        {
            var desk = S<CounterDesk>();
            for (var i = 0; i < 5; i++)
            {
                pending[w.WindowId] = Stopwatch.GetTimestamp();
                var r = await desk.CallNextAsync(w.WindowId, w.StaffId);
                if (!r.Succeeded) { Interlocked.Increment(ref failures); continue; }
                Interlocked.Increment(ref calls);
                await desk.CompleteAsync(w.WindowId, w.StaffId);
            }
        })));
        elapsed = sw.Elapsed;
        foreach (var s in subscriptions) s.Dispose();
        await using (var db = await sp.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync())
        {
            var served = await db.Set<Ticket>().Where(t => t.QueueId == windows[0].QueueId && t.State == TicketState.Completed).CountAsync();
            rows.Add(new(provider, "call next + complete, 300 windows at once", $"{calls:N0} calls ({failures} refused)",
                $"{calls / elapsed.TotalSeconds:N0} calls/s (each with its complete); {served} tickets served once each", "no ticket twice"));
        }
        var sorted = latencies.Order().ToList();
        rows.Add(new(provider, "press → call delivered to 50 subscribers, all 300 windows pressing at once", $"{sorted.Count:N0} deliveries",
            $"p50 {Stats.Percentile(sorted, .5):0} ms, p95 {Stats.Percentile(sorted, .95):0} ms, p99 {Stats.Percentile(sorted, .99):0} ms (includes waiting for the queue's turn)",
            "—"));

        // 3. One window at a time (a normal moment in the hall): press → delivered to 50 subscribers.
        latencies.Clear();
        subscriptions = Enumerable.Range(0, 50).Select(_ => S<HallEvents>().Subscribe(e =>
        {
            if (e is TicketCalled c && pending.TryGetValue(c.WindowId, out var t0))
                latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            return Task.CompletedTask;
        })).ToList();
        var solo = S<CounterDesk>();
        foreach (var w in windows.Take(100))
        {
            pending[w.WindowId] = Stopwatch.GetTimestamp();
            if ((await solo.CallNextAsync(w.WindowId, w.StaffId)).Succeeded) await solo.CompleteAsync(w.WindowId, w.StaffId);
        }
        foreach (var s in subscriptions) s.Dispose();
        sorted = latencies.Order().ToList();
        rows.Add(new(provider, "press → call delivered to 50 in-process subscribers, one window at a time", $"{sorted.Count:N0} deliveries",
            $"p50 {Stats.Percentile(sorted, .5):0.0} ms, p95 {Stats.Percentile(sorted, .95):0.0} ms, p99 {Stats.Percentile(sorted, .99):0.0} ms",
            "p99 ≤ 50 ms (the SignalR hop to the screens is not included)"));

        // 4. Call next, one window at a time, with 200 ticket-status pages open (/t/{code}: each reloads
        // its ticket 200 ms after an event of its queue, as the page does), next to the same without them.
        rows.Add(await CallNextLatencyAsync(provider, sp, windows.Skip(100).Take(100).ToList(), statusPages: 0));
        rows.Add(await CallNextLatencyAsync(provider, sp, windows.Skip(200).Take(100).ToList(), statusPages: 200));
        return rows;
    }

    private static async Task<Row> CallNextLatencyAsync(string provider, IServiceProvider sp, List<(int WindowId, int StaffId, int QueueId)> windows, int statusPages)
    {
        T S<T>() where T : notnull => sp.CreateScope().ServiceProvider.GetRequiredService<T>();
        // Enough waiting tickets for every call, plus one for each open status page to follow.
        var issuer = S<TicketIssuer>();
        for (var i = 0; i < windows.Count + statusPages; i++) await issuer.IssueAsync("ZH", TicketChannel.ManagerIssued);
        List<string> codes;
        await using (var db = await sp.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync())
        {
            codes = await db.Set<Ticket>().Where(t => t.QueueId == windows[0].QueueId && t.State == TicketState.Waiting)
                .OrderByDescending(t => t.Id).Select(t => t.PublicCode).Take(statusPages).ToListAsync();
        }
        var queries = S<QueueQueries>();
        var reloads = 0;
        var pages = codes.Select(code =>
        {
            var refresh = new CoalescedRefresh(TimeSpan.FromMilliseconds(200), async ct =>
            {
                await queries.StatusAsync(code, ct);
                Interlocked.Increment(ref reloads);
            }, _ => Task.CompletedTask);
            var subscription = S<HallEvents>().Subscribe(e =>
            {
                if (e is TicketCalled or TicketChanged or TicketIssued) refresh.Request();
                return Task.CompletedTask;
            });
            return (IDisposable)new CompositeDisposable(subscription, refresh);
        }).ToList();
        var desk = S<CounterDesk>();
        var latencies = new List<double>();
        var refused = 0;
        foreach (var w in windows)
        {
            var t0 = Stopwatch.GetTimestamp();
            var called = await desk.CallNextAsync(w.WindowId, w.StaffId);
            latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            if (called.Succeeded) await desk.CompleteAsync(w.WindowId, w.StaffId);
            else refused++;
        }
        pages.ForEach(p => p.Dispose());
        latencies.Sort();
        return new(provider, statusPages == 0 ? "call next, one window at a time (no status pages open)" : $"call next, one window at a time, {statusPages} ticket-status pages open",
            $"{latencies.Count} calls ({refused} refused)", $"p50 {Stats.Percentile(latencies, .5):0.0} ms, p99 {Stats.Percentile(latencies, .99):0.0} ms" +
            (statusPages == 0 ? "" : $"; {codes.Count} pages reloaded {reloads:N0} times meanwhile"), "unchanged by open pages");
    }

    private sealed class CompositeDisposable(params IDisposable[] parts) : IDisposable
    {
        public void Dispose()
        {
            foreach (var p in parts) p.Dispose();
        }
    }

    private static async Task<List<(int WindowId, int StaffId, int QueueId)>> AddStaffedWindowsAsync(IServiceProvider sp, int count, string queueCode)
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        var queue = await db.Set<ServiceQueue>().SingleAsync(q => q.Code == queueCode);
        var zone = await db.Zones.FirstAsync();
        var first = await db.Windows.MaxAsync(w => w.Number) + 1;
        var staff = Enumerable.Range(first, count).Select(i => new Staff { EmployeeNo = $"BN{i:00000}", Name = $"压测{i}" }).ToList();
        var windows = Enumerable.Range(first, count).Select(i => new Window { Number = i, Name = $"压测窗口{i}", Type = WindowType.Comprehensive, ZoneId = zone.Id }).ToList();
        db.AddRange(staff);
        db.AddRange(windows);
        await db.SaveChangesAsync();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        for (var i = 0; i < count; i++)
        {
            db.Add(new WindowQueueRoute(windows[i].Id, queue.Id, 1));
            var session = new WindowSession(windows[i].Id, now);
            session.SignIn(staff[i].Id, now);
            db.Add(session);
        }
        await db.SaveChangesAsync();
        return windows.Select((w, i) => (w.Id, staff[i].Id, queue.Id)).ToList();
    }
}
