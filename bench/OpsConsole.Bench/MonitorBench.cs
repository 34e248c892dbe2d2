using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Data;
using OpsConsole.Data.Seeding;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.People;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Common;
using OpsConsole.Features.Monitoring;
using OpsConsole.Realtime;

namespace OpsConsole.Bench;

/// <summary>
/// Issue 4's targets: with 300 windows changing state at 5 changes/s each and 20 open dashboards,
/// updates per second per dashboard (≤ 4) and server CPU; the staffing suggestion for a center of
/// 40 queues (by default) × 60 days of history (target ≤ 200 ms, set for 40 queues).
/// </summary>
internal static class MonitorBench
{
    /// <summary>The demo's 14 queues; the bench adds queues with two-letter prefixes (AA, AB, …) up to the size asked.</summary>
    private const int DemoQueueCount = 14;
    public const int DefaultQueues = 40;

    public static async Task<List<QueueBench.Row>> RunAsync(int totalQueues = DefaultQueues)
    {
        if (totalQueues is < DemoQueueCount or > 100) throw new ArgumentOutOfRangeException(nameof(totalQueues), $"between {DemoQueueCount} and 100");
        var extraQueues = totalQueues - DemoQueueCount;
        var rows = new List<QueueBench.Row>();
        await using var host = await BenchHost.StartAsync("Sqlite", startHostedServices: true);
        var sp = host.App.Services;
        await AddQueuesAndWindowsAsync(sp, extraQueues, windowsPerQueue: 2, extraWindows: 300 - 56 - 2 * extraQueues);
        var monitor = sp.GetRequiredService<HallMonitor>();
        var events = sp.GetRequiredService<HallEvents>();
        var clock = sp.GetRequiredService<TimeProvider>();

        // 20 dashboards: each counts the snapshots it receives, per second.
        var perSecond = Enumerable.Range(0, 20).Select(_ => new ConcurrentDictionary<long, int>()).ToList();
        var t0 = Stopwatch.GetTimestamp();
        var subscriptions = perSecond.Select(counts => monitor.Subscribe((_, _) =>
        {
            counts.AddOrUpdate((long)Stopwatch.GetElapsedTime(t0).TotalSeconds, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        })).ToList();

        await using var db = await sp.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        var windowIds = await db.Windows.Select(w => w.Id).Take(300).ToListAsync();
        var rebuildsBefore = monitor.Rebuilds;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var published = 0;
        // 300 windows × 5 changes/s = 1,500 events/s for 10 s, in 100 ms slices.
        for (var slice = 0; slice < 100; slice++)
        {
            for (var i = 0; i < 150; i++)
            {
                await events.PublishAsync(new WindowChanged(clock.GetUtcNow(), windowIds[(slice * 150 + i) % windowIds.Count]));
                published++;
            }
            var due = TimeSpan.FromMilliseconds(100 * (slice + 1)) - sw.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due);
        }
        var seconds = sw.Elapsed.TotalSeconds;
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        await Task.Delay(1500);
        foreach (var s in subscriptions) s.Dispose();
        var counts = perSecond.SelectMany(d => d.Values).ToList();
        var maxPerSecond = counts.Count == 0 ? 0 : counts.Max();
        var mean = perSecond.Average(d => d.Where(kv => kv.Key < (long)Math.Ceiling(seconds)).Sum(kv => kv.Value)) / Math.Ceiling(seconds);
        rows.Add(new("Sqlite", "300 windows × 5 changes/s, 20 dashboards, 10 s", $"{published:N0} events, {monitor.Rebuilds - rebuildsBefore} snapshots",
            $"per dashboard: mean {mean:0.0}/s, max {maxPerSecond}/s; CPU {cpuUsed.TotalMilliseconds / 1000 / seconds / Environment.ProcessorCount:P0} of {Environment.ProcessorCount} cores",
            "≤ 4 renders/s per dashboard"));

        // One snapshot build, on its own (what each of those updates costs).
        var builder = sp.CreateScope().ServiceProvider.GetRequiredService<HallSnapshotBuilder>();
        var builds = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            sw.Restart();
            await builder.BuildAsync();
            builds.Add(sw.Elapsed.TotalMilliseconds);
        }
        builds.Sort();
        rows.Add(new("Sqlite", "build one hall snapshot", $"300 windows, {totalQueues} queues", $"median {Stats.Percentile(builds, .5):0.0} ms", "—"));

