using System.Diagnostics;
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
        // OPSCONSOLE_BENCH_PAGE may list several pages ("/a,/b"): each gets a fresh server, so one page's
        // leftovers never count against the next.
        var rows = new List<QueueBench.Row>();
        foreach (var page in Pages)
        {
            var row = await RunPageAsync(page, circuits);
            Console.Error.WriteLine($"{page}: {row.Result}");
            rows.Add(row);
        }
        return rows;
    }

    private static async Task<QueueBench.Row> RunPageAsync(string path, int circuits)
    {
        await using var server = await BenchServer.StartAsync();
        var address = server.Address;
        using var http = new HttpClient();
        await using var clients = Wire ? new WireClients(address, path) : null;
        using var playwright = Wire ? null : await Playwright.CreateAsync();
        await using var browser = playwright is null ? null : await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("OPSCONSOLE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        // One account for every circuit: sign in once and give each browser context its cookie.
        var signedIn = User is { } user && browser is not null ? await SignInAsync(browser, address, user) : null;
        Task Open(int i) => clients is not null ? clients.OpenAsync(User ?? $"BJ{i:0000}")
            : signedIn is not null ? OpenAsync(browser!, address, path, signedIn)
            : OpenCounterAsync(browser!, address, $"BJ{i:0000}", path);
        // Two circuits first, so JIT and caches are not counted as per-circuit cost.
        for (var i = 0; i < 2; i++) await Open(9 + i);
        await Task.Delay(3000);
        var before = await server.SampleAsync(http);
        var sw = Stopwatch.StartNew();
        // A few at once: most of a page's opening is waiting on the server and the renderer, not work.
        await Parallel.ForEachAsync(Enumerable.Range(11, circuits), new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            async (i, _) => await Open(i));
        var opened = sw.Elapsed;
        await Task.Delay(5000);
        var after = await server.SampleAsync(http);
        var added = after.Circuits - before.Circuits;
        // OPSCONSOLE_BENCH_HOLD=seconds: keep the server and its circuits up, e.g. for a dotnet-gcdump of them.
        if (int.TryParse(Environment.GetEnvironmentVariable("OPSCONSOLE_BENCH_HOLD"), out var hold) && hold > 0)
        {
            Console.Error.WriteLine($"{path}: holding the server (pid {server.ProcessId}) for {hold} s");
            await Task.Delay(TimeSpan.FromSeconds(hold));
        }
        // A circuit of the page left behind after sign-in can still be counted open: divide by what is open.
        if (added < circuits) throw new InvalidOperationException($"{path}: {added} circuits opened, {circuits} expected.");
        return new("Sqlite", $"{circuits} idle circuits of {User ?? "window staff"} on {path} ({(Wire ? "wire client" : "Chromium")}, separate server process)", $"opened in {opened.TotalSeconds:0} s",
            $"managed heap +{(after.HeapBytes - before.HeapBytes) / 1024.0 / added:0} KB per circuit ({before.HeapMb:0.0} → {after.HeapMb:0.0} MB after full GC, {before.Circuits} → {after.Circuits} circuits); resident {before.RssMb:0} → {after.RssMb:0} MB",
            "≤ 300 KB per idle circuit");
    }

    private static async Task<string> SignInAsync(IBrowser browser, string address, string employeeNo)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, address, employeeNo);
        return await context.StorageStateAsync();
    }

    /// <summary>Signs a demo account in through the login form in <paramref name="page"/>.</summary>
    internal static async Task SignInAsync(IPage page, string address, string employeeNo)
    {
        await page.GotoAsync(address + "/account/login");
        await page.FillAsync("#username", employeeNo);
        await page.FillAsync("#password", OpsConsole.Data.Seeding.DemoSeeder.DemoPassword);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/login"));
    }

    private static async Task OpenAsync(IBrowser browser, string address, string path, string storageState)
    {
        var page = await (await browser.NewContextAsync(new() { StorageState = storageState })).NewPageAsync();
        await GoToInteractiveAsync(page, address + path);
    }

    private static async Task GoToInteractiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("html[data-interactive=true]", new() { State = WaitForSelectorState.Attached, Timeout = 30000 });
    }

    internal static async Task OpenCounterAsync(IBrowser browser, string address, string employeeNo, string path = "/counter")
    {
        var page = await (await browser.NewContextAsync()).NewPageAsync();
        await SignInAsync(page, address, employeeNo);
        await GoToInteractiveAsync(page, address + path);
    }

    /// <summary>OPSCONSOLE_BENCH_CLIENT=wire: circuits through <see cref="BlazorCircuitClient"/> instead of Chromium.</summary>
    private static bool Wire => Environment.GetEnvironmentVariable("OPSCONSOLE_BENCH_CLIENT") == "wire";

    /// <summary>Browserless circuits of one page, an account signed in once each; kept open until disposed.</summary>
    private sealed class WireClients(string address, string path) : IAsyncDisposable
    {
        private readonly System.Collections.Concurrent.ConcurrentBag<BlazorCircuitClient> _open = [];
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<System.Net.CookieContainer>> _cookies = new();

        public async Task OpenAsync(string employeeNo)
        {
            var cookies = await _cookies.GetOrAdd(employeeNo, e => BlazorCircuitClient.SignInAsync(address, e, OpsConsole.Data.Seeding.DemoSeeder.DemoPassword));
            var client = await BlazorCircuitClient.OpenAsync(address, path, cookies);
            _open.Add(client);
            await client.Interactive.WaitAsync(TimeSpan.FromSeconds(30));
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var c in _open) await c.DisposeAsync();
        }
    }

    private static int Parallelism => int.TryParse(Environment.GetEnvironmentVariable("OPSCONSOLE_BENCH_PARALLEL"), out var n) && n > 0 ? n : 4;

    private static string[] Pages => (Environment.GetEnvironmentVariable("OPSCONSOLE_BENCH_PAGE") ?? "/counter")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>One account for every circuit (e.g. a manager, for the console shell); default: a different window staff member each.</summary>
    private static string? User => Environment.GetEnvironmentVariable("OPSCONSOLE_BENCH_USER") is { Length: > 0 } user ? user : null;
}
