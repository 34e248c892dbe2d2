using Npgsql;
using OpsConsole.Data;

namespace OpsConsole.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test class: a SQLite file in a temp folder, or a new
/// database on the throwaway PostgreSQL server the test command starts (OPSCONSOLE_TEST_PG).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresEnv = "OPSCONSOLE_TEST_PG";

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    private readonly string? _dir;
    private readonly string? _pgDatabase;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? dir, string? pgDatabase)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _dir = dir;
        _pgDatabase = pgDatabase;
    }

    public ResolvedDatabase Resolved => new(Provider, ConnectionString);

    public static string? PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable(PostgresEnv) is { Length: > 0 } value ? value : null;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), "opsconsole-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            return new TestDatabase(provider, $"Data Source={Path.Combine(dir, "test.db")};Default Timeout=30", dir, null);
        }

        var admin = PostgresAdminConnectionString
            ?? throw new InvalidOperationException($"{PostgresEnv} is not set: run the tests with ./test.sh, which starts PostgreSQL.");
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var csb = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(provider, csb.ToString(), null, name);
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_dir is not null)
        {
            try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        }
        if (_pgDatabase is not null && PostgresAdminConnectionString is { } admin)
        {
            await using var conn = new NpgsqlConnection(admin);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgDatabase}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>A fact that runs only when the test command has started PostgreSQL.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.PostgresAdminConnectionString is null)
        {
            Skip = $"PostgreSQL not available ({TestDatabase.PostgresEnv} not set); ./test.sh starts one.";
        }
    }
}

/// <summary>A theory over providers whose PostgreSQL cases skip when no server was started.</summary>
public sealed class ProviderTheoryAttribute : TheoryAttribute;
