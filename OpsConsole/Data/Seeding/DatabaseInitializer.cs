using Microsoft.EntityFrameworkCore;

namespace OpsConsole.Data.Seeding;

/// <summary>Start-up work: refuse demo defaults in production, apply migrations, switch SQLite to WAL, seed the demo center or the first admin when empty.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<OpsDbContext> dbFactory, DatabaseOptions options, ResolvedDatabase database,
    DemoSeeder seeder, DemoHistory history, FirstStart firstStart, Features.Common.CenterClock clock, ILogger<DatabaseInitializer> log)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        firstStart.CheckSettings();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers (dashboards) run while a writer (a call) commits; it persists in the file.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        if (options.MigrateOnStartup)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
            {
                log.LogInformation("Applying {Count} migration(s) on {Provider}: {Names}", pending.Count, database.Provider, string.Join(", ", pending));
                await db.Database.MigrateAsync(ct);
            }
        }
        if (options.SeedDemoData)
        {
            if (await seeder.SeedIfEmptyAsync(ct) && options.SeedDemoHistory)
            {
                await history.GenerateAsync(clock.Today, clock.Now.Offset, ct);
            }
        }
        await firstStart.CreateFirstAdminIfNoAccountsAsync(ct);
    }
}
