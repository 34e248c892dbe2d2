using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace OpsConsole.Data;

/// <summary>
/// Group commit for short hot writes (ticket issues). Writes that arrive while a transaction is
/// being written wait, then run one after another in the next transaction on one context, which
/// saves them with one SaveChanges and one durable commit (one WAL fsync on SQLite). A caller gets
/// its result only after that commit. If the transaction fails it is rolled back and each write is
/// retried alone, so one failing write never fails or changes the others (ADR 0011).
/// </summary>
public sealed class GroupCommit : IAsyncDisposable
{
    /// <summary>Bounds how long one transaction keeps the SQLite write gate from calls and window actions.</summary>
    public const int MaxWritesPerTransaction = 64;

    private readonly IServiceScopeFactory _scopes;
    private readonly WriteGate _gate;
    private readonly ILogger<GroupCommit> _log;
    private readonly Channel<PendingWrite> _pending = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public GroupCommit(IServiceScopeFactory scopes, WriteGate gate, ILogger<GroupCommit> log)
    {
        _scopes = scopes;
        _gate = gate;
        _log = log;
        // The loop outlives whichever request created this singleton: it must not carry that request's context.
        using (ExecutionContext.SuppressFlow()) _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>
    /// Runs <paramref name="write"/> in a shared transaction and returns its result once committed.
    /// The write adds or changes entities and does not save; keys generated on insert are set when
    /// this returns. The audit log names <paramref name="actor"/> for what the write changed. A write
    /// may run twice (the second time alone, on a fresh context) and must not publish anything; since the
    /// first transaction may have committed with only its acknowledgement lost, a write run again first looks
    /// for what its first run wrote (tickets: by their unique public code).
    /// Writes of one transaction run in ascending <paramref name="lockOrder"/>, so transactions on
    /// different nodes lock rows in the same order.
    /// </summary>
    public async Task<T> RunAsync<T>(int lockOrder, string actor, Func<OpsDbContext, Task<T>> write, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var pending = new PendingWrite(lockOrder, actor, async db => await write(db), ct);
        if (!_pending.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(GroupCommit));
        return (T)(await pending.Done.Task)!;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxWritesPerTransaction);
        while (await _pending.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxWritesPerTransaction && _pending.Reader.TryRead(out var pending))
            {
                if (pending.Cancellation.IsCancellationRequested) pending.Done.TrySetCanceled(pending.Cancellation);
                else batch.Add(pending);
            }
            if (batch.Count > 0) await CommitAsync(batch.OrderBy(w => w.LockOrder).ToList());
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        if (batch.Count > 1)
        {
            try
            {
                var results = await InOneTransactionAsync(batch);
                for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(results[i]);
                return;
            }
            catch (Exception ex)
            {
                _log.LogWarning(ex, "A group of {Count} writes was rolled back; retrying each alone", batch.Count);
            }
        }
        foreach (var pending in batch)
        {
            try
            {
                pending.Done.TrySetResult(await AloneAsync(pending));
            }
            catch (Exception ex)
            {
                pending.Done.TrySetException(ex);
            }
        }
    }

    private async Task<object?> AloneAsync(PendingWrite pending)
    {
        try
        {
            return (await InOneTransactionAsync([pending]))[0];
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // Another node saved the same row first (e.g. one booking checked in at two kiosks): the write runs
            // once more, and its fresh read sees that commit and decides again (ADR 0011).
            _log.LogInformation(ex, "A write lost a concurrency check; running it again");
            return (await InOneTransactionAsync([pending]))[0];
        }
    }

    private async Task<object?[]> InOneTransactionAsync(List<PendingWrite> writes)
    {
        await using var scope = _scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        // A failure rolls back the whole transaction, so a savepoint around SaveChanges would only add round trips.
        db.Database.AutoSavepointsEnabled = false;
        using (await _gate.EnterAsync())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var results = new object?[writes.Count];
            for (var i = 0; i < writes.Count; i++)
            {
                results[i] = await writes[i].Write(db);
                foreach (var entry in db.ChangeTracker.Entries())
                {
                    if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) db.ChangedBy(entry.Entity, writes[i].Actor);
                }
            }
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return results;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _writer;
    }

    private sealed record PendingWrite(int LockOrder, string Actor, Func<OpsDbContext, Task<object?>> Write, CancellationToken Cancellation)
    {
        public TaskCompletionSource<object?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
