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
        await using var server = await BenchServer.StartAsync();
        var address = server.Address;
        using var http = new HttpClient();
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
        var before = await server.SampleAsync(http);
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < circuits; i++) await OpenCounterAsync(browser, address, User ?? $"BJ{11 + i:0000}");
        var opened = sw.Elapsed;
        await Task.Delay(5000);
        var after = await server.SampleAsync(http);
        var added = after.Circuits - before.Circuits;
        // A circuit of the page left behind after sign-in can still be counted open: divide by what is open.
        if (added < circuits) throw new InvalidOperationException($"{added} circuits opened, {circuits} expected.");
        return
        [
            new("Sqlite", $"{circuits} idle circuits of {User ?? "window staff"} on {Page} (separate server process)", $"opened in {opened.TotalSeconds:0} s",
                $"managed heap +{(after.HeapBytes - before.HeapBytes) / 1024.0 / added:0} KB per circuit ({before.HeapMb:0.0} → {after.HeapMb:0.0} MB after full GC, {before.Circuits} → {after.Circuits} circuits); resident {before.RssMb:0} → {after.RssMb:0} MB",
                "≤ 300 KB per idle circuit"),
        ];
    }

    internal static async Task OpenCounterAsync(IBrowser browser, string address, string employeeNo)
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
}
