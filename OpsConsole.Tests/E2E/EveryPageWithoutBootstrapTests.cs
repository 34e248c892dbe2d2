using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using OpsConsole.Auth;
using OpsConsole.Data.Seeding;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>
/// Every page of the app (each for a role that may open it, the hall devices through their tokens, the public pages
/// anonymously) renders in Chromium with our own base styles and no Bootstrap (ADR 0044): no Bootstrap or Bootstrap
/// Icons file is loaded, the body has our font and border-box sizing, no console errors, and icons are inline SVG.
/// A screenshot of each lands in docs/screenshots/bootstrap-removal/ as after-NAME-WxH.png at 1366×768 (and at
/// 1920×1080 too when OPSCONSOLE_BSR_SHOTS is set: "before" takes the pair on a build from before the change, where
/// the Bootstrap checks are skipped).
/// </summary>
[Collection("browser")]
public sealed class EveryPageWithoutBootstrapTests(AttendanceBrowserFixture fx) : IClassFixture<AttendanceBrowserFixture>
{
    private static readonly string? ShotsMode = Environment.GetEnvironmentVariable("OPSCONSOLE_BSR_SHOTS");
    private static readonly string Prefix = ShotsMode ?? "after";
    private const string Anonymous = "";
    private const string Device = "device:";

    private static readonly (string Name, string Who, string Path)[] AllPages =
    [
        ("login", Anonymous, "/account/login"),
        ("wait", Anonymous, "/wait"),
        ("guide", Anonymous, "/guide/{item}"),
        ("verify-unknown", Anonymous, "/verify/NOSUCHCODE"),
        ("vote-unknown", Anonymous, "/vote/NOSUCHCODE"),
        ("ticket-unknown", Anonymous, "/t/NOSUCHCODE"),
        ("device-stopped", Anonymous, "/device/stopped"),
        ("error", Anonymous, "/error"),
        ("kiosk", Device + DemoDevices.KioskToken, "/kiosk"),
        ("lobby", Device + DemoDevices.LobbyToken, "/display/lobby"),
        ("window-screen", Device + "demo-screen-w1", "/display/window"),
        ("evaluator", Device + "demo-eval-w1", "/evaluator"),
        ("device-home", Device + DemoDevices.ClockToken, "/device"),
        ("staff-home", Roles.WindowStaff, "/"),
        ("counter", Roles.WindowStaff, "/counter"),
        ("my-attendance", Roles.WindowStaff, "/attendance/me"),
        ("appointments-staff", Roles.WindowStaff, "/appointments"),
        ("my-cases", Roles.WindowStaff, "/cases/mine"),
        ("case-register", Roles.WindowStaff, "/cases/new"),
        ("my-ratings", Roles.WindowStaff, "/my/ratings"),
        ("my-assessment", Roles.WindowStaff, "/assessment/me"),
        ("change-password", Roles.WindowStaff, "/account/password"),
        ("two-factor", Roles.WindowStaff, "/account/two-factor"),
        ("access-denied", Roles.WindowStaff, "/account/access-denied"),
        ("chief-home", Roles.ChiefRepresentative, "/"),
        ("department", Roles.ChiefRepresentative, "/department"),
        ("department-cases", Roles.ChiefRepresentative, "/cases/department"),
        ("department-assessment", Roles.ChiefRepresentative, "/assessment/department"),
        ("manager-home", Roles.Manager, "/"),
        ("monitor", Roles.Manager, "/monitor"),
        ("staffing", Roles.Manager, "/monitor/staffing"),
        ("departments", Roles.Manager, "/catalog/departments"),
        ("items", Roles.Manager, "/catalog/items"),
        ("item-detail", Roles.Manager, "/catalog/items/1"),
        ("item-new", Roles.Manager, "/catalog/items/new"),
        ("queues", Roles.Manager, "/catalog/queues"),
        ("windows", Roles.Manager, "/catalog/windows"),
        ("roster", Roles.Manager, "/windows/roster"),
        ("routes", Roles.Manager, "/windows/routes"),
        ("skills", Roles.Manager, "/windows/skills"),
        ("appointments", Roles.Manager, "/appointments"),
        ("green-channel", Roles.Manager, "/green-channel"),
        ("supervision-board", Roles.Manager, "/supervision"),
        ("case-detail", Roles.Manager, "/cases/1"),
        ("complaints", Roles.Manager, "/supervision/complaints"),
        ("complaint-detail", Roles.Manager, "/supervision/complaints/1"),
        ("inspections", Roles.Manager, "/supervision/inspections"),
        ("commendations", Roles.Manager, "/supervision/commendations"),
        ("rectifications", Roles.Manager, "/supervision/rectifications"),
        ("awards", Roles.Manager, "/awards"),
        ("award-ballot", Roles.Manager, "/awards/ballot"),
        ("certificates", Roles.Manager, "/awards/certificates"),
        ("not-found", Roles.Manager, "/not-found"),
        ("hr-home", Roles.HR, "/"),
        ("staff-directory", Roles.HR, "/staff"),
        ("monthly-sheet", Roles.HR, "/attendance/monthly"),
        ("punch-imports", Roles.HR, "/attendance/imports"),
        ("reports-daily", Roles.HR, "/reports/daily?date=2026-11-30"),
        ("assessment-manage", Roles.HR, "/assessment/manage"),
        ("assessment-ranking", Roles.HR, "/assessment/ranking"),
        ("assessment-scheme", Roles.HR, "/assessment/scheme"),
        ("assessment-postings", Roles.HR, "/assessment/postings"),
        ("accounts", Roles.Admin, "/admin/accounts"),
        ("devices", Roles.Admin, "/admin/devices"),
        ("audit", Roles.Admin, "/admin/audit"),
        ("attendance-settings", Roles.Admin, "/attendance/settings"),
    ];

