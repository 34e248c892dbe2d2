using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using OpsConsole.Auth;
using OpsConsole.Domain.Supervision;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>Commendations with their evidence, and the configurable inspection finding types with points, in Chromium.
/// Screenshots go to docs/screenshots/supervision.</summary>
[Collection("browser")]
public sealed class SupervisionRecordsTests
{
    [Fact]
    public async Task ACommendationIsRecordedWithItsEvidenceAndListedForTheMonth()
    {
        var clock = TestClock.MondayMorning();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db, kestrelPort: 0, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var baseUrl = app.BaseUrl;
        string windowName;
        await using (var ctx = app.CreateDbContext()) windowName = (await ctx.Windows.SingleAsync(w => w.Number == 1)).Name;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserFixture.LaunchAsync(playwright);
        var page = await (await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } })).NewPageAsync();
        await page.SignInAsync(baseUrl, DemoAccounts.ByRole[Roles.Manager], DemoAccounts.Password);
        await page.GotoAsync(baseUrl + "/supervision/commendations");
        await page.WaitForCircuitAsync();
        await page.ClickAsync("[data-testid=new-commendation]");
        await page.WaitForSelectorAsync(".mud-dialog [data-testid=commendation-text]");
        await page.ClickAsync("[data-testid=commendation-window]");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex("^1 " + Regex.Escape(windowName)) }).ClickAsync();
        // The list closes once the choice has reached the server; typing before that raced it on a busy machine.
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await page.FillAsync("[data-testid=commendation-text]", "群众送来锦旗“服务热情 办事高效”，感谢窗口耐心细致的服务。");
        await page.Locator(".mud-dialog [data-testid=evidence-input]").SetInputFilesAsync(Fixture("banner.png"));
        await Assertions.Expect(page.Locator(".mud-dialog [data-testid=evidence-saved]")).ToContainTextAsync("banner.png");
        await Shot(page, "commendation-dialog-1366");
        await page.ClickAsync(".mud-dialog [data-testid=save]");
        // Saved when the dialog closes (a refused form stays open with its message); the list reloads after that.
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0, new() { Timeout = 15000 });

        var row = page.Locator("[data-testid=commendations] tbody tr", new() { HasText = "服务热情 办事高效" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("锦旗");
        await Assertions.Expect(row.Locator("[data-testid=evidence-link]")).ToBeVisibleAsync();
        await Shot(page, "commendations-1366");

        await using var check = app.CreateDbContext();
        var saved = await check.Set<Commendation>().AsNoTracking().SingleAsync();
        Assert.Equal(CommendationKind.Banner, saved.Kind);
        Assert.Equal(new DateOnly(2026, 11, 23), saved.Date);
        Assert.NotNull(saved.EvidenceFileId);
        Assert.Equal(await check.Windows.Where(w => w.Number == 1).Select(w => (int?)w.Id).SingleAsync(), saved.WindowId);
    }

    [Fact]
    public async Task AManagerAddsAFindingTypeWithPointsAndRecordsAFindingOfIt()
    {
        var clock = TestClock.MondayMorning();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db, kestrelPort: 0, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var baseUrl = app.BaseUrl;
        string windowName;
        await using (var ctx = app.CreateDbContext()) windowName = (await ctx.Windows.SingleAsync(w => w.Number == 1)).Name;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserFixture.LaunchAsync(playwright);
        var page = await (await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1024, Height = 768 }, HasTouch = true })).NewPageAsync();
        await page.SignInAsync(baseUrl, DemoAccounts.ByRole[Roles.Manager], DemoAccounts.Password);
        await page.GotoAsync(baseUrl + "/supervision/inspections");
        await page.WaitForCircuitAsync();
        await page.ClickAsync("[data-testid=finding-types]");
        var added = page.Locator("[data-testid=type-row-new]");
        await added.Locator("[data-testid=type-code]").FillAsync("smoke");
        await added.Locator("[data-testid=type-name]").FillAsync("窗口内吸烟");
        await added.Locator("[data-testid=type-points]").FillAsync("3");
        await added.Locator("[data-testid=type-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=type-row-smoke]")).ToBeVisibleAsync();
        // A code in use is refused in Chinese.
        var again = page.Locator("[data-testid=type-row-new]");
        await again.Locator("[data-testid=type-code]").FillAsync("smoke");
        await again.Locator("[data-testid=type-name]").FillAsync("重复");
        await again.Locator("[data-testid=type-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=types-error]")).ToContainTextAsync("编码 smoke 已被使用");
        await Shot(page, "finding-types-1024");
        await page.ClickAsync("[data-testid=types-close]");

        var smoke = page.Locator("[data-testid=insp-type-smoke]");
        await Assertions.Expect(smoke).ToContainTextAsync("窗口内吸烟");
        await Assertions.Expect(smoke).ToContainTextAsync("−3");
        await page.FillAsync("[data-testid=insp-window]", windowName);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = windowName }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await smoke.ClickAsync();
        await page.FillAsync("[data-testid=insp-note]", "窗口内吸烟，已当场制止");
        await page.ClickAsync("[data-testid=insp-save]");
        var row = page.Locator("[data-testid=finding-row]");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("窗口内吸烟");
        await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("3");

        await using var check = app.CreateDbContext();
        var type = await check.Set<FindingType>().AsNoTracking().SingleAsync(t => t.Code == "smoke");
        Assert.Equal(3m, type.Points);
        var finding = await check.Set<InspectionFinding>().AsNoTracking().SingleAsync();
        Assert.Equal(type.Id, finding.FindingTypeId);
        Assert.Equal(3m, finding.Points);
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Evidence", name);

    private static async Task Shot(IPage page, string name, [CallerFilePath] string source = "")
    {
        var dir = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "docs", "screenshots", "supervision"));
        Directory.CreateDirectory(dir);
        await page.ScreenshotToAsync(Path.Combine(dir, name + ".png"));
    }
}
