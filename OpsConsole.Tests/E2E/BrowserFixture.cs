using Microsoft.Playwright;
using OpsConsole.Data;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>
/// Debian's Chromium driven by Playwright (never "playwright install": no downloads here),
/// and one seeded app listening on a loopback port.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("OPSCONSOLE_CHROMIUM") ?? "/usr/bin/chromium";

    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    public IPlaywright Playwright { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public TestDatabase Db { get; private set; } = default!;
    public OpsApp App { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        App = new OpsApp(Db, kestrelPort: 0, services: ConfigureServices) { Settings = Settings };
        BaseUrl = App.BaseUrl;
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await LaunchAsync(Playwright);
    }

    /// <summary>More configuration for the app under test. Default: none.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>Service overrides for the app under test (e.g. a test clock). Default: none.</summary>
    protected virtual void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services) { }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}: install Debian's chromium (./test.sh does).");
        }
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1366, int height = 768)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.DisposeAsync();
        await Db.DisposeAsync();
    }
}

public static class PageActions
{
    public static async Task SignInAsync(this IPage page, string baseUrl, string userName, string password)
    {
        await page.GotoAsync(baseUrl + "/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
    }

    /// <summary>Waits until the page's Blazor circuit is up, so clicks reach the server.</summary>
    public static Task WaitForCircuitAsync(this IPage page) =>
        page.WaitForSelectorAsync("html[data-interactive=true]", new PageWaitForSelectorOptions { Timeout = 15000, State = WaitForSelectorState.Attached });

    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotToAsync(Path.Combine(dir, name + ".png"));
    }

    /// <summary>Saves what the viewport shows to <paramref name="path"/> with CSS transitions and animations run to
    /// their end, so a floating label or a border colour is never caught half-way.</summary>
    public static Task ScreenshotToAsync(this IPage page, string path) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Animations = ScreenshotAnimations.Disabled });
}
