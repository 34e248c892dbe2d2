using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpsConsole.Auth;
using OpsConsole.Domain.Assessment;
using OpsConsole.Domain.Attendance;
using OpsConsole.Features.Assessment;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>The app on a pinned clock: Monday 23 November 2026, 10:00 — October is the month to close.</summary>
public sealed class AssessmentBrowserFixture : BrowserFixture
{
    public TestClock Clock { get; } = TestClock.MondayMorning();

    protected override void ConfigureServices(IServiceCollection services) =>
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.Replace(services,
            ServiceDescriptor.Singleton<TimeProvider>(Clock));
}

/// <summary>
/// The assessment story in Chromium: a staff member appeals an inspection deduction from 我的考核, a manager upholds
/// it, HR publishes and locks October and downloads the workbook, which is opened and checked.
/// </summary>
[Collection("browser")]
public sealed class AssessmentFlowTests(AssessmentBrowserFixture fx) : IClassFixture<AssessmentBrowserFixture>
{
    private static readonly YearMonth October = new(2026, 10);

    [Fact]
    public async Task AStaffAppealIsUpheldAndHrPublishesLocksAndDownloadsTheMonth()
    {
        int staffId;
        await using (var db = fx.App.CreateDbContext())
        {
            staffId = await db.Staff.Where(s => s.EmployeeNo == DemoAccounts.ByRole[Roles.WindowStaff]).Select(s => s.Id).SingleAsync();
            var manager = await db.Staff.Where(s => s.EmployeeNo == DemoAccounts.ByRole[Roles.Manager]).Select(s => s.Id).SingleAsync();
            await using var scope = fx.App.Services.CreateAsyncScope();
            var months = scope.ServiceProvider.GetRequiredService<MonthAssessment>();
            var entered = await months.AddManualItemAsync(ItemCodes.InspectionPrefix + "off-post", ItemSubject.Staff, staffId, new DateOnly(2026, 10, 20), -2m,
                "巡查记录 10:20 窗口无人", "脱岗", manager);
            Assert.True(entered.Succeeded, entered.Error);
            Assert.True((await months.OpenForAppealAsync(October, manager)).Succeeded);
            Assert.True((await scope.ServiceProvider.GetRequiredService<Postings>().AddAsync(staffId, null, new DateOnly(2026, 1, 1), null, null, null)).Succeeded);
        }

        // Staff: 我的考核 for October, the inspection line, an appeal.
        var staff = await fx.NewPageAsync();
        await staff.SignInAsync(fx.BaseUrl, DemoAccounts.ByRole[Roles.WindowStaff], DemoAccounts.Password);
        await staff.GotoAsync(fx.BaseUrl + "/assessment/me");
        await staff.WaitForCircuitAsync();
        await staff.SelectOptionAsync("[data-testid=assess-month]", "2026-10");
        await Assertions.Expect(staff.Locator("[data-testid=assess-state]")).ToHaveTextAsync("申诉期");
        var line = staff.Locator("[data-testid=assess-line]", new() { HasText = "脱岗" });
        await Assertions.Expect(line).ToContainTextAsync("巡查记录 10:20 窗口无人");
        var before = decimal.Parse(await staff.InnerTextAsync("[data-testid=assess-total]"), System.Globalization.CultureInfo.InvariantCulture);
        await line.Locator("[data-testid=appeal-start]").ClickAsync();
        await staff.FillAsync("[data-testid=appeal-reason]", "当时在导办台协助群众取号，有监控为证");
        await staff.SetInputFilesAsync("[data-testid=evidence-input]", new FilePayload
        {
            Name = "监控截图.png", MimeType = "image/png", Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52],
        });
        await Assertions.Expect(staff.Locator("[data-testid=evidence-saved]")).ToContainTextAsync("监控截图.png");
        await staff.ScreenshotAsync("assessment-me-appeal");
        await staff.ClickAsync("[data-testid=appeal-submit]");
        await Assertions.Expect(staff.Locator("[data-testid=appeal-row] [data-testid=appeal-state]")).ToHaveTextAsync("待处理");
        await Assertions.Expect(staff.Locator("[data-testid=appeal-row] [data-testid=appeal-evidence]")).ToBeVisibleAsync();
        // The appeal names its line as the person read it, not the item's code.
        await Assertions.Expect(staff.Locator("[data-testid=appeal-row] [data-testid=appeal-subject]")).ToContainTextAsync("脱岗");
        await Assertions.Expect(staff.Locator("[data-testid=appeal-row] [data-testid=appeal-subject]")).Not.ToContainTextAsync("inspection:");
        await staff.ScreenshotAsync("assessment-me-appealed");
        await staff.Context.CloseAsync();

