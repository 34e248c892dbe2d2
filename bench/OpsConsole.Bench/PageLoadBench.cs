using System.Text.Json;
using Microsoft.Playwright;

namespace OpsConsole.Bench;

/// <summary>
/// First render and interactive time of the pages issue 16 names, and what the first load transfers
/// (issue 16, "Measure"). The app runs as its own process (the Release build, or the one
/// OPSCONSOLE_BENCH_APP points at, so that an older build can be measured the same way); each page is
/// opened <see cref="Runs"/> times by its user in a fresh browser context (a cold cache, as a new
/// workstation in the morning): first contentful paint from the Performance API, interactive when the
/// app marks the document (<c>html[data-interactive=true]</c>, set once the circuit is up), and the
/// bytes of the document, the style sheets and the scripts (transferSize: compressed, headers included).
/// </summary>
internal static class PageLoadBench
{
    private const int Runs = 5;

    private static readonly (string Path, string User, string What)[] Pages =
    [
        ("/monitor", "BJ0003", "monitor (manager)"),
        ("/counter", "BJ0001", "counter workstation (window staff)"),
        ("/attendance/monthly", "BJ0004", "monthly attendance sheet (HR)"),
    ];

    public static async Task<List<QueueBench.Row>> RunAsync()
    {
        await using var server = await BenchServer.StartAsync(hallOpen: true);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("OPSCONSOLE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
        });
        var build = Environment.GetEnvironmentVariable("OPSCONSOLE_BENCH_APP") is { Length: > 0 } other ? $" ({other})" : "";
        var rows = new List<QueueBench.Row>();
        foreach (var (path, user, what) in Pages)
        {
            await MeasureAsync(browser, server.Address, path, user); // warm-up: JIT and the server's caches
            var samples = new List<Sample>();
            for (var i = 0; i < Runs; i++) samples.Add(await MeasureAsync(browser, server.Address, path, user));
            var paint = samples.Select(s => s.FirstPaintMs).Order().ToList();
            var interactive = samples.Select(s => s.InteractiveMs).Order().ToList();
            var last = samples[^1];
            rows.Add(new("Sqlite", $"first load of {path}, {what}{build}", $"{Runs} loads, each in a fresh context (cold cache)",
                $"first paint median {Median(paint):0} ms (max {paint[^1]:0}); interactive median {Median(interactive):0} ms (max {interactive[^1]:0}); " +
                $"transferred: document {last.DocumentKb:0.0} KB, CSS {last.CssKb:0.0} KB in {last.CssFiles} files, JS {last.JsKb:0.0} KB in {last.JsFiles} files",
                "before/after comparison"));
        }
        return rows;
    }

    private sealed record Sample(double FirstPaintMs, double InteractiveMs, double DocumentKb, double CssKb, int CssFiles, double JsKb, int JsFiles);

    private static double Median(List<double> sorted) => sorted[sorted.Count / 2];

    private static async Task<Sample> MeasureAsync(IBrowser browser, string address, string path, string user)
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(address + "/account/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", OpsConsole.Data.Seeding.DemoSeeder.DemoPassword);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/login"));
        // The sign-in page cached some shared files: the measured page loads with the browser's cache off (a cold
        // start, as a new workstation in the morning), in the same signed-in context.
        var measured = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(measured);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.setCacheDisabled", new Dictionary<string, object> { ["cacheDisabled"] = true });
        await measured.GotoAsync(address + path);
        try
        {
            await measured.WaitForSelectorAsync("html[data-interactive=true]", new() { State = WaitForSelectorState.Attached, Timeout = 60000 });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{path} as {user} never became interactive (at {measured.Url}).", e);
        }
        var json = await measured.EvaluateAsync<string>("""
            () => {
              const now = performance.now();
              const paint = performance.getEntriesByName('first-contentful-paint')[0];
              const nav = performance.getEntriesByType('navigation')[0];
              const res = performance.getEntriesByType('resource');
              const css = res.filter(r => r.name.split('?')[0].endsWith('.css'));
              const js = res.filter(r => r.name.split('?')[0].endsWith('.js'));
              const sum = a => a.reduce((t, r) => t + r.transferSize, 0);
              return JSON.stringify({ paint: paint ? paint.startTime : -1, now, doc: nav.transferSize,
                css: sum(css), cssFiles: css.length, js: sum(js), jsFiles: js.length });
            }
            """);
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        return new Sample(r.GetProperty("paint").GetDouble(), r.GetProperty("now").GetDouble(), r.GetProperty("doc").GetDouble() / 1024,
            r.GetProperty("css").GetDouble() / 1024, r.GetProperty("cssFiles").GetInt32(), r.GetProperty("js").GetDouble() / 1024, r.GetProperty("jsFiles").GetInt32());
    }
}
