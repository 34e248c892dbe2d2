using System.Collections.Concurrent;

namespace OpsConsole.Features.Cases;

/// <summary>
/// Live supervision board: case changes and raised or decided cards are announced here (after they are saved), and
/// boards are computed once per filter and change, however many managers keep the page open: each circuit holds a
/// subscription and a coalesced reload, not a query of its own. Node-local: a change made on another node shows
/// when a cached board is older than <see cref="MaxAge"/> and the page reloads (on its next change or filter).
/// </summary>
public sealed class SupervisionFeed(IServiceScopeFactory scopes, TimeProvider time, Common.CenterClock clock, ILogger<SupervisionFeed> log)
{
    /// <summary>A board computed longer ago than this is computed again even without a change on this node.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private const int MaxBoards = 64;

    private readonly ConcurrentDictionary<Guid, Action> _listeners = new();
    private readonly ConcurrentDictionary<(CaseQueries.BoardFilter Filter, long Version, DateOnly Today), (Lazy<Task<CaseQueries.Board>> Board, DateTimeOffset At)> _boards = new();
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    /// <summary>Announces a saved change: the cached boards are dropped and every listener is told (it must not block).</summary>
    public void Changed()
    {
        Interlocked.Increment(ref _version);
        _boards.Clear();
        foreach (var listener in _listeners.Values)
        {
            try
            {
                listener();
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "A supervision board listener failed");
            }
        }
    }

    public IDisposable Subscribe(Action onChange)
    {
        var id = Guid.NewGuid();
        _listeners[id] = onChange;
        return new Subscription(() => _listeners.TryRemove(id, out _));
    }

    public int ListenerCount => _listeners.Count;

    /// <summary>The board for <paramref name="filter"/>, shared by every page asking for it since the last change.</summary>
    public async Task<CaseQueries.Board> BoardAsync(CaseQueries.BoardFilter filter, CancellationToken ct = default)
    {
        // Days left change with the day: a board is for one center day.
        var key = (filter, Version, clock.Today);
        var now = time.GetUtcNow();
        // Many filters viewed without a change in between: start over rather than keep them all.
        if (_boards.Count > MaxBoards) _boards.Clear();
        var entry = _boards.AddOrUpdate(key, _ => New(filter, now), (_, old) => now - old.At > MaxAge || old.Board.Value.IsFaulted ? New(filter, now) : old);
        return await entry.Board.Value.WaitAsync(ct);
    }

    private (Lazy<Task<CaseQueries.Board>>, DateTimeOffset) New(CaseQueries.BoardFilter filter, DateTimeOffset at) =>
        (new Lazy<Task<CaseQueries.Board>>(() => ComputeAsync(filter)), at);

    // Not cancelled by one page's token: other pages may be waiting for the same board.
    private async Task<CaseQueries.Board> ComputeAsync(CaseQueries.BoardFilter filter)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseQueries>().BoardAsync(filter);
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) dispose();
        }
    }
}
