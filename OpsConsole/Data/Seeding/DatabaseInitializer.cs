using Microsoft.EntityFrameworkCore;

namespace OpsConsole.Data.Seeding;

/// <summary>Start-up work: refuse demo defaults in production, check and apply migrations, switch SQLite to WAL, seed the demo center or the first admin when empty.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<OpsDbContext> dbFactory, DatabaseOptions options, ResolvedDatabase database,
    DemoSeeder seeder, DemoHistory history, DemoCases cases, FirstStart firstStart, Features.Common.CenterClock clock, ILogger<DatabaseInitializer> log,
    IServiceProvider services)
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
        // Adopts a database of the hand-written migrations, refuses one newer than this build, migrates (ADR 0016).
        await Migrations.StartupMigration.RunAsync(db, database, options.MigrateOnStartup, log, ct);
        if (options.SeedDemoData)
        {
            if (await seeder.SeedIfEmptyAsync(ct) && options.SeedDemoHistory)
            {
                await history.GenerateAsync(clock.Today, clock.Now.Offset, ct);
                await DemoHallItems.GenerateAsync(dbFactory, clock.Today, ct);
                await cases.GenerateAsync(clock.Today, clock.Now.Offset, ct);
                await DemoSupervision.GenerateAsync(dbFactory, clock.Today, clock.Now.Offset, ct);
                await DemoCounter.GenerateAsync(dbFactory, clock.Today, ct);
                await DemoAssessment.SeedAsync(services, ct);
                await DemoAwards.SeedAsync(services, ct);
            }
        }
        await firstStart.CreateFirstAdminIfNoAccountsAsync(ct);
    }
}
