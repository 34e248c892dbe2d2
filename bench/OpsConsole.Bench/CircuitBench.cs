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
        await using var browser = await LaunchAsync(playwright);
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

    internal static Task OpenCounterAsync(IBrowser browser, string address, string employeeNo) => OpenAsync(browser, address, employeeNo, Page);

    /// <summary>Signs <paramref name="userName"/> in, in a browser context of its own, and opens <paramref name="page"/> until interactive.</summary>
    private static async Task<IBrowserContext> OpenAsync(IBrowser browser, string address, string userName, string page)
    {
        var context = await browser.NewContextAsync();
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(address + "/account/login");
        await tab.FillAsync("#username", userName);
        await tab.FillAsync("#password", OpsConsole.Data.Seeding.DemoSeeder.DemoPassword);
        await tab.ClickAsync("[data-testid=login-submit]");
        await tab.WaitForURLAsync(u => !u.Contains("/account/login"));
        await tab.GotoAsync(address + page);
        await tab.WaitForSelectorAsync("html[data-interactive=true]", new() { State = WaitForSelectorState.Attached, Timeout = 30000 });
        return context;
    }

    /// <summary>Every signed-in page with the account it is measured as: staff (the lean shell), chief representative,
    /// manager, HR and admin (the office shell).</summary>
    internal static readonly (string Page, string User, string Budget)[] Pages =
    [
        ("/", "BJ0001", Staff), ("/counter", "BJ0001", Staff), ("/appointments", "BJ0001", Staff), ("/attendance/me", "BJ0001", Staff),
        ("/assessment/me", "BJ0001", Staff), ("/my/ratings", "BJ0001", Staff), ("/cases/mine", "BJ0001", Staff), ("/cases/new", "BJ0001", Staff),
        ("/department", "BJ0002", Staff), ("/assessment/department", "BJ0002", Staff), ("/cases/department", "BJ0002", Staff),
        ("/", "BJ0003", Office), ("/monitor", "BJ0003", Office), ("/monitor/staffing", "BJ0003", Office), ("/green-channel", "BJ0003", Office),
        ("/catalog/departments", "BJ0003", Office), ("/catalog/items", "BJ0003", Office), ("/catalog/queues", "BJ0003", Office),
        ("/catalog/windows", "BJ0003", Office), ("/windows/roster", "BJ0003", Office), ("/windows/routes", "BJ0003", Office),
        ("/windows/skills", "BJ0003", Office), ("/supervision", "BJ0003", Office), ("/supervision/complaints", "BJ0003", Office),
        ("/supervision/commendations", "BJ0003", Office), ("/supervision/inspections", "BJ0003", Office),
        ("/supervision/rectifications", "BJ0003", Office), ("/awards", "BJ0003", Office), ("/awards/ballot", "BJ0003", Office),
        ("/awards/certificates", "BJ0003", Office),
        ("/", "BJ0004", Office), ("/attendance/monthly", "BJ0004", Office), ("/attendance/imports", "BJ0004", Office),
        ("/assessment/manage", "BJ0004", Office), ("/assessment/postings", "BJ0004", Office), ("/assessment/ranking", "BJ0004", Office),
        ("/assessment/scheme", "BJ0004", Office), ("/awards/bulletins", "BJ0004", Office), ("/awards/rules", "BJ0004", Office),
        ("/reports/daily", "BJ0004", Office), ("/staff", "BJ0004", Office),
        ("/admin/accounts", "admin", Office), ("/admin/audit", "admin", Office), ("/admin/devices", "admin", Office),
        ("/attendance/settings", "admin", Office),
    ];

    private const string Staff = "≤ 400 KB", Office = "≤ 1 MB";

    /// <summary>
    /// Every page of <see cref="Pages"/> in one server: <paramref name="circuits"/> idle circuits of the page, the
    /// managed heap after a full GC before and after, then the tabs closed (Blazor's unload beacon ends their circuits)
    /// before the next page. Fewer circuits per page than <see cref="RunAsync"/> (a sweep, ±30 KB), the same measure.
    /// </summary>
    public static async Task<List<QueueBench.Row>> SweepAsync(int circuits = 12)
    {
        await using var server = await BenchServer.StartAsync();
        using var http = new HttpClient();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        // Warm-up: every page once, so JIT, caches and first queries are not counted as per-circuit cost.
        foreach (var (page, user, _) in Pages) await (await OpenAsync(browser, server.Address, user, page)).CloseAsync();
        await WaitForCircuitsAsync(server, http, 0);
        var rows = new List<QueueBench.Row>();
        foreach (var (page, user, budget) in Pages)
        {
            var before = await server.SampleAsync(http);
            var contexts = new List<IBrowserContext>();
            for (var i = 0; i < circuits; i++) contexts.Add(await OpenAsync(browser, server.Address, user, page));
            await Task.Delay(3000);
            var after = await server.SampleAsync(http);
            var added = after.Circuits - before.Circuits;
            var perCircuit = (after.HeapBytes - before.HeapBytes) / 1024.0 / Math.Max(added, 1);
            rows.Add(new("Sqlite", $"`{page}` as {user}", $"{added} circuits", $"**{perCircuit:#,0} KB** per idle circuit", budget));
            Console.Error.WriteLine($"{page} {user}: {perCircuit:0} KB ({added} circuits)");
            foreach (var context in contexts) await context.CloseAsync();
            await WaitForCircuitsAsync(server, http, before.Circuits);
        }
        return rows;
    }

    private static async Task WaitForCircuitsAsync(BenchServer server, HttpClient http, int atMost)
    {
        for (var i = 0; i < 120 && (await server.SampleAsync(http)).Circuits > atMost; i++) await Task.Delay(1000);
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Environment.GetEnvironmentVariable("OPSCONSOLE_CHROMIUM") ?? "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

    private static string Page => Environment.GetEnvironmentVariable("OPSCONSOLE_BENCH_PAGE") ?? "/counter";

    /// <summary>One account for every circuit (e.g. a manager, for the console shell); default: a different window staff member each.</summary>
    private static string? User => Environment.GetEnvironmentVariable("OPSCONSOLE_BENCH_USER");
}
