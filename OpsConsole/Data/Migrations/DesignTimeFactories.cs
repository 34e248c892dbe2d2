using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpsConsole.Data.Migrations;

// What `dotnet ef` uses to build each provider's context (ADR 0016, "Migrations with multiple providers":
// one context type per provider, each with its own migrations folder). `migrations add` and
// `migrations script` need no server; for `database update`, pass a connection string after `--`.

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOpsDbContext>
{
    public SqliteOpsDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<SqliteOpsDbContext>(DatabaseProvider.Sqlite, args, "Data Source=data/opsconsole.db"));
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOpsDbContext>
{
    public PostgresOpsDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<PostgresOpsDbContext>(DatabaseProvider.Postgres, args, "Host=localhost;Database=opsconsole;Username=opsconsole"));
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerOpsDbContext>
{
    public SqlServerOpsDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<SqlServerOpsDbContext>(DatabaseProvider.SqlServer, args,
            "Server=localhost;Database=OpsConsole;Integrated Security=true;TrustServerCertificate=true"));
}

internal static class DesignTime
{
    public static DbContextOptions<T> Options<T>(DatabaseProvider provider, string[] args, string fallback) where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        DatabaseServiceCollectionExtensions.ConfigureProvider(builder, new ResolvedDatabase(provider, args.FirstOrDefault(a => a.Length > 0) ?? fallback));
        return builder.Options;
    }
}
