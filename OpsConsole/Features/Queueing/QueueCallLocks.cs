using System.Collections.Concurrent;

namespace OpsConsole.Features.Queueing;

/// <summary>
/// In-process turns per queue for "call next": windows of this node that share a queue wait here,
/// without holding a database connection, instead of queueing on the database's advisory lock
/// with a pooled connection each (300 windows at 9:00 would empty the pool). Across nodes the
/// PostgreSQL advisory lock still decides (ADR 0007). Locks are taken in ascending queue order.
/// </summary>
public sealed class QueueCallLocks
{
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _locks = new();

    public async Task<IDisposable> AcquireAsync(IEnumerable<int> queueIds, CancellationToken ct = default)
    {
        var taken = new List<SemaphoreSlim>();
        try
        {
            foreach (var id in queueIds.Distinct().Order())
            {
                var semaphore = _locks.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
                await semaphore.WaitAsync(ct);
                taken.Add(semaphore);
            }
        }
        catch
        {
            foreach (var s in taken) s.Release();
            throw;
        }
        return new Releaser(taken);
    }

    private sealed class Releaser(List<SemaphoreSlim> taken) : IDisposable
    {
        private int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) != 0) return;
            for (var i = taken.Count - 1; i >= 0; i--) taken[i].Release();
        }
    }
}
