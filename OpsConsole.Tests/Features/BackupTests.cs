using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using OpsConsole.Data;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Queueing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features;

/// <summary>
/// The documented backup and restore commands, run as the real program (a second process, as an operator would) on the
/// SQLite file of a running app in the middle of a ticket burst.
/// </summary>
public sealed class BackupTests
{
    [Fact]
    public async Task ABackupTakenDuringATicketBurstRestoresEveryTicketAcknowledgedBeforeItStarted()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var dir = Directory.CreateTempSubdirectory("opsconsole-backup-").FullName;
        try
        {
            var acknowledged = new ConcurrentQueue<(string PublicCode, long At)>();
            using var stop = new CancellationTokenSource();
            var burst = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    // Green channel: no daily cap and no forecast refusal, however long the burst runs.
                    var outcome = await app.Service<TicketIssuer>().IssueAsync("BDC", TicketChannel.ManagerIssued);
                    Assert.True(outcome.Result.Succeeded, outcome.Result.Error);
                    acknowledged.Enqueue((outcome.Ticket!.PublicCode, Stopwatch.GetTimestamp()));
                }
            })).ToList();
            await Wait.UntilAsync(() => acknowledged.Count >= 100, () => "100 tickets before the backup");

            var backupStarted = Stopwatch.GetTimestamp();
            var countAtStart = acknowledged.Count;
            var backup = Path.Combine(dir, "backup", "opsconsole.db");
            var (code, output) = await RunProgramAsync(app.Db.ConnectionString, "backup", backup);
            Assert.True(code == 0, output);
            var countAtEnd = acknowledged.Count;
            await Wait.UntilAsync(() => acknowledged.Count >= countAtEnd + 20, () => "tickets after the backup");
            await stop.CancelAsync();
            await Task.WhenAll(burst);
            Assert.True(countAtEnd > countAtStart, "tickets were issued while the backup ran");

            var restored = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, "restored", "opsconsole.db") }.ToString();
            (code, output) = await RunProgramAsync(restored, "restore", backup);
            Assert.True(code == 0, output);

            await using var db = new SqliteConnection(restored);
            await db.OpenAsync();
            var codes = (await ReadAsync(db, """SELECT "PublicCode" FROM "Tickets" """)).ToHashSet();
            var before = acknowledged.Where(t => t.At < backupStarted).Select(t => t.PublicCode).ToList();
            Assert.True(before.Count >= 100);
            Assert.All(before, c => Assert.Contains(c, codes));
            // One consistent moment: numbers without gaps, and the counter where the last number is.
            var sequences = (await ReadAsync(db, """SELECT "Sequence" FROM "Tickets" ORDER BY "Sequence" """)).Select(int.Parse).ToList();
            Assert.Equal(Enumerable.Range(1, sequences.Count), sequences);
            Assert.Equal(sequences.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                (await ReadAsync(db, """SELECT "LastSequence" FROM "TicketCounters" """)).Single());
            Assert.Equal("ok", (await ReadAsync(db, "PRAGMA integrity_check")).Single());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<List<string>> ReadAsync(SqliteConnection db, string sql)
    {
        await using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return rows;
    }

    /// <summary>Runs the app's program (its own build output) with a command, as `dotnet OpsConsole.dll backup file` would.</summary>
    private static async Task<(int ExitCode, string Output)> RunProgramAsync(string connectionString, params string[] command)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var dll = Path.Combine(SourceRoot(), "OpsConsole", "bin", configuration, "net10.0", "OpsConsole.dll");
        Assert.True(File.Exists(dll), $"{dll} is built with the solution");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll }.Concat(command).Concat(["--Database:Provider", "Sqlite", "--Database:ConnectionString", connectionString,
                     "--Setup:AllowDemoDefaults", "true", "--Logging:LogLevel:Default", "Warning", "--Logs:Directory", ""]))
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string SourceRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
