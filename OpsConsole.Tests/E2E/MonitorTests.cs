using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using OpsConsole.Auth;
using OpsConsole.Data;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Queueing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>A manager watches the hall live, gets an alert, moves a window and sees the wait fall.</summary>
[Collection("browser")]
public sealed class MonitorTests
{
    [Fact]
    public async Task AManagerSeesTheHallLiveGetsAnAlertAndMovesAWindowToTheQueue()
    {
        var clock = TestClock.MondayMorning();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db, kestrelPort: 0, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var baseUrl = app.BaseUrl;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserFixture.LaunchAsync(playwright);
        var page = await (await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } })).NewPageAsync();

        await page.SignInAsync(baseUrl, DemoAccounts.ByRole[Roles.Manager], DemoAccounts.Password);
        await page.GotoAsync(baseUrl + "/monitor");
        await page.WaitForCircuitAsync();
        await page.WaitForSelectorAsync("[data-testid=tile-1]");

        using var scope = app.Services.CreateScope();
        var issuer = scope.ServiceProvider.GetRequiredService<TicketIssuer>();
        for (var i = 0; i < 31; i++) Assert.True((await issuer.IssueAsync("YB", TicketChannel.Kiosk)).Result.Succeeded);

        var row = page.Locator("[data-testid=queue-YB]");
        await Assertions.Expect(row.Locator("[data-testid=waiting]")).ToHaveTextAsync("31", new() { Timeout = 10000 });
        await Assertions.Expect(row).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("queue-alert-red"));
        await Assertions.Expect(page.Locator("[data-testid=alert-feed]")).ToContainTextAsync("医保：等候人数过多");
        await Assertions.Expect(page.Locator("[data-testid=alert-toast]").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("monitor-alert-1366");

        // Window 1 (不动产, staffed) is moved to 医保 and calls from it: the wait falls.
        await page.ClickAsync("[data-testid=tile-1]");
        var yb = await QueueLabelAsync(app, "YB");
        await page.ClickAsync("[data-testid=move-queue]");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(yb) + " ") }).ClickAsync();
        await Assertions.Expect(page.Locator("input[data-testid=move-queue]")).ToHaveValueAsync(yb);
        await page.ClickAsync("[data-testid=move]");
        await Assertions.Expect(page.Locator("[data-testid=window-detail]")).Not.ToBeVisibleAsync();

        var desk = scope.ServiceProvider.GetRequiredService<CounterDesk>();
        var (windowId, staffId) = await StaffedWindowAsync(app, 1);
        var call = await desk.CallNextAsync(windowId, staffId);
        Assert.True(call.Succeeded, call.Error);
        await Assertions.Expect(row.Locator("[data-testid=waiting]")).ToHaveTextAsync("30", new() { Timeout = 10000 });
        await Assertions.Expect(page.Locator("[data-testid=tile-1]")).ToContainTextAsync("D001");

        await page.SetViewportSizeAsync(1920, 1080);
        await page.ScreenshotAsync("monitor-1920");
    }

    /// <summary>How the move dialog names a queue: "D 医保".</summary>
    private static async Task<string> QueueLabelAsync(OpsApp app, string code)
    {
        await using var ctx = app.CreateDbContext();
        var queue = ctx.Set<ServiceQueue>().AsEnumerable().Single(q => q.Code == code);
        return $"{queue.Prefix} {queue.Name}";
    }

    private static async Task<(int, int)> StaffedWindowAsync(OpsApp app, int number)
    {
        await using var ctx = app.CreateDbContext();
        var w = ctx.Windows.Single(x => x.Number == number);
        var s = ctx.Set<OpsConsole.Domain.Windows.WindowSession>().Single(x => x.WindowId == w.Id);
        return (w.Id, s.StaffId!.Value);
    }
}
