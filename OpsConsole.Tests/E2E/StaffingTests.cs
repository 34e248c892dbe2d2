using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using OpsConsole.Auth;
using OpsConsole.Data;
using OpsConsole.Features.Monitoring;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>The staffing chart from the generated demo history, and the daily report, in a browser.</summary>
[Collection("browser")]
public sealed class StaffingTests
{
    private const string DailyReportExportContentType = OpsConsole.Features.Reports.DailyReportExport.ContentType;

    [Fact]
    public async Task TheStaffingChartShowsSuggestedAgainstExistingWindowsFromHistory()
    {
        var clock = TestClock.MondayMorning();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db, kestrelPort: 0, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock))) { SeedHistory = true };
        var baseUrl = app.BaseUrl;

        using (var scope = app.Services.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<StaffingSuggestion>().ForAsync(new DateOnly(2026, 11, 23));
            Assert.Contains(result.Hours, h => h.ForecastArrivals > 0);
            Assert.Contains(result.Hours, h => h.SuggestedWindows > 0);
            // Mondays are the busiest days: some hour of some queue needs more than it has.
            Assert.Contains(result.Hours, h => h.IsShort);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserFixture.LaunchAsync(playwright);
        var page = await (await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } })).NewPageAsync();
        await page.SignInAsync(baseUrl, DemoAccounts.ByRole[Roles.Manager], DemoAccounts.Password);
        await page.GotoAsync(baseUrl + "/monitor/staffing");
        await page.WaitForCircuitAsync();
        await page.WaitForSelectorAsync("[data-testid=staffing-chart][data-rendered=true]");
        Assert.True(await page.Locator("[data-testid=staffing-chart] svg").CountAsync() > 0);
        Assert.True(await page.Locator("[data-testid=short-hours] li").CountAsync() > 0);
        await page.ScreenshotAsync("staffing-1366");

        // The daily operations report of the Friday before, from the same history.
        await page.GotoAsync(baseUrl + "/reports/daily?date=2026-11-20");
        await page.WaitForCircuitAsync();
        await page.WaitForSelectorAsync("[data-testid=report-hours][data-rendered=true]");
        var issued = int.Parse(await page.InnerTextAsync("[data-testid=report-issued]"));
        Assert.InRange(issued, 500, 5000);
        Assert.True(await page.Locator("[data-testid=report-queues] tbody tr").CountAsync() >= 12);
        // The same range as a workbook, through the page's own link.
        var href = await page.GetAttributeAsync("[data-testid=report-export]", "href");
        var workbook = await page.Context.APIRequest.GetAsync(baseUrl + "/" + href);
        Assert.True(workbook.Ok);
        Assert.Equal(DailyReportExportContentType, workbook.Headers["content-type"]);
        await page.SetViewportSizeAsync(1920, 1080);
        await page.ScreenshotAsync("report-daily-1920");

        // The public live wait page: no sign-in, per-queue counts.
        var anonymous = await (await browser.NewContextAsync()).NewPageAsync();
        await anonymous.GotoAsync(baseUrl + "/wait");
        await Assertions.Expect(anonymous.Locator("[data-testid=public-wait]")).ToContainTextAsync("不动产登记");
        await anonymous.ScreenshotAsync("public-wait");
    }
}
