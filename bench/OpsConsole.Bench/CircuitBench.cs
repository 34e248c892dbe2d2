using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace OpsConsole.Bench;

/// <summary>
/// Server memory per open staff circuit. The app runs as its own process (built by run.sh into
/// OpsConsole/bin/Release) on a fresh SQLite file with its memory endpoint on; N window staff sign in,
/// each in a separate browser context, and keep the counter workstation open. The server reports its
/// open circuits and its managed heap after a full compacting GC before and after; resident memory
/// (VmRSS) is shown too, though the GC returning memory to the OS makes it a poor per-circuit measure.
/// </summary>
internal static class CircuitBench
{
    public static async Task<List<QueueBench.Row>> RunAsync(int circuits = 40)
    {
        var root = FindRoot();
        var dll = Path.Combine(root, "OpsConsole", "bin", "Release", "net10.0", "OpsConsole.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: build it first (dotnet build OpsConsole -c Release, or ./run.sh).");
        var dir = Directory.CreateTempSubdirectory("opsconsole-circuits-").FullName;
        var port = FreePort();
        var address = $"http://127.0.0.1:{port}";
        using var server = Process.Start(new ProcessStartInfo("dotnet", [dll, "--urls", address,
            "--Database:ConnectionString", $"Data Source={Path.Combine(dir, "bench.db")}", "--Database:SeedDemoHistory", "false",
            "--Logging:LogLevel:Default", "Warning", "--Diagnostics:MemoryEndpoint", "true", "--Hall:EndOfDayAt", "",
            "--Setup:AllowDemoDefaults", "true"])
        { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true })!;
        try
        {
            using var http = new HttpClient();
            for (var i = 0; i < 120; i++)
            {
                try { if ((await http.GetAsync(address + "/health")).IsSuccessStatusCode) break; } catch (HttpRequestException) { }
                await Task.Delay(500);
            }
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Environment.GetEnvironmentVariable("OPSCONSOLE_CHROMIUM") ?? "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            // Two circuits first, so JIT and caches are not counted as per-circuit cost.
            for (var i = 0; i < 2; i++) await OpenCounterAsync(browser, address, User ?? $"BJ{9 + i:0000}");
            await Task.Delay(3000);
            var before = await MemoryAsync(http, address);
            var rssBefore = Rss(server.Id);
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < circuits; i++) await OpenCounterAsync(browser, address, User ?? $"BJ{11 + i:0000}");
            var opened = sw.Elapsed;
            await Task.Delay(5000);
            var after = await MemoryAsync(http, address);
            var rssAfter = Rss(server.Id);
            var added = after.OpenCircuits - before.OpenCircuits;
            // A circuit of the page left behind after sign-in can still be counted open: divide by what is open.
            if (added < circuits) throw new InvalidOperationException($"{added} circuits opened, {circuits} expected.");
            return
            [
                new("Sqlite", $"{circuits} idle circuits of {User ?? "window staff"} on {Page} (separate server process)", $"opened in {opened.TotalSeconds:0} s",
                    $"managed heap +{(after.HeapBytes - before.HeapBytes) / 1024.0 / added:0} KB per circuit ({before.HeapBytes / 1048576.0:0.0} → {after.HeapBytes / 1048576.0:0.0} MB after full GC, {before.OpenCircuits} → {after.OpenCircuits} circuits); resident {rssBefore / 1024} → {rssAfter / 1024} MB",
                    "≤ 300 KB per idle circuit"),
            ];
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    private static async Task OpenCounterAsync(IBrowser browser, string address, string employeeNo)
    {
        var page = await (await browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(address + "/account/login");
        await page.FillAsync("#username", employeeNo);
        await page.FillAsync("#password", OpsConsole.Data.Seeding.DemoSeeder.DemoPassword);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/login"));
        await page.GotoAsync(address + Page);
        await page.WaitForSelectorAsync("html[data-interactive=true]", new() { State = WaitForSelectorState.Attached, Timeout = 30000 });
    }

    private static string Page => Environment.GetEnvironmentVariable("OPSCONSOLE_BENCH_PAGE") ?? "/counter";

    /// <summary>One account for every circuit (e.g. a manager, for the console shell); default: a different window staff member each.</summary>
    private static string? User => Environment.GetEnvironmentVariable("OPSCONSOLE_BENCH_USER");

    private sealed record Memory(int OpenCircuits, long HeapBytes);

    private static async Task<Memory> MemoryAsync(HttpClient http, string address)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(address + "/diagnostics/memory"));
        return new Memory(doc.RootElement.GetProperty("openCircuits").GetInt32(), doc.RootElement.GetProperty("managedHeapBytes").GetInt64());
    }

    /// <summary>Resident set size of a process, in KB.</summary>
    private static long Rss(int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);

    private static string FindRoot()
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
