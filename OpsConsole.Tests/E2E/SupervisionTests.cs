using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using OpsConsole.Auth;
using OpsConsole.Data;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Queueing;
using OpsConsole.Features.Satisfaction;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>Supervision in a browser: a complaint recorded and upheld shows as a veto; a finding with a photo on a
/// 1024×768 tablet page; a manager upholds a misrating appeal. Screenshots go to docs/screenshots/supervision.</summary>
[Collection("browser")]
public sealed class SupervisionTests
{
    [Fact]
    public async Task AComplaintIsRecordedUpheldAndShowsAsAVeto()
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
        await page.GotoAsync(baseUrl + "/supervision/complaints");
        await page.WaitForCircuitAsync();
        await page.ClickAsync("[data-testid=new-complaint]");
        await page.FillAsync("[data-testid=complaint-name]", "王女士");
        await page.FillAsync("[data-testid=complaint-content]", "窗口人员办理时接打私人电话，态度冷淡，让我等了二十分钟。");
        await page.ClickAsync("[data-testid=save]");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("请选择被投诉的窗口或工作人员");
        await page.ClickAsync("[data-testid=complaint-window]");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex("^1 " + Regex.Escape(windowName)) }).ClickAsync();
        // The select shows the window once the choice has reached the server; saving before that raced it on a busy machine (CI, stop 26).
        await Assertions.Expect(page.Locator("input[data-testid=complaint-window]")).ToHaveValueAsync("1 " + windowName);
        await page.ClickAsync("[data-testid=save]");

        await page.WaitForURLAsync(new Regex("/supervision/complaints/\\d+$"));
        await Assertions.Expect(page.Locator("[data-testid=complaint-state]")).ToContainTextAsync("待调查");
        await page.FillAsync("[data-testid=note-text]", "调取监控录像，当事人确有接打私人电话。");
        // A file that claims to be a photo but is HTML gets a clear Chinese refusal.
        await page.Locator("[data-testid=evidence-input]").SetInputFilesAsync(Fixture("page.html.png"));
        await Assertions.Expect(page.Locator("[data-testid=evidence-error]")).ToContainTextAsync("文件类型不支持");
        await page.Locator("[data-testid=evidence-input]").SetInputFilesAsync(Fixture("banner.png"));
        await Assertions.Expect(page.Locator("[data-testid=evidence-saved]")).ToContainTextAsync("banner.png");
        await page.ClickAsync("[data-testid=add-note]");
        await Assertions.Expect(page.Locator("[data-testid=complaint-state]")).ToContainTextAsync("调查中");
        await Assertions.Expect(page.Locator("[data-testid=evidence-link]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=verdict-Upheld]");
        await page.FillAsync("[data-testid=reply]", "经核实投诉属实，已对当事人批评教育并按规定扣分，感谢您的监督。");
        await page.ClickAsync("[data-testid=conclude]");
        await Assertions.Expect(page.Locator("[data-testid=complaint-state] [data-testid=veto]")).ToContainTextAsync("一票否决");
        await Shot(page, "complaint-detail-1366");

        await page.GotoAsync(baseUrl + "/supervision/complaints");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=complaints] [data-testid=veto]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=complaints] [data-testid=complaint-verdict]")).ToHaveTextAsync("属实");
        await Shot(page, "complaints-1366");
    }

    [Fact]
    public async Task AnInspectionWithAPhotoIsRecordedOnATabletSizedPage()
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
        await page.FillAsync("[data-testid=insp-window]", windowName);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = windowName }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await page.ClickAsync("[data-testid=insp-type-phone]");
        await page.FillAsync("[data-testid=insp-note]", "办理间隙低头看手机约两分钟");
        await page.Locator("[data-testid=evidence-input]").SetInputFilesAsync(Fixture("banner.png"));
        await Assertions.Expect(page.Locator("[data-testid=evidence-saved]")).ToBeVisibleAsync();
        await Shot(page, "inspection-form-1024");
        await page.ClickAsync("[data-testid=insp-save]");

        var row = page.Locator("[data-testid=finding-row]");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("玩手机");
        await Assertions.Expect(row.Locator("[data-testid=evidence-link]")).ToBeVisibleAsync();
        // Nothing on the page is wider than the tablet.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 1024"));
        await Shot(page, "inspections-1024");

        var photo = await page.Locator("[data-testid=finding-row] [data-testid=evidence-link]").GetAttributeAsync("href");
        var response = await page.APIRequest.GetAsync(baseUrl + "/" + photo);
        Assert.Equal("image/png", response.Headers["content-type"]);
        Assert.Equal("nosniff", response.Headers["x-content-type-options"]);
    }

    [Fact]
    public async Task AManagerUpholdsAMisratingAppeal()
    {
        var clock = TestClock.MondayMorning();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db, kestrelPort: 0, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var baseUrl = app.BaseUrl;
        var (employeeNo, ticketNumber) = await BadRatingAppealedAsync(app);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserFixture.LaunchAsync(playwright);

        // The staff member sees the rating, the rectification and the pending appeal (staff shell, no MudBlazor).
        var staff = await (await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } })).NewPageAsync();
        await staff.SignInAsync(baseUrl, employeeNo, DemoAccounts.Password);
        await staff.GotoAsync(baseUrl + "/my/ratings");
        await staff.WaitForCircuitAsync();
        await Assertions.Expect(staff.Locator("[data-testid=my-rectifications]")).ToContainTextAsync("申诉待复核");
        await Assertions.Expect(staff.Locator("[data-testid=my-ratings]")).ToContainTextAsync(ticketNumber);
        Assert.Equal(0, await staff.Locator(".mud-layout").CountAsync());
        await staff.ClickAsync("[data-testid=mr-open]");
        await Assertions.Expect(staff.Locator("[data-testid=rectification-panel]")).ToBeVisibleAsync();
        await Shot(staff, "my-ratings-1366");

        var page = await (await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } })).NewPageAsync();
        await page.SignInAsync(baseUrl, DemoAccounts.ByRole[Roles.Manager], DemoAccounts.Password);
        await page.GotoAsync(baseUrl + "/supervision/rectifications?view=AppealPending");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid=rectifications] tbody tr")).ToContainTextAsync(ticketNumber);
        await Shot(page, "rectifications-1366");
        await page.ClickAsync("[data-testid=rectifications] tbody tr");
        await Assertions.Expect(page.Locator("[data-testid=rectification-panel]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=rp-uphold]");
        await Assertions.Expect(page.Locator("[data-testid=rp-error]")).ToContainTextAsync("请填写理由");
        await page.FillAsync("[data-testid=rp-decision-note]", "调取评价器记录与录像，群众误按评价键，申诉成立。");
        await Shot(page, "rectification-dialog-1366");
        await page.ClickAsync("[data-testid=rp-uphold]");
        await Assertions.Expect(page.Locator("[data-testid=rp-state]")).ToContainTextAsync("申诉成立，差评不计");
        await page.ClickAsync("[data-testid=rp-done]");
        await Assertions.Expect(page.Locator("[data-testid=view-appeals]")).ToContainTextAsync("申诉待复核 0");

        await using var ctx = app.CreateDbContext();
        var rectification = await ctx.Set<Rectification>().SingleAsync();
        Assert.Equal(MisratingAppealState.Upheld, rectification.Appeal);
        Assert.False(rectification.RatingCounts);
    }

    /// <summary>A ticket served at window 1 rated 非常不满意, and its staff member's misrating appeal; returns who and which ticket.</summary>
    private static async Task<(string EmployeeNo, string TicketNumber)> BadRatingAppealedAsync(OpsApp app)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        await using var ctx = app.CreateDbContext();
        var window = await ctx.Windows.SingleAsync(w => w.Number == 1);
        var staffId = (await ctx.Set<WindowSession>().SingleAsync(s => s.WindowId == window.Id)).StaffId!.Value;
        var employeeNo = await ctx.Staff.Where(s => s.Id == staffId).Select(s => s.EmployeeNo).SingleAsync();
        var queueId = await ctx.Set<WindowQueueRoute>().Where(r => r.WindowId == window.Id).OrderBy(r => r.Precedence).Select(r => r.QueueId).FirstAsync();
        var code = await ctx.Set<ServiceQueue>().Where(q => q.Id == queueId).Select(q => q.Code).SingleAsync();
        Assert.True((await sp.GetRequiredService<TicketIssuer>().IssueAsync(code, TicketChannel.Kiosk)).Result.Succeeded);
        var desk = sp.GetRequiredService<CounterDesk>();
        Assert.True((await desk.CallNextAsync(window.Id, staffId)).Succeeded);
        Assert.True((await desk.CompleteAsync(window.Id, staffId)).Succeeded);
        var evaluations = sp.GetRequiredService<EvaluationDesk>();
        var pending = (await evaluations.PendingAsync(window.Id))!;
        Assert.True((await evaluations.SubmitAsync(window.Id, pending.TicketId, SatisfactionLevel.Dissatisfied, [EvaluationReason.LongWait], null)).Succeeded);
        var id = await ctx.Set<Rectification>().Select(r => r.Id).SingleAsync();
        var actor = await OpsConsole.Features.Supervision.SupervisionActor.OfAsync(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Name, employeeNo), new(AppClaimsPrincipalFactory.StaffIdClaim, staffId.ToString()),
             new(System.Security.Claims.ClaimTypes.Role, Roles.WindowStaff)], "test")), sp.GetRequiredService<IDbContextFactory<OpsDbContext>>());
        Assert.True((await sp.GetRequiredService<RectificationDesk>().AppealAsync(actor, id, "群众误按了评价键，办理全程顺利，现场已确认。")).Succeeded);
        return (employeeNo, pending.Number);
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Evidence", name);

    private static async Task Shot(IPage page, string name, [CallerFilePath] string source = "")
    {
        var dir = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "docs", "screenshots", "supervision"));
        Directory.CreateDirectory(dir);
        await page.ScreenshotToAsync(Path.Combine(dir, name + ".png"));
    }
}
