using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using OpsConsole.Auth;
using OpsConsole.Data;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>A manager adds a two-letter queue in the browser: a taken prefix is refused in place, then the queue is listed.</summary>
[Collection("browser")]
public sealed class QueueSetupTests
{
    [Fact]
    public async Task AManagerAddsAQueueAndATakenPrefixIsRefused()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db, kestrelPort: 0, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(TestClock.MondayMorning())));
        var baseUrl = app.BaseUrl;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserFixture.LaunchAsync(playwright);
        var page = await (await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } })).NewPageAsync();
        await page.SignInAsync(baseUrl, DemoAccounts.ByRole[Roles.Manager], DemoAccounts.Password);
        await page.GotoAsync(baseUrl + "/catalog/queues");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=queue-prefix]").First).ToBeVisibleAsync();

        await page.ClickAsync("[data-testid=new-queue]");
        await page.FillAsync("[data-testid=queue-prefix-input]", "a");
        await page.FillAsync("[data-testid=queue-code]", "BDDY");
        await page.FillAsync("[data-testid=queue-name]", "不动产抵押");
        await page.FillAsync("[data-testid=queue-hours]", "9:00-12:00，13:30-17:00");
        await page.Locator(".mud-dialog [data-testid=queue-item]").First.CheckAsync();
        await page.ClickAsync("[data-testid=queue-save]");
        // The use case's message, next to the field it is about.
        await Assertions.Expect(page.Locator(".mud-dialog .mud-input-control:has([data-testid=queue-prefix-input]) .mud-input-helper-text.mud-input-error"))
            .ToContainTextAsync("前缀 A 已被其他队列使用");

        await page.FillAsync("[data-testid=queue-prefix-input]", "bd");
        await page.ScreenshotAsync("queue-setup-edit");
        await page.ClickAsync("[data-testid=queue-save]");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("已保存队列 不动产抵押（BD）");
        await Assertions.Expect(page.Locator("tbody tr", new() { HasText = "BDDY" })).ToContainTextAsync("09:00-12:00;13:30-17:00");
        await page.ScreenshotAsync("queue-setup");
    }
}