        // Manager: upholds it from the appeals queue.
        var manager2 = await fx.NewPageAsync();
        await manager2.SignInAsync(fx.BaseUrl, DemoAccounts.ByRole[Roles.Manager], DemoAccounts.Password);
        await manager2.GotoAsync(fx.BaseUrl + "/assessment/manage");
        await manager2.WaitForCircuitAsync();
        await Assertions.Expect(manager2.Locator("[data-testid=month-state]")).ToContainTextAsync("申诉期");
        await manager2.Locator(".mud-tab", new() { HasText = "申诉" }).ClickAsync();
        await Assertions.Expect(manager2.Locator("[data-testid=appeal-item] [data-testid=appeal-subject]")).ToContainTextAsync("巡查发现 · 10-20 · 脱岗");
        await Assertions.Expect(manager2.Locator("[data-testid=appeal-item] [data-testid=appeal-subject]")).Not.ToContainTextAsync("inspection:");
        var evidence = await manager2.Locator("[data-testid=appeal-item] [data-testid=appeal-evidence]").GetAttributeAsync("href");
        var file = await manager2.Context.APIRequest.GetAsync($"{fx.BaseUrl}/{evidence!.TrimStart('/')}");
        Assert.True(file.Ok);
        Assert.Equal("image/png", file.Headers["content-type"]);
        await manager2.FillAsync("[data-testid=appeal-decision-reason]", "监控核实属实");
        await manager2.ScreenshotAsync("assessment-manage-appeal");
        await manager2.ClickAsync("[data-testid=appeal-uphold]");
        await Assertions.Expect(manager2.Locator("[data-testid=appeal-item]")).ToContainTextAsync("已支持");
        await manager2.Context.CloseAsync();

