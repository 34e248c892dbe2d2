using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;

namespace OpsConsole.Tests.Infrastructure;

/// <summary>Contexts on a test database without the web host (no audit interceptor).</summary>
public static class DbContexts
{
    public static OpsDbContext Create(ResolvedDatabase db) => db.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteOpsDbContext(Options<SqliteOpsDbContext>(db)),
        DatabaseProvider.Postgres => new PostgresOpsDbContext(Options<PostgresOpsDbContext>(db)),
        // No SQL Server engine runs here: such a context serves for the model, migrations and scripts only.
        _ => new SqlServerOpsDbContext(Options<SqlServerOpsDbContext>(db)),
    };

    private static DbContextOptions<T> Options<T>(ResolvedDatabase db) where T : DbContext
    {
        var b = new DbContextOptionsBuilder<T>();
        DatabaseServiceCollectionExtensions.ConfigureProvider(b, db);
        return b.Options;
    }
}
