using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Migrations;
using OpsConsole.Data;
using OpsConsole.Data.Migrations;

namespace OpsConsole.Tests.Infrastructure;

/// <summary>
/// Builds a database the way the builds before EF migrations did (ADR 0004): the hand-written scripts, kept
/// under Fixtures/LegacyMigrations, run statement by statement in the order of their migration ids, and each
/// id is written to __EFMigrationsHistory as EF's migrator did for them.
/// </summary>
public static class LegacySchema
{
    /// <summary>Each legacy migration id and its script (null: the migration had no statement on that provider).</summary>
    private static readonly (string Id, string? Sqlite, string? Postgres)[] Scripts =
    [
        ("20261122000001_Initial", "0001_Initial", "0001_Initial"),
        ("20261122055113_Devices", "0002_Devices", "0002_Devices"),
        ("20261122055610_Queueing", "0003_Queueing", "0003_Queueing"),
        ("20261122055630_Attendance", "0003_Attendance", "0003_Attendance"),
        ("20261122061458_Monitoring", "0004_Monitoring", "0004_Monitoring"),
        ("20261122064107_Roster", "0005_Roster", "0005_Roster"),
        ("20261122090000_ScheduleValidity", "0006_ScheduleValidity", "0006_ScheduleValidity"),
        ("20261122100000_TwoLetterPrefixes", null, "0007_TwoLetterPrefixes"),
        ("20261123090000_WindowSessionRevision", "0008_WindowSessionRevision", "0008_WindowSessionRevision"),
        ("20261130201800_OneOpenAlertPerKey", "0009_OneOpenAlertPerKey", "0009_OneOpenAlertPerKey"),
        ("20261130210000_ForgetLeakedSecrets", "0010_ForgetLeakedSecrets", "0010_ForgetLeakedSecrets"),
    ];

    /// <summary>Applies the legacy migrations from index <paramref name="from"/> up to <paramref name="to"/> (all by default).</summary>
    /// <summary>Index of the first legacy migration after 0007 (TwoLetterPrefixes).</summary>
    public const int AfterTwoLetterPrefixes = 8;

    public static async Task ApplyAsync(ResolvedDatabase database, int from = 0, int? to = null)
    {
        Assert.Equal(StartupMigration.LegacyMigrations, Scripts.Select(s => s.Id));
        await using var db = DbContexts.Create(database);
        var history = db.GetService<IHistoryRepository>();
        await db.Database.OpenConnectionAsync();
        if (from == 0) await ExecuteAsync(db, history.GetCreateScript());
        foreach (var (id, sqlite, postgres) in Scripts[from..(to ?? Scripts.Length)])
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var script = database.Provider == DatabaseProvider.Sqlite ? sqlite : postgres;
            if (script is not null)
            {
                foreach (var statement in Statements(Read($"{database.Provider}.{script}.sql")))
                {
                    await ExecuteAsync(db, statement);
                }
            }
            await ExecuteAsync(db, history.GetInsertScript(new HistoryRow(id, "10.0.14")));
            await tx.CommitAsync();
        }
    }

    /// <summary>
    /// A legacy database stopped at <see cref="AfterTwoLetterPrefixes"/> upgraded as a center would: the last
    /// start of the old build runs the rest of its scripts, then this build's start-up adopts and migrates.
    /// </summary>
    public static async Task UpgradeAsync(ResolvedDatabase database, OpsDbContext db)
    {
        await ApplyAsync(database, from: AfterTwoLetterPrefixes);
        await StartupMigration.RunAsync(db, database, migrate: true, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
    }

    /// <summary>The text as it is (no placeholders: the scripts hold JSON paths in braces).</summary>
    private static async Task ExecuteAsync(OpsDbContext db, string sql)
    {
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private static string Read(string suffix)
    {
        var asm = typeof(LegacySchema).Assembly;
        var name = asm.GetManifestResourceNames().Single(n => n.EndsWith(suffix, StringComparison.Ordinal));
        using var reader = new StreamReader(asm.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }

    /// <summary>As the old runner split them: a line ending in ';' followed by a blank line ends a statement.</summary>
    private static IEnumerable<string> Statements(string script) =>
        script.Replace("\r\n", "\n")
            .Split(";\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.TrimEnd(';').Trim())
            .Where(s => s.Length > 0);
}
