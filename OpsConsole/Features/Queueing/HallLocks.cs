using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Windows;

namespace OpsConsole.Features.Queueing;

/// <summary>
/// The one lock order on PostgreSQL for everything that changes windows and their tickets (ADR 0007):
/// queues' call turns in ascending id (advisory locks), then window sessions in ascending window id
/// (row locks), then tickets. Taken in this order by the desk and by the end of the day, two nodes
/// never wait on each other in a circle. All locks are released at commit. SQLite's write gate and
/// immediate transactions already serialise, so these are no-ops there.
/// </summary>
public static class HallLocks
{
    private const int QueueTurnLockSpace = 7001;

    public static async Task LockQueueTurnsAsync(OpsDbContext db, ResolvedDatabase database, IEnumerable<int> queueIds, CancellationToken ct = default)
    {
        if (database.Provider != DatabaseProvider.Postgres) return;
        foreach (var queueId in queueIds.Distinct().Order())
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({QueueTurnLockSpace}, {queueId})", ct);
    }

    /// <summary>The open sessions, locked in window order (PostgreSQL) and read after the lock, so they are current.</summary>
    public static async Task<List<WindowSession>> LockOpenSessionsAsync(OpsDbContext db, ResolvedDatabase database, CancellationToken ct = default)
    {
        if (database.Provider != DatabaseProvider.Postgres)
            return await db.Set<WindowSession>().Where(s => s.State != WindowState.Closed).ToListAsync(ct);
        return await db.Set<WindowSession>()
            .FromSql($"SELECT * FROM \"WindowSessions\" WHERE \"State\" <> 'Closed' ORDER BY \"WindowId\" FOR UPDATE").ToListAsync(ct);
    }

    /// <summary>One window's session, locked until commit (PostgreSQL).</summary>
    public static async Task<WindowSession?> LockSessionAsync(OpsDbContext db, ResolvedDatabase database, int windowId, CancellationToken ct = default)
    {
        if (database.Provider != DatabaseProvider.Postgres) return await db.Set<WindowSession>().FirstOrDefaultAsync(s => s.WindowId == windowId, ct);
        var locked = await db.Set<WindowSession>()
            .FromSql($"SELECT * FROM \"WindowSessions\" WHERE \"WindowId\" = {windowId} FOR UPDATE").ToListAsync(ct);
        return locked.SingleOrDefault();
    }
}
