namespace OpsConsole.Data;

/// <summary>
/// SQLite takes one writer at a time, and its busy handler makes waiting writers sleep in
/// growing steps, so a burst of calls (300 windows at 9:00) would mostly sleep while the file is
/// free. Hot write paths (issue, call, window actions) queue here instead: one at a time, in
/// order, without sleeping. On PostgreSQL the gate is open; row and advisory locks do the work.
/// One app process per SQLite file (several nodes use PostgreSQL).
/// </summary>
public sealed class WriteGate(ResolvedDatabase database)
{
    private readonly SemaphoreSlim _sqlite = new(1, 1);

    public async ValueTask<IDisposable> EnterAsync(CancellationToken ct = default)
    {
        if (database.Provider != DatabaseProvider.Sqlite) return Open.Instance;
        await _sqlite.WaitAsync(ct);
        return new Release(_sqlite);
    }

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) semaphore.Release();
        }
    }

    private sealed class Open : IDisposable
    {
        public static readonly Open Instance = new();
        public void Dispose() { }
    }
}
