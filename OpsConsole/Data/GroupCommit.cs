using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace OpsConsole.Data;

/// <summary>
/// Group commit for short hot writes (ticket issues). Writes that arrive while a transaction is
/// being written wait, then run one after another in the next shared transaction, on one
/// connection, with one durable commit (one WAL fsync on SQLite) for all of them. A caller gets its
/// result only after that commit. If the shared transaction fails it is rolled back and each write
/// is retried alone, so one failing write never fails or changes the others (ADR 0009). Each
/// write runs in its caller's execution context, so the audit log sees the caller's user or device.
/// </summary>
public sealed class GroupCommit : IAsyncDisposable
{
    /// <summary>Bounds how long one transaction keeps the SQLite write gate from calls and window actions.</summary>
    public const int MaxWritesPerTransaction = 64;

    private readonly WriteGate _gate;
    private readonly ILogger<GroupCommit> _log;
    private readonly Channel<PendingWrite> _pending = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public GroupCommit(WriteGate gate, ILogger<GroupCommit> log)
    {
        _gate = gate;
        _log = log;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>
    /// Runs <paramref name="write"/> on a context from <paramref name="createContext"/> (the caller's,
    /// so its audit actor) inside a shared transaction, and returns its result once committed. The
    /// write may run twice (the second time alone, on a fresh context) and must not publish anything;
    /// writes of one transaction run in ascending <paramref name="lockOrder"/>, so transactions on
    /// different nodes lock rows in the same order.
    /// </summary>
    public async Task<T> RunAsync<T>(int lockOrder, Func<OpsDbContext> createContext, Func<OpsDbContext, Task<T>> write,
        CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var pending = new PendingWrite(lockOrder, createContext, async db => await write(db), ExecutionContext.Capture(), ct);
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
                pending.Done.TrySetResult((await InOneTransactionAsync([pending]))[0]);
            }
            catch (Exception ex)
            {
                pending.Done.TrySetException(ex);
            }
        }
    }

    private async Task<object?[]> InOneTransactionAsync(List<PendingWrite> writes)
    {
        using (await _gate.EnterAsync())
        {
            await using var lead = writes[0].CreateContext();
            await using var tx = await lead.Database.BeginTransactionAsync();
            var connection = lead.Database.GetDbConnection();
            var results = new object?[writes.Count];
            for (var i = 0; i < writes.Count; i++)
            {
                await using var db = writes[i].CreateContext();
                db.Database.SetDbConnection(connection, contextOwnsConnection: false);
                await db.Database.UseTransactionAsync(tx.GetDbTransaction());
                // A failure rolls back the whole transaction, so per-SaveChanges savepoints would only add round trips.
                db.Database.AutoSavepointsEnabled = false;
                results[i] = await writes[i].RunAsync(db);
            }
            await tx.CommitAsync();
            return results;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _writer;
    }

    private sealed record PendingWrite(int LockOrder, Func<OpsDbContext> CreateContext, Func<OpsDbContext, Task<object?>> Write,
        ExecutionContext? CallerContext, CancellationToken Cancellation)
    {
        public TaskCompletionSource<object?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Starts the write in the caller's execution context (HttpContext, circuit); its awaits keep it.</summary>
        public Task<object?> RunAsync(OpsDbContext db)
        {
            if (CallerContext is null) return Write(db);
            Task<object?>? started = null;
            ExecutionContext.Run(CallerContext, _ => started = Write(db), null);
            return started!;
        }
    }
}
