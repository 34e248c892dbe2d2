using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
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
