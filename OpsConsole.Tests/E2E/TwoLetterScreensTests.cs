using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpsConsole.Auth;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Queueing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>
/// A two-letter queue ("BD") and its numbers on the staff and manager pages at 1366×768: the
/// counter workstation, the monitor, the routes matrix, the daily report and the appointment pages.
/// </summary>
[Collection("browser")]
public sealed class TwoLetterScreensTests(KioskBrowserFixture fx) : IClassFixture<KioskBrowserFixture>
{
    [Fact]
    public async Task StaffAndManagerPagesShowTheTwoLetterQueueAndItsNumbers()
    {
        await TestQueues.AddAsync(fx.App, "BDDY", "BD", "不动产抵押", routeToWindow: 1);
        using (var scope = fx.App.Services.CreateScope())
        {
            var issuer = scope.ServiceProvider.GetRequiredService<TicketIssuer>();
            for (var i = 0; i < 2; i++) Assert.True((await issuer.IssueAsync("BDDY", TicketChannel.Kiosk)).Result.Succeeded);
        }

        var counter = await fx.NewPageAsync(1366, 768);
        await counter.SignInAsync(fx.BaseUrl, DemoAccounts.ByRole[Roles.WindowStaff], DemoAccounts.Password);
        await counter.WaitForCircuitAsync();
        await counter.ClickAsync("a[href='counter']");
        await Assertions.Expect(counter.Locator("[data-testid=waiting-BDDY]")).ToContainTextAsync("BD");
        await Assertions.Expect(counter.Locator("[data-testid=waiting-count-BDDY]")).ToHaveTextAsync("2");
        await counter.ClickAsync("[data-testid=action-callnext]");
        await Assertions.Expect(counter.Locator("[data-testid=current-number]")).ToHaveTextAsync("BD001");
        await counter.ScreenshotAsync("counter-two-letters-1366");
        await counter.Context.CloseAsync();

        var manager = await fx.NewPageAsync(1366, 768);
        await manager.SignInAsync(fx.BaseUrl, DemoAccounts.ByRole[Roles.Manager], DemoAccounts.Password);
        foreach (var (path, expected, shot) in new[]
        {
            ("/monitor", "BD001", "monitor-two-letters-1366"),
            ("/windows/routes", "BD 不动产抵押", "routes-two-letters-1366"),
            ("/reports/daily", "不动产抵押", "report-two-letters-1366"),
            ("/appointments", "BD 不动产抵押", "appointments-two-letters-1366"),
            ("/green-channel", "不动产抵押", "green-channel-two-letters-1366"),
        })
        {
            await manager.GotoAsync(fx.BaseUrl + path);
            await Assertions.Expect(manager.Locator("main")).ToContainTextAsync(expected, new() { Timeout = 10000 });
            await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("BD");
            // The report's charts draw after the circuit starts; its per-queue series is named "BD 不动产抵押".
            if (path == "/reports/daily") await manager.WaitForSelectorAsync("[data-testid=report-hours][data-rendered=true]");
            await manager.ScreenshotAsync(shot);
        }
        await manager.Context.CloseAsync();
    }
}
