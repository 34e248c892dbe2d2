using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;

namespace OpsConsole.Tests.Infrastructure;

/// <summary>
/// Reads a database's catalog (tables, columns with type and nullability, indexes, foreign
/// keys) into sorted lines, so two schemas can be compared line by line.
/// </summary>
public static class SchemaReader
{
    private static readonly HashSet<string> Ignored = ["__EFMigrationsHistory", "__EFMigrationsLock", "sqlite_sequence"];

    public static async Task<List<string>> ReadAsync(OpsDbContext db, DatabaseProvider provider)
    {
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        try
        {
            var lines = provider == DatabaseProvider.Sqlite ? await ReadSqliteAsync(conn) : await ReadPostgresAsync(conn);
            lines.Sort(StringComparer.Ordinal);
            return lines;
        }
        finally
        {
            await conn.CloseAsync();
        }
    }

    /// <summary>Fails with the lines that only one side has.</summary>
    public static void AssertSame(List<string> expected, List<string> actual, string expectedName, string actualName)
    {
        Assert.NotEmpty(expected);
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"Schema drift. In {expectedName} but not {actualName}:\n  {string.Join("\n  ", missing)}\nIn {actualName} but not {expectedName}:\n  {string.Join("\n  ", extra)}");
    }

    private static async Task<List<string>> ReadSqliteAsync(DbConnection conn)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(conn, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", r => r.GetString(0));
        foreach (var table in tables.Where(t => !Ignored.Contains(t)))
        {
            lines.Add($"table {table}");
            lines.AddRange(await QueryAsync(conn, $"PRAGMA table_info(\"{table}\")",
                r => $"column {table}.{r.GetString(1)} {r.GetString(2)} notnull={r.GetInt64(3)} pk={r.GetInt64(5)}"));
            var indexes = await QueryAsync(conn, $"PRAGMA index_list(\"{table}\")", r => (Name: r.GetString(1), Unique: r.GetInt64(2), Partial: r.GetInt64(4)));
            foreach (var (name, unique, partial) in indexes.Where(i => !i.Name.StartsWith("sqlite_autoindex", StringComparison.Ordinal)))
            {
                var cols = await QueryAsync(conn, $"PRAGMA index_info(\"{name}\")", r => r.GetString(2));
                lines.Add($"index {table}.{name} unique={unique} partial={partial} ({string.Join(",", cols)})");
            }
            lines.AddRange(await QueryAsync(conn, $"PRAGMA foreign_key_list(\"{table}\")",
                r => $"fk {table}.{r.GetString(3)} -> {r.GetString(2)}.{r.GetString(4)} on_delete={r.GetString(6)}"));
        }
        return lines;
    }

    private static async Task<List<string>> ReadPostgresAsync(DbConnection conn)
    {
        var lines = new List<string>();
        lines.AddRange(await QueryAsync(conn,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
            r => $"table {r.GetString(0)}"));
        lines.AddRange(await QueryAsync(conn,
            """
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length, -1), is_nullable, coalesce(column_default, ''), coalesce(is_identity, 'NO')
            FROM information_schema.columns WHERE table_schema = 'public'
            """,
            r => $"column {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}({r.GetInt32(3)}) nullable={r.GetString(4)} default={r.GetString(5)} identity={r.GetString(6)}"));
        lines.AddRange(await QueryAsync(conn,
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
            r => $"index {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}"));
        lines.AddRange(await QueryAsync(conn,
            """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype IN ('f', 'p', 'u', 'c')
            """,
            r => $"constraint {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}"));
        return lines.Where(l => !Ignored.Any(i => l.Contains(i, StringComparison.Ordinal))).ToList();
    }

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
