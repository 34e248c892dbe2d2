using System.Diagnostics;
using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Npgsql;
using OpsConsole.Data;

namespace OpsConsole.Tests.Infrastructure;

/// <summary>
/// A database as the build of 2026-11-30 (hand-written migrations, ADR 0004) left it at a center: its schema
/// (0001–0010) and the demo center written by that build — 60 workdays of tickets, punches, accounts with the
/// demo password, the audit log with a sign-in. Kept as files under Fixtures/LegacyDatabases (SQLite: the
/// database file; PostgreSQL: a data-only dump loaded over the legacy scripts), so the upgrade tests never
/// depend on today's model. They were made by commit 2a51b77's LegacyFixtureWriter (legacy scripts, then that
/// build's app seeding with Database:MigrateOnStartup=false and one sign-in, trimmed to the last three service
/// days, then <see cref="WriteFixtureAsync"/>); later builds cannot remake them, their model having moved on.
/// </summary>
public static class LegacyDatabase
{
    public static string FixtureDirectory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "LegacyDatabases");

    public const string SqliteFixture = "opsconsole-2026-11-30.db.gz";
    public const string PostgresFixture = "opsconsole-2026-11-30.pg-data.sql.gz";

    /// <summary>Fills the empty <paramref name="database"/> with the fixture of its provider.</summary>
    public static async Task RestoreAsync(TestDatabase database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            await using var gz = new GZipStream(File.OpenRead(Path.Combine(FixtureDirectory, SqliteFixture)), CompressionMode.Decompress);
            await using var output = File.Create(file);
            await gz.CopyToAsync(output);
            return;
        }
        await LegacySchema.ApplyAsync(database.Resolved);
        string dump;
        await using (var gz = new GZipStream(File.OpenRead(Path.Combine(FixtureDirectory, PostgresFixture)), CompressionMode.Decompress))
        using (var reader = new StreamReader(gz))
        {
            // psql's meta-commands (\restrict, \unrestrict of newer pg_dump) are not SQL.
            dump = string.Join('\n', (await reader.ReadToEndAsync()).Split('\n').Where(line => !line.StartsWith('\\')));
        }
        await using var conn = new NpgsqlConnection(database.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(dump, conn) { CommandTimeout = 300 };
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Writes the fixture of <paramref name="database"/>'s provider from its current content.</summary>
    public static async Task WriteFixtureAsync(TestDatabase database, string directory)
    {
        Directory.CreateDirectory(directory);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var copy = Path.Combine(Path.GetTempPath(), $"legacy-{Guid.NewGuid():N}.db");
            await using (var conn = new SqliteConnection(database.ConnectionString))
            {
                await conn.OpenAsync();
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = $"VACUUM INTO '{copy}'";
                await cmd.ExecuteNonQueryAsync();
            }
            await using (var input = File.OpenRead(copy))
            await using (var gz = new GZipStream(File.Create(Path.Combine(directory, SqliteFixture)), CompressionLevel.SmallestSize))
            {
                await input.CopyToAsync(gz);
            }
            File.Delete(copy);
            return;
        }
        var csb = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var pgDump = Directory.GetDirectories("/usr/lib/postgresql").Order().Select(d => Path.Combine(d, "bin", "pg_dump")).Last(File.Exists);
        var psi = new ProcessStartInfo(pgDump)
        {
            RedirectStandardOutput = true,
            ArgumentList =
            {
                "-h", csb.Host!, "-p", csb.Port.ToString(), "-U", csb.Username ?? "postgres", "--data-only", "--disable-triggers",
                "--inserts", "--rows-per-insert=500", "--no-owner", "--no-privileges", "--exclude-table-data=\"__EFMigrationsHistory\"", csb.Database!,
            },
        };
        using var process = Process.Start(psi)!;
        await using (var gz = new GZipStream(File.Create(Path.Combine(directory, PostgresFixture)), CompressionLevel.SmallestSize))
        {
            await process.StandardOutput.BaseStream.CopyToAsync(gz);
        }
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
    }
}