        // HR: publishes and locks, then downloads the workbook.
        var hr = await fx.NewPageAsync();
        await hr.SignInAsync(fx.BaseUrl, DemoAccounts.ByRole[Roles.HR], DemoAccounts.Password);
        await hr.GotoAsync(fx.BaseUrl + "/assessment/manage");
        await hr.WaitForCircuitAsync();
        await hr.ClickAsync("[data-testid=month-publish]");
        await Assertions.Expect(hr.Locator("[data-testid=month-state]")).ToContainTextAsync("已通报");
        await hr.ClickAsync("[data-testid=month-lock]");
        await Assertions.Expect(hr.Locator("[data-testid=month-state]")).ToContainTextAsync("已锁定");
        await hr.ScreenshotAsync("assessment-manage-locked");
        var response = await hr.Context.APIRequest.GetAsync($"{fx.BaseUrl}{AssessmentWorkbook.Route}?month=2026-10");
        Assert.True(response.Ok);
        Assert.Contains(Uri.EscapeDataString("月度考核-2026-10-全中心.xlsx"), response.Headers["content-disposition"]);
        using (var reader = new WorkbookReader(await response.BodyAsync()))
        {
            var rows = WorkbookReader.Rows(reader.Sheet(AssessmentWorkbook.LinesSheet))
                .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(reader.Text).ToList()).ToList();
            var appealed = rows.Single(c => c.Count > 10 && c[1] == DemoAccounts.ByRole[Roles.WindowStaff] && c[7].Contains("脱岗"));
            Assert.Equal(-2m, decimal.Parse(appealed[8], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(0m, decimal.Parse(appealed[9], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("申诉支持：监控核实属实", appealed[10]);
            var staffRow = WorkbookReader.Rows(reader.Sheet(AssessmentWorkbook.StaffSheet))
                .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(reader.Text).ToList())
                .Single(c => c.Count > 7 && c[0] == DemoAccounts.ByRole[Roles.WindowStaff]);
            Assert.Equal(before + 2m, decimal.Parse(staffRow[7], System.Globalization.CultureInfo.InvariantCulture));
        }
        await hr.GotoAsync(fx.BaseUrl + "/assessment/ranking");
        await hr.WaitForSelectorAsync("[data-testid=ranking-trend][data-rendered=true]");
        await hr.ScreenshotAsync("assessment-ranking");
        // The quarter: October published, November and December not (shown as such); its workbook from the page's link.
        await Assertions.Expect(hr.Locator("[data-testid=ranking-period-method]")).ToContainTextAsync("各月平均分");
        await Assertions.Expect(hr.Locator("[data-testid=ranking-period-months]")).ToContainTextAsync("11月：未通报（草稿），不计入");
        await hr.Locator("[data-testid=ranking-period]").ScrollIntoViewIfNeededAsync();
        await hr.ScreenshotAsync("assessment-ranking-period");
        var quarterLink = await hr.Locator("[data-testid=ranking-quarter-workbook]").GetAttributeAsync("href");
        Assert.Equal(PeriodWorkbook.Link(AssessmentPeriod.OfQuarter(2026, 4)), quarterLink);
        var quarter = await hr.Context.APIRequest.GetAsync(fx.BaseUrl + quarterLink);
        Assert.True(quarter.Ok);
        Assert.Contains(Uri.EscapeDataString("季度考核-2026年第4季度-全中心.xlsx"), quarter.Headers["content-disposition"]);
        using (var reader = new WorkbookReader(await quarter.BodyAsync()))
        {
            var sheet = reader.Sheet(PeriodWorkbook.StaffSheet);
            var row = reader.RowStartingWith(sheet, DemoAccounts.ByRole[Roles.WindowStaff]);
            Assert.Equal(before + 2m, decimal.Parse(row["D"], System.Globalization.CultureInfo.InvariantCulture)); // October
            Assert.Equal(PeriodWorkbook.NotPublished, row["E"]);
            Assert.Equal(before + 2m, decimal.Parse(row["I"], System.Globalization.CultureInfo.InvariantCulture)); // the only month counted
        }

        // 离驻 from the postings page: a day before 入驻 is refused, then the posting ends.
        await hr.GotoAsync(fx.BaseUrl + "/assessment/postings");
        await hr.WaitForCircuitAsync();
        var end = hr.Locator($"[data-testid=end-posting-{DemoAccounts.ByRole[Roles.WindowStaff]}]");
        await end.ClickAsync();
        await hr.Locator("[data-testid=end-posting-date]").FillAsync("2000-01-01");
        await hr.Locator("[data-testid=end-posting-date]").PressAsync("Tab");
        await hr.ClickAsync("[data-testid=end-posting-confirm]");
        await Assertions.Expect(hr.Locator("[data-testid=form-error]")).ToContainTextAsync("离驻日期不能早于入驻日期。");
        await hr.Locator("[data-testid=end-posting-date]").FillAsync("2026-11-20");
        await hr.Locator("[data-testid=end-posting-date]").PressAsync("Tab");
        await hr.ScreenshotAsync("assessment-postings-end");
        await hr.ClickAsync("[data-testid=end-posting-confirm]");
        await Assertions.Expect(hr.Locator("[data-testid=postings-grid]")).ToContainTextAsync("2026-11-20");
        await hr.GotoAsync(fx.BaseUrl + "/assessment/scheme");
        await hr.WaitForSelectorAsync("[data-testid=scheme-items]");
        await hr.ScreenshotAsync("assessment-scheme");
        await hr.Context.CloseAsync();
    }
}
