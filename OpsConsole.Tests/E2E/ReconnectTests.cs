using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using OpsConsole.Auth;
using OpsConsole.Data;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>The server goes away: the Chinese overlay shows; the server returns: the page recovers.</summary>
[Collection("browser")]
public sealed class ReconnectTests
{
    [Fact]
    public async Task TheOverlayShowsWhenTheServerStopsAndThePageRecoversAfterARestart()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var port = FreePort();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserFixture.LaunchAsync(playwright);
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } })).NewPageAsync();

        var first = new OpsApp(db, kestrelPort: port);
        var baseUrl = first.BaseUrl;
        await page.SignInAsync(baseUrl, DemoAccounts.ByRole[Roles.Manager], DemoAccounts.Password);
        await page.WaitForSelectorAsync("[data-testid=stat-departments]");
        await page.WaitForCircuitAsync();

        await first.DisposeAsync();
        var overlay = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(overlay).ToBeVisibleAsync(new() { Timeout = 15000 });
        await Assertions.Expect(overlay).ToContainTextAsync("连接");
        await page.ScreenshotAsync("reconnect-overlay");

        await using var second = new OpsApp(db, kestrelPort: port);
        _ = second.BaseUrl;
        // The restarted server does not know the old circuit: the page reloads itself and
        // the user, still signed in, sees the home page again.
        await Assertions.Expect(overlay).ToBeHiddenAsync(new() { Timeout = 45000 });
        await page.WaitForSelectorAsync("[data-testid=stat-departments]", new() { Timeout = 30000 });
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection;
