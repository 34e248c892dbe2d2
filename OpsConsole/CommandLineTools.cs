using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;

namespace OpsConsole;

public static class CommandLineTools
{
    /// <summary>
    /// Commands instead of starting the server (README "Backups"). Returns true when a tool ran, so the app does not start.
    /// <list type="bullet">
    /// <item><c>backup &lt;file&gt;</c> copies the SQLite database online (the app may keep running) into a checked file.</item>
    /// <item><c>restore &lt;file&gt;</c> replaces the SQLite database with a backup (stop the app first); the current one is kept beside it.</item>
    /// </list>
    /// </summary>
    public static async Task<bool> RunCommandLineToolsAsync(this WebApplication app, string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "backup" or "restore":
                Environment.ExitCode = await BackupOrRestoreAsync(app, args);
                return true;
            default:
                return false;
        }
    }

    private static async Task<int> BackupOrRestoreAsync(WebApplication app, string[] args)
    {
        var command = args[0];
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"用法 (usage): OpsConsole {command} <file>");
            return 2;
        }
        var database = app.Services.GetRequiredService<ResolvedDatabase>();
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            Console.Error.WriteLine("PostgreSQL 请使用 pg_dump / pg_restore 或时间点恢复（见 README“备份与恢复”）。 (For PostgreSQL use pg_dump or PITR: README, Backups.)");
            return 2;
        }
        try
        {
            if (command == "backup")
            {
                await SqliteBackup.BackupAsync(database.ConnectionString, args[1]);
                Console.WriteLine($"已备份到 (backed up to) {Path.GetFullPath(args[1])}");
            }
            else
            {
                var kept = await SqliteBackup.RestoreAsync(args[1], database.ConnectionString, app.Services.GetRequiredService<TimeProvider>().GetLocalNow());
                Console.WriteLine($"已从 {Path.GetFullPath(args[1])} 恢复 (restored)" + (kept is null ? "" : $"；原数据库保存为 (previous database kept as) {kept}"));
            }
            return 0;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{command} 失败 (failed): {ex.Message}");
            return 1;
        }
    }
}
