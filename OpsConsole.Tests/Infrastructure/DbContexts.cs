using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;

namespace OpsConsole.Tests.Infrastructure;

/// <summary>Contexts on a test database without the web host (no audit interceptor).</summary>
public static class DbContexts
{
    public static OpsDbContext Create(ResolvedDatabase db)
    {
        switch (db.Provider)
        {
            case DatabaseProvider.Sqlite:
            {
                var b = new DbContextOptionsBuilder<SqliteOpsDbContext>();
                DatabaseServiceCollectionExtensions.ConfigureProvider(b, db);
                return new SqliteOpsDbContext(b.Options);
            }
            default:
            {
                var b = new DbContextOptionsBuilder<PostgresOpsDbContext>();
                DatabaseServiceCollectionExtensions.ConfigureProvider(b, db);
                return new PostgresOpsDbContext(b.Options);
            }
        }
    }
}
