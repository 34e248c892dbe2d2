using Microsoft.Data.Sqlite;

namespace OpsConsole.Data;

/// <summary>
/// Online backup and restore of the embedded SQLite database with SQLite's backup API. A backup copies one consistent
/// snapshot (one read transaction over the whole copy) while the app keeps writing: in WAL mode readers and the
/// writer do not block each other. It is written to a temporary file, checked, and only then renamed to its name.
/// </summary>
public static class SqliteBackup
{
    /// <summary>Copies the database of <paramref name="connectionString"/> into <paramref name="file"/> (replaced if present).</summary>
    public static async Task BackupAsync(string connectionString, string file, CancellationToken ct = default)
    {
        var target = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        DeleteDatabaseFiles(partial);
        await using (var source = await OpenAsync(connectionString, SqliteOpenMode.ReadWrite, ct))
        await using (var copy = await OpenAsync(FileConnection(partial, SqliteOpenMode.ReadWriteCreate), SqliteOpenMode.ReadWriteCreate, ct))
        {
            source.BackupDatabase(copy);
            // A self-contained file: no -wal beside it to lose when it is copied away.
            await ExecuteAsync(copy, "PRAGMA journal_mode = DELETE;", ct);
            await CheckAsync(copy, partial, ct);
        }
        SqliteConnection.ClearAllPools();
        File.Move(partial, target, overwrite: true);
    }

    /// <summary>
    /// Replaces the database of <paramref name="connectionString"/> with the backup <paramref name="file"/>, after checking
    /// the backup and keeping the current database as <c>&lt;name&gt;.before-restore-&lt;time&gt;.db</c>. Run it with the app stopped.
    /// </summary>
    public static async Task<string?> RestoreAsync(string file, string connectionString, DateTimeOffset now, CancellationToken ct = default)
    {
        var backup = Path.GetFullPath(file);
        if (!File.Exists(backup)) throw new FileNotFoundException($"没有找到备份文件：{backup} (backup file not found)", backup);
        string? kept = null;
        await using (var source = await OpenAsync(FileConnection(backup, SqliteOpenMode.ReadOnly), SqliteOpenMode.ReadOnly, ct))
        {
            await CheckAsync(source, backup, ct);
            var database = new SqliteConnectionStringBuilder(connectionString).DataSource;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(database))!);
            if (File.Exists(database))
            {
                kept = Path.Combine(Path.GetDirectoryName(database)!,
                    $"{Path.GetFileNameWithoutExtension(database)}.before-restore-{now:yyyyMMdd-HHmmss}.db");
                await BackupAsync(connectionString, kept, ct);
            }
            await using var target = await OpenAsync(connectionString, SqliteOpenMode.ReadWriteCreate, ct);
            // Through the backup API, not a file copy: the target's WAL and locks are handled by SQLite.
            source.BackupDatabase(target);
            await ExecuteAsync(target, "PRAGMA journal_mode = WAL;", ct);
        }
        SqliteConnection.ClearAllPools();
        return kept;
    }

    private static string FileConnection(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();

    private static async Task<SqliteConnection> OpenAsync(string connectionString, SqliteOpenMode mode, CancellationToken ct)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString) { Mode = mode, Pooling = false };
        csb.DefaultTimeout = Math.Max(csb.DefaultTimeout, 30);
        var connection = new SqliteConnection(csb.ToString());
        await connection.OpenAsync(ct);
        await ExecuteAsync(connection, "PRAGMA busy_timeout = 30000;", ct);
        return connection;
    }

    private static async Task CheckAsync(SqliteConnection connection, string path, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA quick_check;";
        var result = (string?)await cmd.ExecuteScalarAsync(ct);
        if (result != "ok") throw new InvalidOperationException($"数据库文件 {path} 校验未通过：{result} (quick_check failed)");
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static void DeleteDatabaseFiles(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) File.Delete(path + suffix);
    }
}
