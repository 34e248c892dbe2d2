using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using OpsConsole.Auth;
using OpsConsole.Data;
using OpsConsole.Domain.Windows;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>The roster week in a browser: assign, see the conflict, copy last week, print; plus the routes and skills pages.</summary>
[Collection("browser")]
public sealed class RosterTests
{
    [Fact]
    public async Task AManagerAssignsSeesTheConflictCopiesLastWeekAndPrints()
    {
        var clock = TestClock.MondayMorning();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db, kestrelPort: 0, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var baseUrl = app.BaseUrl;
        int liJing;
        await using (var ctx = app.CreateDbContext())
        {
            var window1 = await ctx.Windows.SingleAsync(w => w.Number == 1);
            liJing = (await ctx.Set<WindowSession>().SingleAsync(s => s.WindowId == window1.Id)).StaffId!.Value;
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserFixture.LaunchAsync(playwright);
        var page = await (await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } })).NewPageAsync();
        await page.SignInAsync(baseUrl, DemoAccounts.ByRole[Roles.Manager], DemoAccounts.Password);
        await page.GotoAsync(baseUrl + "/windows/roster");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=week-label]")).ToContainTextAsync("2026-11-23");
        // The demo's deliberate conflict: one person on two windows on Tuesday afternoon.
        await Assertions.Expect(page.Locator("[data-testid=conflict-twowindows]")).ToBeVisibleAsync();
        var before = int.Parse(await page.InnerTextAsync("[data-testid=conflict-count]"));

        // 李静 also on window 2 on Wednesday morning: saved, and both cells are marked.
        await page.ClickAsync("[data-testid=cell-1125-am-2] button");
        await page.SelectOptionAsync("[data-testid=cell-select]", liJing.ToString());
        await Assertions.Expect(page.Locator("[data-testid=cell-1125-am-2]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("conflict-twowindows"));
        await Assertions.Expect(page.Locator("[data-testid=cell-1125-am-1]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("conflict-twowindows"));
        await Assertions.Expect(page.Locator("[data-testid=cell-1125-am-2]")).ToContainTextAsync("李静");
        Assert.True(int.Parse(await page.InnerTextAsync("[data-testid=conflict-count]")) > before);
        await page.ScreenshotAsync("roster-week-1366");
        await page.SetViewportSizeAsync(1920, 1080);
        await page.ScreenshotAsync("roster-week-1920");

        // One floor at a time: the second floor's windows instead of the first's, and back.
        await page.ClickAsync("[data-testid=floor-2]");
        await Assertions.Expect(page.Locator("[data-testid=cell-1125-am-1]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=roster-grid]")).ToContainTextAsync("2A 商事登记区");
        await page.ClickAsync("[data-testid=floor-1]");
        await Assertions.Expect(page.Locator("[data-testid=cell-1125-am-1]")).ToContainTextAsync("李静");

        // Next week is empty until last week is copied.
        await page.ClickAsync("[data-testid=next-week]");
        await Assertions.Expect(page.Locator("[data-testid=week-label]")).ToContainTextAsync("2026-11-30");
        await Assertions.Expect(page.Locator("[data-testid=cell-1130-am-1]")).ToContainTextAsync("—");
        await page.ClickAsync("[data-testid=copy-week]");
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("已复制");
        await Assertions.Expect(page.Locator("[data-testid=cell-1130-am-1]")).ToContainTextAsync("李静");
        await Assertions.Expect(page.Locator("[data-testid=cell-1202-am-2]")).ToContainTextAsync("李静");

        // The printable week: no navigation, the title line instead.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".app-sidebar")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".roster-print-title")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".roster-print-title")).ToContainTextAsync("1楼");
        await page.ScreenshotAsync("roster-print");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // Routes and skills pages.
        await page.SetViewportSizeAsync(1366, 768);
        await page.GotoAsync(baseUrl + "/windows/routes");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=route-1-BDC]")).ToHaveTextAsync("1");
        await page.ClickAsync("[data-testid=route-1-ZH]");
        await Assertions.Expect(page.Locator("[data-testid=route-1-ZH]")).ToHaveTextAsync("1");
        // One floor at a time; a floor with unsaved windows says how many, and an edit survives a look at another floor.
        await Assertions.Expect(page.Locator("[data-testid=floor-1]")).ToContainTextAsync("· 1");
        await page.ClickAsync("[data-testid=floor-2]");
        await Assertions.Expect(page.Locator("[data-testid=route-row-1]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=route-grid] tbody tr[data-testid^=route-row-]").First).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=floor-1]");
        await Assertions.Expect(page.Locator("[data-testid=route-1-ZH]")).ToHaveTextAsync("1");
        await page.ClickAsync("[data-testid=route-1-ZH]");
        await page.ClickAsync("[data-testid=save-routes]");
        await Assertions.Expect(page.Locator("[data-testid=routes-saved]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=route-1-ZH]")).ToHaveTextAsync("2");
        await page.ScreenshotAsync("routes-1366");
        await page.GotoAsync(baseUrl + "/windows/skills");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=skill-grid]")).ToContainTextAsync("李静");
        await page.SetViewportSizeAsync(1920, 1080);
        await page.ScreenshotAsync("skills-1920");
    }
}
