using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OpsConsole.Data.Auditing;

namespace OpsConsole.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers the provider chosen by configuration. Pages and use cases take
    /// <see cref="IDbContextFactory{OpsDbContext}"/> and create one short-lived context per operation.
    /// </summary>
    public static IServiceCollection AddOpsDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var provider = ParseProvider(options.Provider);
        services.AddSingleton(options);
        services.AddSingleton(new ResolvedDatabase(provider, ResolveConnectionString(provider, options, contentRoot)));
        services.AddScoped<AuditInterceptor>();
        services.AddSingleton<WriteGate>();
        services.AddSingleton<GroupCommit>();

        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContextFactory<SqliteOpsDbContext>(Configure, ServiceLifetime.Scoped);
                services.AddScoped<IDbContextFactory<OpsDbContext>>(sp =>
                    new OpsDbContextFactory<SqliteOpsDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteOpsDbContext>>()));
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContextFactory<PostgresOpsDbContext>(Configure, ServiceLifetime.Scoped);
                services.AddScoped<IDbContextFactory<OpsDbContext>>(sp =>
                    new OpsDbContextFactory<PostgresOpsDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresOpsDbContext>>()));
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContextFactory<SqlServerOpsDbContext>(Configure, ServiceLifetime.Scoped);
                services.AddScoped<IDbContextFactory<OpsDbContext>>(sp =>
                    new OpsDbContextFactory<SqlServerOpsDbContext>(sp.GetRequiredService<IDbContextFactory<SqlServerOpsDbContext>>()));
                break;
        }
        // For the health check and anything that wants a scoped context.
        services.AddScoped<OpsDbContext>(sp => sp.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContext());
        return services;
    }

    private static void Configure(IServiceProvider sp, DbContextOptionsBuilder builder)
    {
        var db = sp.GetRequiredService<ResolvedDatabase>();
        ConfigureProvider(builder, db);
        builder.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
    }

    /// <summary>Provider settings shared by the app and the tests.</summary>
    public static void ConfigureProvider(DbContextOptionsBuilder builder, ResolvedDatabase db)
    {
        switch (db.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(db.ConnectionString);
                builder.AddInterceptors(SqlitePragmas.Instance);
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(db.ConnectionString);
                break;
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(db.ConnectionString);
                break;
        }
        // PendingModelChangesWarning stays an error: migrating with a model that has no migration refuses to run.
    }

    public static DatabaseProvider ParseProvider(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        "sqlserver" or "mssql" => DatabaseProvider.SqlServer,
        _ => throw new DatabaseStartupException(
            $"配置项 Database:Provider 的值 '{name}' 无效：可用的值为 Sqlite、Postgres 或 SqlServer。 (Setting Database:Provider has an unknown value '{name}'; use Sqlite, Postgres or SqlServer.)"),
    };

    private static string ResolveConnectionString(DatabaseProvider provider, DatabaseOptions options, string contentRoot)
    {
        if (provider != DatabaseProvider.Sqlite)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new DatabaseStartupException(
                    $"使用 {provider} 时必须设置 Database:ConnectionString。 (Database:ConnectionString is required when Database:Provider is {provider}.)");
            }
            return options.ConnectionString;
        }

        var csb = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(options.ConnectionString) ? "Data Source=data/opsconsole.db" : options.ConnectionString);
        if (!Path.IsPathRooted(csb.DataSource) && csb.DataSource != ":memory:")
        {
            csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, csb.DataSource));
        }
        if (csb.DataSource != ":memory:")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        }
        csb.DefaultTimeout = Math.Max(csb.DefaultTimeout, 30);
        csb.Pooling = true;
        return csb.ToString();
    }
}

/// <summary>The provider and connection string in force after configuration is resolved.</summary>
public sealed record ResolvedDatabase(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>Where the database is, for messages to the operator: the server and database, or the file. Never the password.</summary>
    public string Describe()
    {
        try
        {
            return Provider switch
            {
                DatabaseProvider.Postgres when new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) is var b => $"{b.Host}:{b.Port}/{b.Database}",
                DatabaseProvider.SqlServer when new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(ConnectionString) is var b => $"{b.DataSource}/{b.InitialCatalog}",
                _ => new SqliteConnectionStringBuilder(ConnectionString).DataSource,
            };
        }
        catch (ArgumentException)
        {
            return Provider.ToString();
        }
    }
}

internal sealed class OpsDbContextFactory<T>(IDbContextFactory<T> inner) : IDbContextFactory<OpsDbContext> where T : OpsDbContext
{
    public OpsDbContext CreateDbContext() => inner.CreateDbContext();
}

/// <summary>Per-connection SQLite settings: wait for a busy writer instead of failing at once.</summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;";
        cmd.ExecuteNonQuery();
    }
}
