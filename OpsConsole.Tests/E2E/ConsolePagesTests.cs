using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpsConsole.Auth;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>
/// The console pages moved onto MudBlazor (issue 16), and the pages both shells show moved off the kit, at 1366×768, each for its role: the page renders with no console
/// errors, nothing is wider than the window, and a screenshot lands in docs/screenshots/ui16/ (after-*.png; the
/// before-*.png there were taken the same way from main with OPSCONSOLE_UI16_SHOTS=before).
/// </summary>
[Collection("browser")]
public sealed class ConsolePagesTests(AttendanceBrowserFixture fx) : IClassFixture<AttendanceBrowserFixture>
{
    private static readonly string Prefix = Environment.GetEnvironmentVariable("OPSCONSOLE_UI16_SHOTS") ?? "after";

    public static TheoryData<string, string, string, string> Pages() => new()
    {
        { "hr-home", Roles.HR, "/", "[data-testid=grid-search]" },
        { "staff-directory", Roles.HR, "/staff", "[data-testid=grid-search]" },
        { "attendance-imports", Roles.HR, "/attendance/imports", "[data-testid=import-history]" },
        { "attendance-settings", Roles.Admin, "/attendance/settings", "[data-testid=calendar-card]" },
        { "my-attendance-staff", Roles.WindowStaff, "/attendance/me", "[data-testid=month-calendar]" },
        { "admin-accounts", Roles.Admin, "/admin/accounts", "[data-testid=new-account]" },
        { "admin-devices", Roles.Admin, "/admin/devices", "[data-testid=new-device]" },
        { "reports-daily", Roles.Manager, "/reports/daily?date=2026-11-30", "[data-testid=report-hours]" },
        { "manager-home", Roles.Manager, "/", "[data-testid=stat-departments]" },
        { "green-channel", Roles.Manager, "/green-channel", "[data-reason=elderly]" },
        { "appointments", Roles.Manager, "/appointments", "[data-testid=add-slot]" },
        { "appointments-staff", Roles.WindowStaff, "/appointments", "[data-testid=appt-day]" },
        { "roster", Roles.Manager, "/windows/roster", "[data-testid=roster-grid]" },
        { "routes", Roles.Manager, "/windows/routes", "[data-testid=route-grid]" },
        { "skills", Roles.Manager, "/windows/skills", "[data-testid=skill-grid]" },
        { "item-detail", Roles.Manager, "/catalog/items/1", "[data-testid=guide-view]" },
        { "monitor", Roles.Manager, "/monitor", "[data-testid=hall-view]" },
        { "staffing", Roles.Manager, "/monitor/staffing", "[data-testid=staffing-chart]" },
        { "not-found", Roles.Manager, "/not-found", "[data-testid=not-found]" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task APageRendersForItsRoleWithinTheWindow(string name, string role, string path, string marker)
    {
        var page = await fx.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.SignInAsync(fx.BaseUrl, DemoAccounts.ByRole[role], DemoAccounts.Password);
        await page.GotoAsync(fx.BaseUrl + path);
        await page.WaitForCircuitAsync();
        await page.WaitForSelectorAsync(marker);
        await ShotAsync(page, name);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "wider than the window");
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheSignInPageStandsOnItsOwnWithoutTheKit()
    {
        var page = await fx.NewPageAsync();
        await page.GotoAsync(fx.BaseUrl + "/account/login");
        await page.WaitForSelectorAsync("#username");
        await ShotAsync(page, "login");
        await page.FillAsync("#username", DemoAccounts.ByRole[Roles.HR]);
        await page.FillAsync("#password", "wrong-password");
        await page.ClickAsync("[data-testid=login-submit]");
        await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToContainTextAsync("工号或密码不正确");
        await ShotAsync(page, "login-error");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheMonitorStaysEnglishWhenTheHallUpdates()
    {
        var page = await fx.NewPageAsync();
        await page.SignInAsync(fx.BaseUrl, DemoAccounts.ByRole[Roles.Manager], DemoAccounts.Password);
        await page.GotoAsync(fx.BaseUrl + "/culture/set?culture=en&redirectUri=/monitor");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator(".page-subtitle")).ToContainTextAsync("Updated");
        // A later snapshot (the clock moved a minute) arrives through the live update, on the hall monitor's thread:
        // the page re-renders with its time and must stay English.
        fx.Clock.Advance(TimeSpan.FromMinutes(1));
        var next = fx.Clock.Now.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        fx.App.Services.GetRequiredService<OpsConsole.Features.Monitoring.HallMonitor>().Poke();
        await Assertions.Expect(page.Locator(".page-subtitle")).ToContainTextAsync($"Updated {next}", new() { Timeout = 15000 });
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Live monitor");
        var main = await page.InnerTextAsync("main");
        foreach (var chinese in new[] { "实时监控", "等候人数", "大厅窗口", "结束今日" }) Assert.DoesNotContain(chinese, main);
        await ShotAsync(page, "monitor-en");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheMonthlySheetShowsAWholeMonthAndItsTotalsWithoutScrollingSideways()
    {
        var page = await fx.NewPageAsync();
        await page.SignInAsync(fx.BaseUrl, DemoAccounts.ByRole[Roles.HR], DemoAccounts.Password);
        await OpenNovemberAsync(page);
        await ShotAsync(page, "attendance-monthly");
        await page.ClickAsync("text=待处理事项");
        await page.WaitForSelectorAsync("[data-testid=pending-count]");
        await ShotAsync(page, "attendance-exceptions");

        await OpenNovemberAsync(page);
        // November has 30 days: every day column and the totals fit in the sheet's box at 1366×768.
        Assert.True(await page.EvaluateAsync<bool>("() => { const w = document.querySelector('.att-sheet-wrap'); return w.scrollWidth <= w.clientWidth; }"),
            "the sheet scrolls sideways");
        // Only the rows in view are rendered; scrolling to the end brings the others in and drops the first.
        var head = await page.InnerTextAsync(".att-sheet-head");
        var people = int.Parse(System.Text.RegularExpressions.Regex.Match(head, @"共 (\d+) 人").Groups[1].Value);
        var rows = page.Locator("[data-testid=monthly-sheet] tbody tr[data-testid^=sheet-row-]");
        Assert.True(people > 60, $"the demo has {people} people on the sheet");
        Assert.InRange(await rows.CountAsync(), 1, people - 1);
        var first = await rows.First.GetAttributeAsync("data-testid");
        await page.EvalOnSelectorAsync(".att-sheet-wrap", "w => w.scrollTop = w.scrollHeight");
        await Assertions.Expect(page.Locator($"[data-testid={first}]")).ToHaveCountAsync(0);
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    private async Task OpenNovemberAsync(IPage page)
    {
        await page.GotoAsync(fx.BaseUrl + "/attendance/monthly");
        await page.WaitForCircuitAsync();
        await page.WaitForSelectorAsync("[data-testid=monthly-sheet]");
        // Under load a click can reach the page before its interactive render takes over and be lost: click until the month moves.
        for (var attempt = 0; ; attempt++)
        {
            await page.ClickAsync("[data-testid=month-prev]");
            try
            {
                await Assertions.Expect(page.Locator("[data-testid=month-label]")).ToContainTextAsync("11月", new() { Timeout = 4000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 4)
            {
                // Click again only if the month really did not move (a second click would go to October).
                var label = await page.InnerTextAsync("[data-testid=month-label]");
                if (label.Contains("11月")) break;
                if (!label.Contains("12月")) throw;
            }
        }
        await page.WaitForSelectorAsync("[data-testid=monthly-sheet] tbody tr[data-testid^=sheet-row-]");
    }

    private static async Task ShotAsync(IPage page, string name, [CallerFilePath] string source = "")
    {
        var dir = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "docs", "screenshots", "ui16"));
        Directory.CreateDirectory(dir);
        await page.ScreenshotToAsync(Path.Combine(dir, $"{Prefix}-{name}.png"));
    }
}
