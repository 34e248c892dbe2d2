using System.Data.Common;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Auth;
using OpsConsole.Data;
using OpsConsole.Data.Migrations;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features;

/// <summary>
/// A center running the build of the hand-written migrations (ADR 0004) starts this build: its database is
/// adopted in place (Baseline recorded, not run), keeps every row, and its people sign in with their passwords.
/// </summary>
public sealed class MigrationUpgradeTests
{
    [Fact]
    public Task ADatabaseOfTheHandWrittenMigrationsUpgradesInPlaceOnSqlite() => UpgradeAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ADatabaseOfTheHandWrittenMigrationsUpgradesInPlaceOnPostgres() => UpgradeAsync(DatabaseProvider.Postgres);

    private static async Task UpgradeAsync(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // The database of a center on the 2026-11-30 build: tickets, punches, accounts, audit log (a sign-in too).
        await LegacyDatabase.RestoreAsync(database);
        int signIns;
        await using (var db = DbContexts.Create(database.Resolved))
        {
            Assert.Equal(StartupMigration.LegacyMigrations, await db.Database.GetAppliedMigrationsAsync());
            signIns = await db.AuditLog.CountAsync(a => a.EntityType == "Account");
            Assert.True(signIns > 0, "the old audit log has the sign-in");
        }
        var before = await SnapshotAsync(database);
        foreach (var table in new[] { "Tickets", "Punches", "Users", "UserRoles", "AuditLog", "Staff" })
        {
            Assert.True(before.Counts.GetValueOrDefault(table) > 0, $"the old database has {table}");
        }

        await using (var app = new OpsApp(database, services: WithoutBackgroundWork))
        {
            _ = app.Server;
            await using (var db = DbContexts.Create(database.Resolved))
            {
                var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
                Assert.Equal(db.Database.GetMigrations(), applied);
                Assert.DoesNotContain(applied, StartupMigration.LegacyMigrations.Contains);
                Assert.Equal(signIns, await db.AuditLog.CountAsync(a => a.EntityType == "Account"));
            }
            var after = await SnapshotAsync(database, before);
            Assert.Equal(before.Counts, after.Counts);
            foreach (var (table, rows) in before.Samples)
            {
                Assert.Equal(rows, after.Samples[table]);
            }

            foreach (var (role, userName) in DemoAccounts.ByRole)
            {
                var client = HttpSignIn.NewClient(app);
                var response = await HttpSignIn.PostLoginAsync(client, userName, DemoAccounts.Password);
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("login", StringComparison.OrdinalIgnoreCase) != true,
                    $"{role} {userName} signs in with the old password ({response.StatusCode} {response.Headers.Location})");
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
            }
            var refused = await HttpSignIn.PostLoginAsync(HttpSignIn.NewClient(app), DemoAccounts.ByRole[Auth.Roles.Manager], "not-the-password");
            Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);

