using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Monitoring;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Monitoring;

/// <summary>Reads today's state of the hall from the database into a <see cref="HallSnapshot"/>.</summary>
public sealed class HallSnapshotBuilder(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock)
{
    private sealed record TicketFacts(int QueueId, int? WindowId, TicketState State, DateTimeOffset IssuedAt, DateTimeOffset SortTime,
        DateTimeOffset? FirstCalledAt, DateTimeOffset? CompletedAt, QueuePrefix Prefix, int Sequence, int Id);

    public async Task<(HallSnapshot Snapshot, IReadOnlyList<QueueState> Queues, IReadOnlyList<WindowStateSnapshot> Windows)> BuildAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.Now;
        var today = clock.Today;
        var tickets = await db.Set<Ticket>().AsNoTracking().Where(t => t.ServiceDay == today)
            .Select(t => new TicketFacts(t.QueueId, t.WindowId, t.State, t.IssuedAt, t.SortTime, t.FirstCalledAt, t.CompletedAt, t.Prefix, t.Sequence, t.Id))
            .ToListAsync(ct);
        var queues = await db.Set<ServiceQueue>().AsNoTracking().OrderBy(q => q.Prefix).ToListAsync(ct);
        var routes = await db.Set<WindowQueueRoute>().AsNoTracking().ToListAsync(ct);
        var sessions = await db.Set<WindowSession>().AsNoTracking().ToDictionaryAsync(s => s.WindowId, ct);
        var windows = await db.Windows.AsNoTracking().Include(w => w.Zone).ThenInclude(z => z!.Floor).Where(w => w.Active).OrderBy(w => w.Number).ToListAsync(ct);
        var staffIds = sessions.Values.Where(s => s.StaffId is not null).Select(s => s.StaffId!.Value).ToList();
        var staffNames = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var ratings = await (from e in db.Set<Evaluation>()
                             join t in db.Set<Ticket>() on e.TicketId equals t.Id
                             where t.ServiceDay == today
                             group e by e.Level into g
                             select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        var byId = tickets.ToDictionary(t => t.Id);
        var openWindows = windows.Where(w => sessions.TryGetValue(w.Id, out var s) && s.State != WindowState.Closed).Select(w => w.Id).ToHashSet();
        var queueStates = new List<QueueState>();
        var rows = new List<QueueRow>();
        foreach (var q in queues)
        {
            var mine = tickets.Where(t => t.QueueId == q.Id).ToList();
            var waiting = mine.Where(t => t.State == TicketState.Waiting).ToList();
            var longest = waiting.Count == 0 ? TimeSpan.Zero : now - waiting.Min(t => t.IssuedAt);
            var called = mine.Where(t => t.FirstCalledAt is not null).Select(t => t.FirstCalledAt!.Value - t.IssuedAt).ToList();
            var lateWaiting = waiting.Count(t => now - t.IssuedAt > q.TargetWait);
            var judged = called.Count + lateWaiting;
            double? level = judged == 0 ? null : (double)called.Count(w => w <= q.TargetWait) / judged;
            var serving = routes.Where(r => r.QueueId == q.Id && openWindows.Contains(r.WindowId)).Select(r => r.WindowId).Distinct().ToList();
            var arrivals = Enumerable.Range(0, 6).Select(i =>
            {
                var from = now.AddMinutes(-60 + i * 10);
                return mine.Count(t => t.IssuedAt >= from && t.IssuedAt < from.AddMinutes(10));
            }).ToList();
            queueStates.Add(new QueueState(q.Id, q.Code, q.Name, waiting.Count, longest, q.TargetWait, serving.Count));
            rows.Add(new QueueRow(q.Id, q.Code, q.Prefix, q.Name, waiting.Count, longest,
                called.Count == 0 ? null : TimeSpan.FromTicks((long)called.Average(c => c.Ticks)), level, q.TargetWait,
                mine.Count, mine.Count(t => t.State == TicketState.Completed), serving.Count,
                windows.Where(w => serving.Contains(w.Id)).Select(w => w.Number).ToList(), arrivals, q.IsIssuing, null));
        }

        var queueNames = queues.ToDictionary(q => q.Id, q => q.Name);
        var windowStates = new List<WindowStateSnapshot>();
        var tiles = new List<WindowTile>();
        foreach (var w in windows)
        {
            var s = sessions.GetValueOrDefault(w.Id);
            var state = s?.State ?? WindowState.Closed;
            var qids = routes.Where(r => r.WindowId == w.Id).OrderBy(r => r.Precedence).Select(r => r.QueueId).ToList();
            var current = s?.CurrentTicketId is { } tid && byId.TryGetValue(tid, out var t) ? t : null;
            windowStates.Add(new WindowStateSnapshot(w.Id, w.Number, w.Name, state, s?.StateSince ?? now, s?.StaffId, qids));
            tiles.Add(new WindowTile(w.Id, w.Number, w.Name, w.Zone?.Name ?? "", w.Zone?.Code ?? "", w.Zone?.Floor?.Level ?? 0, w.Type, state,
                clock.ToLocal(s?.StateSince ?? now), s?.StaffId is { } sid ? staffNames.GetValueOrDefault(sid) : null,
                current is null ? null : new TicketNumber(current.Prefix, current.Sequence).ToString(), current?.State,
                s?.PauseReason, s?.PauseNote, qids, qids.Select(id => queueNames.GetValueOrDefault(id, "")).ToList(), null));
        }

        var hours = Enumerable.Range(8, 11).Select(h => new HourCount(h,
            tickets.Count(t => clock.ToLocal(t.IssuedAt).Hour == h),
            tickets.Count(t => t.CompletedAt is { } c && clock.ToLocal(c).Hour == h))).ToList();
        var snapshot = new HallSnapshot(now, rows, tiles, hours, ratings, []);
        return (snapshot, queueStates, windowStates);
    }
}
