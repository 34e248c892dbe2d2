using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using OpsConsole.Auth;
using OpsConsole.Data;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Queueing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>The server goes away: .NET 10's reconnect modal shows, in Chinese; the server returns: the page recovers.</summary>
[Collection("browser")]
public sealed class ReconnectTests
{
    [Fact]
    public async Task TheModalShowsWhenTheServerStopsAndThePageRecoversAfterARestart()
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
        await page.ScreenshotAsync("reconnect-modal");

        await using var second = new OpsApp(db, kestrelPort: port);
        _ = second.BaseUrl;
        // The restarted server does not know the old circuit: the page reloads itself and
        // the user, still signed in, sees the home page again.
        await Assertions.Expect(overlay).ToBeHiddenAsync(new() { Timeout = 45000 });
        await page.WaitForSelectorAsync("[data-testid=stat-departments]", new() { Timeout = 30000 });
    }

    [Fact]
    public async Task TheCounterComesBackAfterARestartWithItsWindowAndTheTicketAtTheCounter()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = TestClock.MondayMorning();
        var port = FreePort();
        void PinClock(IServiceCollection s) => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserFixture.LaunchAsync(playwright);
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "zh-CN" })).NewPageAsync();

        var first = new OpsApp(db, kestrelPort: port, services: PinClock);
        var baseUrl = first.BaseUrl;
        await page.SignInAsync(baseUrl, DemoAccounts.ByRole[Roles.WindowStaff], DemoAccounts.Password);
        await page.GotoAsync(baseUrl + "/counter");
        await page.WaitForCircuitAsync();
        await page.WaitForSelectorAsync("html[data-counter-shortcuts=on]", new() { State = WaitForSelectorState.Attached });
        string number;
        using (var scope = first.Services.CreateScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<TicketIssuer>().IssueAsync("BDC", TicketChannel.Kiosk);
            Assert.True(outcome.Result.Succeeded, outcome.Result.Error);
            number = outcome.Ticket!.Number;
        }
        await Assertions.Expect(page.Locator("[data-testid=action-callnext]")).ToBeEnabledAsync();
        await page.Keyboard.PressAsync("F1");
        await Assertions.Expect(page.Locator("[data-testid=current-number]")).ToHaveTextAsync(number);

        await first.DisposeAsync();
        var modal = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(modal).ToBeVisibleAsync(new() { Timeout = 15000 });
        await Assertions.Expect(modal).ToContainTextAsync("连接");

        await using var second = new OpsApp(db, kestrelPort: port, services: PinClock);
        _ = second.BaseUrl;
        await Assertions.Expect(modal).ToBeHiddenAsync(new() { Timeout = 45000 });
        await Assertions.Expect(page.Locator("[data-testid=window-number]")).ToHaveTextAsync("1", new() { Timeout = 30000 });
        await Assertions.Expect(page.Locator("[data-testid=current-number]")).ToHaveTextAsync(number);
        await Assertions.Expect(page.Locator("[data-testid=ticket-state]")).ToHaveTextAsync("已呼叫");
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
