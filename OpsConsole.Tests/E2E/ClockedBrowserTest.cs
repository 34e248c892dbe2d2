using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using OpsConsole.Data;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>
/// A browser test with its own app on a clock the test sets and moves (Monday 23 November 2026, 10:00, the hall
/// open): a fresh SQLite database, the app on a real port, and Chromium. For tests that move time, so they cannot
/// share the running <see cref="BrowserFixture"/>.
/// </summary>
public abstract class ClockedBrowserTest : IAsyncLifetime
{
    protected readonly TestClock clock = TestClock.MondayMorning();
    protected TestDatabase db = default!;
    protected OpsApp app = default!;
    protected IPlaywright playwright = default!;
    protected IBrowser browser = default!;

    public async Task InitializeAsync()
    {
        db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        app = new OpsApp(db, kestrelPort: 0, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        _ = app.BaseUrl;
        playwright = await Playwright.CreateAsync();
        browser = await BrowserFixture.LaunchAsync(playwright);
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await app.DisposeAsync();
        await db.DisposeAsync();
    }
}