    public static TheoryData<string, string, string, int, int> Pages()
    {
        var data = new TheoryData<string, string, string, int, int>();
        foreach (var (name, who, path) in AllPages)
        {
            data.Add(name, who, path, 1366, 768);
            if (ShotsMode is not null) data.Add(name, who, path, 1920, 1080);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task APageStandsOnOurOwnStyles(string name, string who, string path, int width, int height)
    {
        var context = await fx.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        var requested = new List<string>();
        page.Request += (_, r) => requested.Add(r.Url);

        if (who.StartsWith(Device, StringComparison.Ordinal))
        {
            await page.GotoAsync(fx.BaseUrl + "/device/activate?token=" + who[Device.Length..]);
        }
        else if (who != Anonymous)
        {
            await page.SignInAsync(fx.BaseUrl, DemoAccounts.ByRole[who], DemoAccounts.Password);
        }
        if (path.Contains("{item}", StringComparison.Ordinal))
        {
            await using var db = fx.App.CreateDbContext();
            path = path.Replace("{item}", db.ServiceItems.OrderBy(i => i.Id).Select(i => i.Code).First(), StringComparison.Ordinal);
        }
        if (!page.Url.EndsWith(path, StringComparison.Ordinal)) await page.GotoAsync(fx.BaseUrl + path);
        // Interactive pages mark html[data-interactive=true] once their circuit is up; static ones (sign-in, account pages,
        // the device-stopped and error pages) carry no server component marker and are complete on load.
        await page.WaitForFunctionAsync("() => document.documentElement.dataset.interactive === 'true' || !document.documentElement.outerHTML.includes('\\\"type\\\":\\\"server\\\"')",
            null, new PageWaitForFunctionOptions { Timeout = 20000 });
        await page.EvaluateAsync("() => document.fonts.ready");
        await ShotAsync(page, $"{Prefix}-{name}-{width}x{height}");

        if (Prefix != "before")
        {
            Assert.DoesNotContain(requested, u => u.Contains("bootstrap", StringComparison.OrdinalIgnoreCase));
            Assert.Equal("border-box", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).boxSizing"));
            Assert.Contains("Noto Sans SC", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily"));
            Assert.Equal(0, await page.Locator("i.bi, [class*='bi-']").CountAsync());
        }
        // A public page for an unknown code answers 404, which Chromium logs for the document itself.
        Assert.DoesNotContain(errors, e => !e.Contains("status of 404", StringComparison.Ordinal));
        await context.CloseAsync();
    }

    private static async Task ShotAsync(IPage page, string file, [CallerFilePath] string source = "")
    {
        var dir = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "docs", "screenshots", "bootstrap-removal"));
        Directory.CreateDirectory(dir);
        await page.ScreenshotToAsync(Path.Combine(dir, file + ".png"));
    }
}
