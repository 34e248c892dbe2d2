using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features;

/// <summary>
/// Made the legacy database fixtures (<see cref="LegacyDatabase"/>) with the build of 2026-11-30, whose model
/// was the legacy schema. Kept to show how; it runs only with OPSCONSOLE_WRITE_LEGACY_FIXTURES set to the
/// folder to write to, and later builds cannot remake them (their model is no longer the legacy schema).
/// </summary>
public sealed class LegacyFixtureWriter
{
    private const string Env = "OPSCONSOLE_WRITE_LEGACY_FIXTURES";

    [Fact]
    public Task WriteSqlite() => WriteAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task WritePostgres() => WriteAsync(DatabaseProvider.Postgres);

    private static async Task WriteAsync(DatabaseProvider provider)
    {
        if (Environment.GetEnvironmentVariable(Env) is not { Length: > 0 } directory) return;
        await using var database = await TestDatabase.CreateAsync(provider);
        await LegacySchema.ApplyAsync(database.Resolved);
        await using (var old = new OpsApp(database, services: MigrationUpgradeTests.WithoutBackgroundWork)
        {
            SeedHistory = true,
            Settings = new Dictionary<string, string> { ["Database:MigrateOnStartup"] = "false" },
        })
        {
            await HttpSignIn.SignedInClientAsync(old, DemoAccounts.ByRole[Auth.Roles.WindowStaff], DemoAccounts.Password);
        }
        await TrimAsync(database);
        await LegacyDatabase.WriteFixtureAsync(database, directory);
    }

    /// <summary>The last three service days of tickets and a thousand of their audit rows are plenty; the rest would make a 170 MB file.</summary>
    private static async Task TrimAsync(TestDatabase database)
    {
        await using var db = DbContexts.Create(database.Resolved);
        var last = await db.Set<OpsConsole.Domain.Queueing.Ticket>().MaxAsync(t => t.ServiceDay);
        var cut = last.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        const string oldTickets = "SELECT \"Id\" FROM \"Tickets\" WHERE \"ServiceDay\" < '{0}'";
        string[] statements =
        [
            "DELETE FROM \"Rectifications\" WHERE \"EvaluationId\" IN (SELECT \"Id\" FROM \"Evaluations\" WHERE \"TicketId\" IN (" + oldTickets + "))",
            "DELETE FROM \"Evaluations\" WHERE \"TicketId\" IN (" + oldTickets + ")",
            "DELETE FROM \"TicketTransfers\" WHERE \"TicketId\" IN (" + oldTickets + ")",
            "DELETE FROM \"Tickets\" WHERE \"ServiceDay\" < '{0}'",
            """
            DELETE FROM "AuditLog" WHERE "EntityType" IN ('Ticket', 'Evaluation', 'Rectification', 'TicketCounter')
              AND "Id" NOT IN (SELECT "Id" FROM "AuditLog" WHERE "EntityType" IN ('Ticket', 'Evaluation', 'Rectification', 'TicketCounter') ORDER BY "Id" DESC LIMIT 1000)
            """,
        ];
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        foreach (var sql in statements)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, cut);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
