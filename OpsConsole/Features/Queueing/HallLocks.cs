using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Windows;

namespace OpsConsole.Features.Queueing;

/// <summary>
/// The one lock order on PostgreSQL for everything that changes windows and their tickets (ADR 0007):
/// queues' call turns in ascending id (advisory locks), then window sessions in ascending window id
/// (row locks), then tickets. Taken in this order by the desk and by the end of the day, two nodes
/// never wait on each other in a circle. All locks are released at commit. SQLite's write gate and
/// immediate transactions already serialise, so these are no-ops there. SQL Server takes the same
/// order with application locks and UPDLOCK row locks (written for it, not run here: ADR 0016).
/// </summary>
public static class HallLocks
{
    private const int QueueTurnLockSpace = 7001;

    public static async Task LockQueueTurnsAsync(OpsDbContext db, ResolvedDatabase database, IEnumerable<int> queueIds, CancellationToken ct = default)
    {
        if (database.Provider == DatabaseProvider.Sqlite) return;
        foreach (var queueId in queueIds.Distinct().Order())
        {
            if (database.Provider == DatabaseProvider.Postgres)
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({QueueTurnLockSpace}, {queueId})", ct);
            else
                await db.Database.ExecuteSqlAsync(
                    $"EXEC sp_getapplock @Resource = {$"opsconsole-queue-{queueId}"}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = -1", ct);
        }
    }

    /// <summary>The open sessions, locked in window order (PostgreSQL) and read after the lock, so they are current.</summary>
    public static async Task<List<WindowSession>> LockOpenSessionsAsync(OpsDbContext db, ResolvedDatabase database, CancellationToken ct = default)
    {
        return database.Provider switch
        {
            DatabaseProvider.Postgres => await db.Set<WindowSession>()
                .FromSql($"SELECT * FROM \"WindowSessions\" WHERE \"State\" <> 'Closed' ORDER BY \"WindowId\" FOR UPDATE").ToListAsync(ct),
            DatabaseProvider.SqlServer => await db.Set<WindowSession>()
                .FromSql($"SELECT * FROM [WindowSessions] WITH (UPDLOCK, ROWLOCK) WHERE [State] <> 'Closed'").OrderBy(s => s.WindowId).ToListAsync(ct),
            _ => await db.Set<WindowSession>().Where(s => s.State != WindowState.Closed).ToListAsync(ct),
        };
    }

    /// <summary>One window's session, locked until commit (PostgreSQL).</summary>
    public static async Task<WindowSession?> LockSessionAsync(OpsDbContext db, ResolvedDatabase database, int windowId, CancellationToken ct = default)
    {
        var locked = database.Provider switch
        {
            DatabaseProvider.Postgres => await db.Set<WindowSession>()
                .FromSql($"SELECT * FROM \"WindowSessions\" WHERE \"WindowId\" = {windowId} FOR UPDATE").ToListAsync(ct),
            DatabaseProvider.SqlServer => await db.Set<WindowSession>()
                .FromSql($"SELECT * FROM [WindowSessions] WITH (UPDLOCK, ROWLOCK) WHERE [WindowId] = {windowId}").ToListAsync(ct),
            _ => await db.Set<WindowSession>().Where(s => s.WindowId == windowId).ToListAsync(ct),
        };
        return locked.SingleOrDefault();
    }
}
