using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace OpsConsole.Data.Migrations;

/// <summary>
/// What start-up does with the schema (ADR 0016): adopt a database made by the hand-written scripts of
/// earlier builds (ADR 0004), refuse a database newer than this build, then apply the pending migrations.
/// </summary>
public static class StartupMigration
{
    /// <summary>
    /// The ids the hand-written migrations (ADR 0004) wrote to __EFMigrationsHistory, in order, the same on
    /// SQLite and PostgreSQL. A database that has all of them has exactly the schema of each provider's
    /// Baseline migration (the upgrade tests show it), so Baseline is recorded as applied instead of run.
    /// </summary>
    public static readonly IReadOnlyList<string> LegacyMigrations =
    [
        "20261122000001_Initial", "20261122055113_Devices", "20261122055610_Queueing", "20261122055630_Attendance",
        "20261122061458_Monitoring", "20261122064107_Roster", "20261122090000_ScheduleValidity",
        "20261122100000_TwoLetterPrefixes", "20261123090000_WindowSessionRevision", "20261130201800_OneOpenAlertPerKey",
        "20261130210000_ForgetLeakedSecrets",
    ];

    /// <summary>
    /// Adopts, checks and migrates; returns the migrations it applied. Without <paramref name="migrate"/>
    /// (Database:MigrateOnStartup=false) nothing is written: the checks alone run, and the legacy rows count as Baseline.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RunAsync(OpsDbContext db, ResolvedDatabase database, bool migrate, ILogger log, CancellationToken ct = default)
    {
        try
        {
            var legacyComplete = await AdoptLegacyHistoryAsync(db, database, migrate, log, ct);
            var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
            if (legacyComplete) known.UnionWith(LegacyMigrations);
            var unknown = (await db.Database.GetAppliedMigrationsAsync(ct)).Where(m => !known.Contains(m)).ToList();
            if (unknown.Count > 0)
            {
                throw new DatabaseStartupException(
                    $"数据库 {database.Describe()} 比本程序新：它已应用本程序不认识的迁移 {string.Join(", ", unknown)}。请使用与数据库相同或更新的版本启动。" +
                    $" (The database {database.Describe()} is newer than this build: it has migrations this build does not know ({string.Join(", ", unknown)}). Start a build at least as new as the database.)");
            }
            if (!migrate) return [];
            // Nodes starting together migrate one at a time (PostgreSQL): the next finds nothing pending.
            var postgres = database.Provider == DatabaseProvider.Postgres;
            if (postgres)
            {
                await db.Database.OpenConnectionAsync(ct);
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(7002, 1)", ct);
            }
            try
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
                if (pending.Count > 0)
                {
                    log.LogInformation("Applying {Count} migration(s) on {Provider}: {Names}", pending.Count, database.Provider, string.Join(", ", pending));
                    await db.Database.MigrateAsync(ct);
                }
                return pending;
            }
            finally
            {
                if (postgres)
                {
                    await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(7002, 1)", CancellationToken.None);
                    await db.Database.CloseConnectionAsync();
                }
            }
        }
        catch (DbException ex)
        {
            throw new DatabaseStartupException(
                $"启动时无法使用数据库 {database.Describe()}（Database:Provider = {database.Provider}，Database:ConnectionString）：{ex.Message}" +
                $" (Start-up could not use the database {database.Describe()}: {ex.Message})", ex);
        }
    }

    /// <summary>
    /// A database at the last hand-written migration gets the Baseline row in place of the legacy rows, in one
    /// transaction. One that stopped part-way through the legacy migrations is refused: the old build must finish it.
    /// True when the legacy rows are all there and were left in place (<paramref name="write"/> false).
    /// </summary>
    private static async Task<bool> AdoptLegacyHistoryAsync(OpsDbContext db, ResolvedDatabase database, bool write, ILogger log, CancellationToken ct)
    {
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(ct)) return false;
        var applied = (await history.GetAppliedMigrationsAsync(ct)).Select(r => r.MigrationId).ToHashSet(StringComparer.Ordinal);
        var legacy = LegacyMigrations.Where(applied.Contains).ToList();
        if (legacy.Count == 0) return false;
        if (legacy.Count < LegacyMigrations.Count)
        {
            throw new DatabaseStartupException(
                $"数据库 {database.Describe()} 由旧版本创建，但只升级到了 {legacy[^1]}。请先用 2026 年 11 月 30 日的版本启动一次（它会升级到 {LegacyMigrations[^1]}），再启动本版本。" +
                $" (The database {database.Describe()} was made by an earlier build and stopped at {legacy[^1]}. Start the build of 2026-11-30 once to bring it to {LegacyMigrations[^1]}, then this one.)");
        }
        if (!write) return true;

        var baseline = db.Database.GetMigrations().First();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            // Two nodes starting at once: the second waits here and then finds nothing left to adopt.
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"__EFMigrationsHistory\" IN EXCLUSIVE MODE", ct);
            applied = (await history.GetAppliedMigrationsAsync(ct)).Select(r => r.MigrationId).ToHashSet(StringComparer.Ordinal);
        }
        foreach (var id in LegacyMigrations.Where(applied.Contains))
        {
            await db.Database.ExecuteSqlRawAsync(history.GetDeleteScript(id), ct);
        }
        if (!applied.Contains(baseline))
        {
            await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion())), ct);
        }
        await tx.CommitAsync(ct);
        log.LogWarning("The database {Database} was made by the hand-written migrations (ADR 0004); {Baseline} is recorded as applied in their place.",
            database.Describe(), baseline);
        return false;
    }
}
