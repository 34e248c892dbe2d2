using OpsConsole.Data;

namespace OpsConsole.Tests.Infrastructure;

/// <summary>One seeded app over a fresh SQLite file, shared by a test class.</summary>
public sealed class SqliteAppFixture : IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = default!;
    public OpsApp App { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        App = new OpsApp(Db);
        _ = App.Server; // start: migrate and seed
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Db.DisposeAsync();
    }
}
