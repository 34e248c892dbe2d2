using System.Diagnostics;
using System.Net.Sockets;

namespace OpsConsole.Bench;

/// <summary>
/// The Release build of the app as its own process (built by run.sh into OpsConsole/bin/Release) on a
/// fresh SQLite file, with its memory endpoint on; killed and its folder removed on dispose.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dir;

    private BenchServer(Process process, string dir, string address)
    {
        _process = process;
        _dir = dir;
        Address = address;
    }

    public string Address { get; }

    public int ProcessId => _process.Id;

    public string DatabasePath => Path.Combine(_dir, "bench.db");

    /// <param name="hallOpen">
    /// Sets the center's time zone so that the hall is open (about 10:00) whenever the bench runs: the
    /// server is its own process on the real clock, and the demo queues issue only during opening hours.
    /// </param>
    /// <param name="prepare">Changes made to the seeded database before the run (the server is stopped meanwhile).</param>
    public static async Task<BenchServer> StartAsync(bool hallOpen = false, Func<string, Task>? prepare = null)
    {
        // OPSCONSOLE_BENCH_APP: another build's OpsConsole.dll (an older commit, to compare before and after).
        var dll = Environment.GetEnvironmentVariable("OPSCONSOLE_BENCH_APP") is { Length: > 0 } other
            ? other
            : Path.Combine(FindRoot(), "OpsConsole", "bin", "Release", "net10.0", "OpsConsole.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: build it first (dotnet build OpsConsole -c Release, or ./run.sh).");
        var dir = Directory.CreateTempSubdirectory("opsconsole-bench-").FullName;
        if (prepare is not null)
        {
            await using (await StartAsync(dll, dir, hallOpen)) { }
            await prepare(Path.Combine(dir, "bench.db"));
        }
        var server = await StartAsync(dll, dir, hallOpen);
        server.KeepFolder = false;
        return server;
    }

    private static async Task<BenchServer> StartAsync(string dll, string dir, bool hallOpen)
    {
        var address = $"http://127.0.0.1:{FreePort()}";
        var process = Process.Start(new ProcessStartInfo("dotnet", [dll, "--urls", address,
            "--Database:ConnectionString", $"Data Source={Path.Combine(dir, "bench.db")}", "--Database:SeedDemoHistory", "false",
            "--Logging:LogLevel:Default", "Warning", "--Diagnostics:MemoryEndpoint", "true", "--Hall:EndOfDayAt", "",
            "--Setup:AllowDemoDefaults", "true", "--Auth:TwoFactor:RequiredRoles", "", "--Center:TimeZone", hallOpen ? ZoneWhereItIsMorning() : "Asia/Shanghai"])
        { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var i = 0; i < 1200; i++)
        {
            try { if ((await http.GetAsync(address + "/health")).IsSuccessStatusCode) return new BenchServer(process, dir, address) { KeepFolder = true }; }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("The app did not answer /health within ten minutes (a loaded machine starts slowly).");
    }

    /// <summary>An "Etc/GMT±N" zone where it is now between 9:00 and 11:00 (the Etc names' signs are inverted).</summary>
    private static string ZoneWhereItIsMorning()
    {
        var hour = DateTimeOffset.UtcNow.Hour;
        for (var offset = -12; offset <= 14; offset++)
        {
            var local = ((hour + offset) % 24 + 24) % 24;
            if (local is 9 or 10) return offset == 0 ? "Etc/GMT" : offset > 0 ? $"Etc/GMT-{offset}" : $"Etc/GMT+{-offset}";
        }
        return "Asia/Shanghai";
    }

    public sealed record Sample(int Circuits, double HeapMb, long HeapBytes, double RssMb, int Handles);

    /// <summary>Open circuits and managed heap (after a full compacting GC, from the server), resident memory and open handles.</summary>
    public async Task<Sample> SampleAsync(HttpClient http)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(Address + "/diagnostics/memory"));
        var heap = doc.RootElement.GetProperty("managedHeapBytes").GetInt64();
        var rssKb = long.Parse(File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        var handles = Directory.GetFiles($"/proc/{_process.Id}/fd").Length;
        return new Sample(doc.RootElement.GetProperty("openCircuits").GetInt32(), heap / 1048576.0, heap, rssKb / 1024.0, handles);
    }

    /// <summary>Leave the database folder on dispose (the preparatory start).</summary>
    private bool KeepFolder { get; set; }

    public async ValueTask DisposeAsync()
    {
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        await _process.WaitForExitAsync();
        _process.Dispose();
        if (!KeepFolder) try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    public static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "OpsConsole.sln"))) return d.FullName;
        throw new InvalidOperationException("OpsConsole.sln not found above the bench's folder.");
    }

    private static int FreePort()
    {
        var l = new TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
