using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OpsConsole.Data;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features;

/// <summary>
/// The EF migrations of each provider build exactly the schema the model describes, and every provider has a
/// migration for every change of the model (ADR 0016).
/// </summary>
public sealed class MigrationSchemaTests
{
    [Fact]
    public Task MigratingAnEmptySqliteDatabaseYieldsTheModelSchema() => CompareAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task MigratingAnEmptyPostgresDatabaseYieldsTheModelSchema() => CompareAsync(DatabaseProvider.Postgres);

    /// <summary>Fails when the model changed and some provider has no migration for it (`dotnet ef migrations add` for each).</summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void TheModelHasNoChangesWithoutAMigration(DatabaseProvider provider)
    {
        using var db = Offline(provider);
        Assert.True(db.Database.GetMigrations().Any(), $"{provider} has migrations");
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes that {provider} has no migration for: run `dotnet ef migrations add <Name> --context {db.GetType().Name} --output-dir Data/Migrations/{provider}` (README, \"Migrations\").");
    }

    [Fact]
    public void EveryProviderHasTheSameMigrationsInTheSameOrder()
    {
        static List<string> Names(DatabaseProvider p)
        {
            using var db = Offline(p);
            return db.Database.GetMigrations().Select(id => id[(id.IndexOf('_') + 1)..]).ToList();
        }
        var sqlite = Names(DatabaseProvider.Sqlite);
        Assert.Equal(sqlite, Names(DatabaseProvider.Postgres));
        Assert.Equal(sqlite, Names(DatabaseProvider.SqlServer));
    }

    /// <summary>A context for the model and the migrations only: nothing here opens a connection.</summary>
    internal static OpsDbContext Offline(DatabaseProvider provider) => DbContexts.Create(new ResolvedDatabase(provider, provider switch
    {
        DatabaseProvider.Sqlite => "Data Source=offline.db",
        DatabaseProvider.Postgres => "Host=offline.invalid;Database=opsconsole",
        _ => "Server=offline.invalid;Database=OpsConsole;TrustServerCertificate=true",
    }));

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
        SchemaReader.AssertSame(fromModel, fromMigrations, $"{provider}: the model", "migrated");
    }
}
