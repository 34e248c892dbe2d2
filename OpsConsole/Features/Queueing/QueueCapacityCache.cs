using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Realtime;

namespace OpsConsole.Features.Queueing;

/// <summary>What a queue can serve: open windows routed to it and the recent mean service time.</summary>
public sealed record QueueCapacity(int WindowsServing, TimeSpan MeanService);

/// <summary>
/// The slow-moving forecast inputs per queue, so a kiosk issue does not query them each time. A
/// window change, a change of the queue or a completed ticket of it on this node drops the entry;
/// entries also expire after <see cref="MaxAge"/>, which is how changes on other nodes arrive.
/// </summary>
public sealed class QueueCapacityCache : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<int, Entry> _entries = new();
    private readonly TimeProvider _time;
    private readonly IDisposable _subscription;
    // Bumped by every drop: a read that started before one is not kept.
    private long _version;

    public QueueCapacityCache(HallEvents events, TimeProvider time)
    {
        _time = time;
        // Inline: a cache entry is dropped before the publisher returns, so the next issue reads afresh.
        _subscription = events.SubscribeInline(e =>
        {
            switch (e)
            {
                case WindowChanged or HallResync: DropAll(); break;
                case QueueChanged q: Drop(q.QueueId); break;
                case TicketChanged { State: nameof(TicketState.Completed) } t: Drop(t.QueueId); break;
            }
        });
    }

    public async Task<QueueCapacity> GetAsync(OpsDbContext db, int queueId, CancellationToken ct = default)
    {
        var now = _time.GetUtcNow();
        if (_entries.TryGetValue(queueId, out var entry) && now - entry.ReadAt < MaxAge) return entry.Capacity;
        var version = Interlocked.Read(ref _version);
        var capacity = await ReadAsync(db, queueId, ct);
        _entries[queueId] = new Entry(capacity, now);
        if (Interlocked.Read(ref _version) != version) _entries.TryRemove(queueId, out _);
        return capacity;
    }

    public static async Task<QueueCapacity> ReadAsync(OpsDbContext db, int queueId, CancellationToken ct = default)
    {
        var windows = await (from r in db.Set<WindowQueueRoute>()
                             join s in db.Set<WindowSession>() on r.WindowId equals s.WindowId
                             where r.QueueId == queueId && s.State != WindowState.Closed
                             select s.WindowId).Distinct().CountAsync(ct);
        var recent = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.QueueId == queueId && t.State == TicketState.Completed)
            .OrderByDescending(t => t.Id).Take(WaitForecast.SampleSize).ToListAsync(ct);
        return new QueueCapacity(windows, WaitForecast.MeanServiceTime(recent));
    }

    private void Drop(int queueId)
    {
        Interlocked.Increment(ref _version);
        _entries.TryRemove(queueId, out _);
    }

    private void DropAll()
    {
        Interlocked.Increment(ref _version);
        _entries.Clear();
    }

    public void Dispose() => _subscription.Dispose();

    private sealed record Entry(QueueCapacity Capacity, DateTimeOffset ReadAt);
}
