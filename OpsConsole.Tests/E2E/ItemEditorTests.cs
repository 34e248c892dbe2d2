using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using OpsConsole.Auth;
using OpsConsole.Data;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>A manager writes a new service item and its guide: a missing code is refused in place, then the saved guide shows what was typed.</summary>
[Collection("browser")]
public sealed partial class ItemEditorTests
{
    [Fact]
    public async Task AManagerAddsAnItemWithAMaterialAndItsGuideShowsIt()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db, kestrelPort: 0, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(TestClock.MondayMorning())));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserFixture.LaunchAsync(playwright);
        var page = await (await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } })).NewPageAsync();
        await page.SignInAsync(app.BaseUrl, DemoAccounts.ByRole[Roles.Manager], DemoAccounts.Password);
        await page.GotoAsync(app.BaseUrl + "/catalog/items/new");
        await page.WaitForCircuitAsync();

        await page.ClickAsync("[data-testid=save-item]");
        await Assertions.Expect(page.Locator(".mud-input-control:has([data-testid=item-code]) .mud-input-helper-text.mud-input-error")).ToContainTextAsync("请填写实施编码");
        Assert.EndsWith("/catalog/items/new", page.Url);
        await page.ScreenshotAsync("catalog-item-editor-refused");

        await page.FillAsync("[data-testid=item-code]", "TEST-ITEM-0001");
        await page.FillAsync("[data-testid=item-name]", "测试事项（浏览器）");
        await page.ClickAsync("[data-testid=item-department]");
        await page.Locator(".mud-popover-open .mud-list-item").Nth(1).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=item-department]")).Not.ToHaveValueAsync("0");
        // A field drawn by the form itself (no wrapper component) and a material added with the plain add button.
        await page.GetByLabel("收费标准").FillAsync("不收费（浏览器测试）");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加材料" }).ClickAsync();
        await page.GetByPlaceholder("材料名称").FillAsync("居民身份证原件");
        await Assertions.Expect(page.GetByPlaceholder("材料名称")).ToHaveValueAsync("居民身份证原件");
        // The labels of filled fields float on the border once the server has the value, as MudTextField's do.
        await Assertions.Expect(page.Locator(".mud-input:has([data-testid=item-code])")).ToHaveClassAsync(new Regex(@"\bmud-shrink\b"));
        await page.ScreenshotAsync("catalog-item-editor-filled");
        await page.ClickAsync("[data-testid=save-item]");

        await page.WaitForURLAsync(ItemAddress());
        // The saved item as read back: its code and department in the header (the editor's copy had no department name).
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("新增事项");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("TEST-ITEM-0001 · 市");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("测试事项（浏览器）");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("不收费（浏览器测试）");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("居民身份证原件");
        await page.ScreenshotAsync("catalog-item-saved");
    }

    [GeneratedRegex(@"/catalog/items/\d+$")]
    private static partial Regex ItemAddress();
}
