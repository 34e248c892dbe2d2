using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OpsConsole.Data;
using OpsConsole.Domain.Queueing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features;

/// <summary>
/// The hand-written migrations must build exactly the schema the EF model describes
/// (tables, columns, types, nullability, indexes, foreign keys), on each provider.
/// </summary>
public sealed class MigrationSchemaTests
{
    [Fact]
    public Task MigratingAnEmptySqliteDatabaseYieldsTheModelSchema() => CompareAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task MigratingAnEmptyPostgresDatabaseYieldsTheModelSchema() => CompareAsync(DatabaseProvider.Postgres);

    [Fact]
    public Task UpgradingKeepsOneLetterPrefixesAndThenTakesTwoOnSqlite() => TwoLetterPrefixesAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task UpgradingKeepsOneLetterPrefixesAndThenTakesTwoOnPostgres() => TwoLetterPrefixesAsync(DatabaseProvider.Postgres);

    private const string BeforeTwoLetterPrefixes = "20261122090000_ScheduleValidity";

    private static async Task TwoLetterPrefixesAsync(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = DbContexts.Create(database.Resolved))
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforeTwoLetterPrefixes);
            db.Add(Queue("ONE", "A"));
            await db.SaveChangesAsync();
        }
        if (provider == DatabaseProvider.Postgres)
        {
            // What the migration is for: character(1) refuses a second letter.
            await using var db = DbContexts.Create(database.Resolved);
            db.Add(Queue("TWO", "BD"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using (var db = DbContexts.Create(database.Resolved))
        {
            await db.Database.MigrateAsync();
            db.Add(Queue("TWO", "BD"));
            await db.SaveChangesAsync();
        }

        await using (var db = DbContexts.Create(database.Resolved))
        {
            var prefixes = await db.Set<ServiceQueue>().OrderBy(q => q.Prefix).Select(q => q.Prefix).ToListAsync();
            Assert.Equal([new QueuePrefix("A"), new QueuePrefix("BD")], prefixes);
        }
    }

    private static ServiceQueue Queue(string code, string prefix) =>
        new(code, new QueuePrefix(prefix), code, [new OpeningPeriod(new(9, 0), new(17, 0))]);

    private static async Task CompareAsync(DatabaseProvider provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using var created = await TestDatabase.CreateAsync(provider);

        await using (var db = DbContexts.Create(migrated.Resolved))
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        await using (var db = DbContexts.Create(created.Resolved))
        {
            // The model's own idea of the schema, built without migrations.
            await db.Database.EnsureCreatedAsync();
        }

        List<string> fromMigrations, fromModel;
        await using (var db = DbContexts.Create(migrated.Resolved)) fromMigrations = await SchemaReader.ReadAsync(db, provider);
        await using (var db = DbContexts.Create(created.Resolved)) fromModel = await SchemaReader.ReadAsync(db, provider);

        Assert.NotEmpty(fromModel);
        var missing = fromModel.Except(fromMigrations).ToList();
        var extra = fromMigrations.Except(fromModel).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"Schema drift on {provider}.\nIn the model but not migrated:\n  {string.Join("\n  ", missing)}\nMigrated but not in the model:\n  {string.Join("\n  ", extra)}");
    }
}