            // The stock stores bring what a second factor needs: an authenticator key and recovery codes, kept
            // in UserTokens and never written to the audit log.
            string key;
            using (var scope = app.Services.CreateScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                Assert.True(users.SupportsUserAuthenticatorKey && users.SupportsUserTwoFactorRecoveryCodes && users.SupportsUserTwoFactor);
                var manager = (await users.FindByNameAsync(DemoAccounts.ByRole[Auth.Roles.Manager]))!;
                Assert.True((await users.ResetAuthenticatorKeyAsync(manager)).Succeeded);
                key = (await users.GetAuthenticatorKeyAsync(manager))!;
                Assert.False(string.IsNullOrEmpty(key));
                Assert.Equal(10, (await users.GenerateNewTwoFactorRecoveryCodesAsync(manager, 10))!.Count());
                Assert.Equal([Auth.Roles.Manager], await users.GetRolesAsync(manager));
            }
            await using (var db = DbContexts.Create(database.Resolved))
            {
                Assert.Equal(2, await db.UserTokens.CountAsync());
                Assert.False(await db.AuditLog.AnyAsync(a => a.Details.Contains(key)));
            }
        }

        // The adopted schema is the one the migrations build on an empty database.
        await using var fresh = await TestDatabase.CreateAsync(provider);
        await using (var db = DbContexts.Create(fresh.Resolved)) await db.Database.MigrateAsync();
        List<string> upgraded, migrated;
        await using (var db = DbContexts.Create(database.Resolved)) upgraded = await SchemaReader.ReadAsync(db, provider);
        await using (var db = DbContexts.Create(fresh.Resolved)) migrated = await SchemaReader.ReadAsync(db, provider);
        SchemaReader.AssertSame(migrated, upgraded, $"{provider}: migrated from empty", "upgraded in place");
    }

    [Fact]
    public Task MigratingBackToTheBaselineGivesTheOldSchemaAndRolesOnSqlite() => BackToBaselineAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task MigratingBackToTheBaselineGivesTheOldSchemaAndRolesOnPostgres() => BackToBaselineAsync(DatabaseProvider.Postgres);

    /// <summary>The hand-written part of IdentityStores has a way back: to the schema of the old scripts, each account with its role names.</summary>
    private static async Task BackToBaselineAsync(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await LegacyDatabase.RestoreAsync(database);
        var before = await SnapshotAsync(database);
        await using (var db = DbContexts.Create(database.Resolved))
        {
            await StartupMigration.RunAsync(db, database.Resolved, migrate: true, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
            await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().First());
        }
        // By the old columns' names: SQLite rebuilds Users to drop columns, and the rebuilt table orders them anew.
        var after = await SnapshotAsync(database, before, upgraded: false);
        Assert.Equal(before.Counts, after.Counts);
        Assert.Equal(before.Samples["UserRoles"], after.Samples["UserRoles"]);
        Assert.Equal(before.Samples["Users"], after.Samples["Users"]);

        await using var legacy = await TestDatabase.CreateAsync(provider);
        await LegacySchema.ApplyAsync(legacy.Resolved);
        List<string> old, back;
        await using (var db = DbContexts.Create(legacy.Resolved)) old = await SchemaReader.ReadAsync(db, provider);
        await using (var db = DbContexts.Create(database.Resolved)) back = await SchemaReader.ReadAsync(db, provider);
        SchemaReader.AssertSame(old, back, $"{provider}: the old scripts", "migrated back to Baseline");
    }

    /// <summary>Several nodes of a city start the new build at once on the old database: one adopts and migrates, the others find it done.</summary>
    [PostgresFact]
    public async Task NodesStartingTogetherAdoptAndMigrateOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await LegacyDatabase.RestoreAsync(database);
        var users = 0L;
        await using (var db = DbContexts.Create(database.Resolved)) users = await db.Users.LongCountAsync();

        var nodes = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var db = DbContexts.Create(database.Resolved);
            return await StartupMigration.RunAsync(db, database.Resolved, migrate: true, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        })).ToList();
        var applied = await Task.WhenAll(nodes);

        await using (var db = DbContexts.Create(database.Resolved))
        {
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(users, await db.Users.LongCountAsync());
            Assert.Equal(Auth.Roles.All.Count, await db.Roles.CountAsync());
            // What a node reports is what it found pending; EF's migration lock lets one of them apply it.
            Assert.Contains(applied, a => a.Count > 0);
        }
    }

    [Fact]
    public async Task ADatabaseStoppedPartWayThroughTheHandWrittenMigrationsIsRefused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await LegacySchema.ApplyAsync(database.Resolved, to: LegacySchema.AfterTwoLetterPrefixes);
        await using var app = new OpsApp(database);
        var ex = Assert.ThrowsAny<Exception>(() => app.Server);
        var message = ex.ToString();
        Assert.Contains("20261122100000_TwoLetterPrefixes", message);
        Assert.Contains(StartupMigration.LegacyMigrations[^1], message);
        Assert.DoesNotContain("   at ", message);
        await using var db = DbContexts.Create(database.Resolved);
        Assert.Equal(StartupMigration.LegacyMigrations.Take(LegacySchema.AfterTwoLetterPrefixes), await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task ADatabaseNewerThanTheAppStopsStartup()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        const string future = "29991231000000_FromANewerBuild";
        await using (var db = DbContexts.Create(database.Resolved))
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetInsertScript(new HistoryRow(future, "99.0.0")));
        }
        await using var app = new OpsApp(database);
        var message = Assert.ThrowsAny<Exception>(() => app.Server).ToString();
        Assert.Contains(future, message);
        Assert.Contains("newer than this build", message);
        Assert.DoesNotContain("   at ", message);
    }

    // Port 1 on loopback: nothing listens, the connection is refused.
    [Theory]
    [InlineData("SqlServer", "Server=tcp:127.0.0.1,1;Database=OpsConsole;User Id=ops;Password=secret-pw;Connect Timeout=5;TrustServerCertificate=true", "127.0.0.1,1/OpsConsole")]
    [InlineData("Postgres", "Host=127.0.0.1;Port=1;Database=opsconsole;Username=ops;Password=secret-pw;Timeout=5", "127.0.0.1:1/opsconsole")]
    public async Task AnUnreachableServerStopsStartupNamingTheServer(string provider, string connectionString, string server)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(database).WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", provider);
            b.UseSetting("Database:ConnectionString", connectionString);
        });
        var ex = Assert.ThrowsAny<Exception>(() => app.Server);
        var message = ex.ToString();
        Assert.Contains(server, message);
        Assert.Contains("Database:ConnectionString", message);
        Assert.DoesNotContain("secret-pw", message);
        Assert.DoesNotContain("   at ", message);
    }

    /// <summary>
    /// The hall monitor, displays and the nightly close write as time passes; without them the only writes are
    /// the upgrade, so the rows can be compared one for one.
    /// </summary>
    private static void WithoutBackgroundWork(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
        var ours = services.Where(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) && d.ImplementationFactory is not null).ToList();
        Assert.NotEmpty(ours);
        foreach (var d in ours) services.Remove(d);
    }

    private sealed record Snapshot(Dictionary<string, long> Counts, Dictionary<string, List<string>> Samples, Dictionary<string, List<string>> Columns);

    /// <summary>
    /// How an old table reads in the upgraded schema, where it changed shape: an account's roles were role names,
    /// Identity's store keeps role ids (ADR 0017). Every other table reads as it is, by the old columns.
    /// </summary>
    private static readonly Dictionary<string, string> Upgraded = new()
    {
        ["UserRoles"] = """(SELECT ur."UserId" AS "UserId", r."Name" AS "Role" FROM "UserRoles" AS ur INNER JOIN "Roles" AS r ON r."Id" = ur."RoleId") AS t""",
    };

    /// <summary>
    /// Every table's row count, and its first and last ten rows (ordered by every column) as text. With
    /// <paramref name="old"/>, the old database's tables and columns are read from this one.
    /// </summary>
    private static async Task<Snapshot> SnapshotAsync(TestDatabase database, Snapshot? old = null, bool upgraded = true)
    {
        await using var db = DbContexts.Create(database.Resolved);
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        var tables = old?.Counts.Keys.ToList() ?? await QueryAsync(conn, database.Provider == DatabaseProvider.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE '__EF%'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_\\_EF%'",
            r => r.GetString(0));
        var counts = new Dictionary<string, long>();
        var samples = new Dictionary<string, List<string>>();
        var columns = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            var source = old is not null && upgraded && Upgraded.TryGetValue(table, out var reshaped) ? reshaped : $"\"{table}\"";
            counts[table] = (await QueryAsync(conn, $"SELECT COUNT(*) FROM {source}", r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture)))[0];
            columns[table] = old?.Columns[table]
                ?? (await QueryAsync(conn, $"SELECT * FROM {source} LIMIT 1", r => Enumerable.Range(0, r.FieldCount).Select(r.GetName).ToList())).FirstOrDefault()
                ?? [];
            if (columns[table].Count == 0) continue;
            var select = string.Join(", ", columns[table].Select(c => $"\"{c}\""));
            var order = string.Join(", ", Enumerable.Range(1, columns[table].Count));
            var orderDesc = string.Join(", ", Enumerable.Range(1, columns[table].Count).Select(i => $"{i} DESC"));
            var rows = await QueryAsync(conn, $"SELECT {select} FROM {source} ORDER BY {order} LIMIT 10", Row);
            rows.AddRange(await QueryAsync(conn, $"SELECT {select} FROM {source} ORDER BY {orderDesc} LIMIT 10", Row));
            samples[table] = rows;
        }
        return new Snapshot(counts, samples, columns);
    }

    private static string Row(DbDataReader r) => string.Join(" | ", Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "NULL" : r.GetValue(i) switch
    {
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        byte[] b => Convert.ToBase64String(b),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var v => v.ToString(),
    }));

    private static async Task<List<T>> QueryAsync<T>(DbConnection conn, string sql, Func<DbDataReader, T> map)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync()) list.Add(map(reader));
        return list;
    }
}
