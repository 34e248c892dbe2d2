using OpsConsole.Realtime;

namespace OpsConsole.Features.Queueing;

/// <summary>
/// What anyone may ask often — the public live-wait page and the kiosk API's queue list — served from a
/// snapshot shared by all callers. A snapshot is rebuilt at most once per <see cref="MinAge"/>, and only when a
/// hall event came since it was built or it is older than <see cref="MaxAge"/> (forecasts and opening hours move
/// with time; other nodes' changes arrive that way too). Callers who find it stale share one rebuild.
/// </summary>
public sealed class PublicQueueSnapshot : IDisposable
{
    public static readonly TimeSpan MinAge = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(15);

    private readonly IDisposable _subscription;
    private readonly Snapshot<IReadOnlyList<QueueQueries.QueueSummary>> _queues;
    private readonly Snapshot<IReadOnlyList<KioskMenu.KioskQueue>> _kioskQueues;
    // Bumped by every hall event: a snapshot built before the bump is stale once MinAge has passed.
    private long _version;

    public PublicQueueSnapshot(IServiceScopeFactory scopes, HallEvents events, TimeProvider time)
    {
        _queues = new(this, time, () => BuildAsync(scopes, sp => sp.GetRequiredService<QueueQueries>().QueuesAsync()));
        _kioskQueues = new(this, time, () => BuildAsync(scopes, sp => sp.GetRequiredService<KioskMenu>().QueuesAsync()));
        _subscription = events.SubscribeInline(_ => Interlocked.Increment(ref _version));
    }

    /// <summary>Every queue with its waiting count and forecast (the /wait page).</summary>
    public Task<IReadOnlyList<QueueQueries.QueueSummary>> QueuesAsync() => _queues.GetAsync();

    /// <summary>Every queue as the kiosk offers it (GET /api/kiosk/queues).</summary>
    public Task<IReadOnlyList<KioskMenu.KioskQueue>> KioskQueuesAsync() => _kioskQueues.GetAsync();

    private static async Task<T> BuildAsync<T>(IServiceScopeFactory scopes, Func<IServiceProvider, Task<T>> read)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await read(scope.ServiceProvider);
    }

    public void Dispose() => _subscription.Dispose();

    private sealed class Snapshot<T>(PublicQueueSnapshot owner, TimeProvider time, Func<Task<T>> build)
    {
        private sealed record Built(T Value, long At, long Version);

        private readonly Lock _lock = new();
        private Built? _built;
        private Task<Built>? _building;

        public async Task<T> GetAsync()
        {
            var built = Volatile.Read(ref _built);
            if (built is not null && IsFresh(built)) return built.Value;
            Task<Built> building;
            lock (_lock)
            {
                // Run apart from the caller: the rebuild is shared, so it must not carry one request's context or cancellation.
                building = _building ??= Task.Run(RebuildAsync);
            }
            return (await building).Value;
        }

        private bool IsFresh(Built built)
        {
            var age = time.GetElapsedTime(built.At);
            return age < MinAge || (age < MaxAge && built.Version == Interlocked.Read(ref owner._version));
        }

        private async Task<Built> RebuildAsync()
        {
            try
            {
                var version = Interlocked.Read(ref owner._version);
                var at = time.GetTimestamp();
                var built = new Built(await build(), at, version);
                Volatile.Write(ref _built, built);
                return built;
            }
            finally
            {
                lock (_lock) _building = null;
            }
        }
    }
}