        // Staffing: 60 workdays of history for every queue, then the suggestion for today.
        Console.Error.WriteLine($"generating 60 days of history for {totalQueues} queues…");
        var centerClock = sp.GetRequiredService<CenterClock>();
        sw.Restart();
        await sp.CreateScope().ServiceProvider.GetRequiredService<DemoHistory>().GenerateAsync(centerClock.Today, centerClock.Now.Offset);
        var tickets = await db.Set<Ticket>().CountAsync();
        Console.Error.WriteLine($"history: {tickets:N0} tickets in {sw.Elapsed.TotalSeconds:0} s");
        var suggestion = sp.CreateScope().ServiceProvider.GetRequiredService<StaffingSuggestion>();
        await suggestion.ForAsync(centerClock.Today); // warm-up
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            sw.Restart();
            var r = await suggestion.ForAsync(centerClock.Today);
            times.Add(sw.Elapsed.TotalMilliseconds);
            if (r.Queues.Count != totalQueues) throw new InvalidOperationException($"expected {totalQueues} queues, got {r.Queues.Count}");
        }
        times.Sort();
        rows.Add(new("Sqlite", "staffing suggestion for a day", $"{totalQueues} queues, {tickets:N0} tickets over 60 workdays",
            $"median {Stats.Percentile(times, .5):0} ms, max {times[^1]:0} ms", "≤ 200 ms"));
        return rows;
    }

    private static async Task AddQueuesAndWindowsAsync(IServiceProvider sp, int extraQueues, int windowsPerQueue, int extraWindows)
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var zone = await db.Zones.FirstAsync();
        var number = await db.Windows.MaxAsync(w => w.Number) + 1;
        var hours = new[] { new OpeningPeriod(new TimeOnly(9, 0), new TimeOnly(12, 0)), new OpeningPeriod(new TimeOnly(13, 0), new TimeOnly(17, 0)) };
        var used = (await db.Set<ServiceQueue>().Select(q => q.Prefix).ToListAsync()).ToHashSet();
        var twoLetters = from a in Enumerable.Range('A', 26) from b in Enumerable.Range('A', 26) select new QueuePrefix($"{(char)a}{(char)b}");
        var queues = twoLetters.Where(p => !used.Contains(p)).Take(extraQueues)
            .Select((prefix, i) => new ServiceQueue($"BQ{i:00}", prefix, $"压测队列{i + 1}", hours)).ToList();
        db.AddRange(queues);
        await db.SaveChangesAsync();
        var windows = new List<(Window Window, ServiceQueue? Queue)>();
        foreach (var q in queues) for (var k = 0; k < windowsPerQueue; k++) windows.Add((new Window { Number = number++, Name = $"压测窗口{number}", Type = WindowType.Dedicated, ZoneId = zone.Id }, q));
        for (var k = 0; k < extraWindows; k++) windows.Add((new Window { Number = number++, Name = $"压测窗口{number}", Type = WindowType.Comprehensive, ZoneId = zone.Id }, null));
        var staff = windows.Select((_, i) => new Staff { EmployeeNo = $"BM{i:00000}", Name = $"压测{i}" }).ToList();
        db.AddRange(windows.Select(w => w.Window));
        db.AddRange(staff);
        await db.SaveChangesAsync();
        var zh = await db.Set<ServiceQueue>().SingleAsync(q => q.Code == DemoQueues.ComprehensiveCode);
        for (var i = 0; i < windows.Count; i++)
        {
            db.Add(new WindowQueueRoute(windows[i].Window.Id, (windows[i].Queue ?? zh).Id, 1));
            var session = new WindowSession(windows[i].Window.Id, now);
            session.SignIn(staff[i].Id, now);
            db.Add(session);
        }
        await db.SaveChangesAsync();
    }
}
