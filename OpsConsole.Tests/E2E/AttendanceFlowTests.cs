using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpsConsole.Auth;
using OpsConsole.Domain.Attendance;
using OpsConsole.Tests.Features.Attendance;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>
/// The app on a pinned clock: 07:30 on Tuesday 1 December 2026, the first workday of a month and
/// before the working day starts — when HR closes November, and when the demo's pending make-up
/// (asked for "this morning") used to lie in the future and could not be approved.
/// </summary>
public sealed class AttendanceBrowserFixture : BrowserFixture
{
    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 7, 30, 0, TimeSpan.FromHours(8)));

    public DateOnly Today => DateOnly.FromDateTime(Clock.Now.DateTime);

    protected override void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.Replace(services,
            Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Singleton<TimeProvider>(Clock));
        // A center where HR confirms what the chief representative approved (two levels, ADR 0042 and 0047).
        Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.Configure<OpsConsole.Features.Attendance.AttendanceApprovalOptions>(
            services, o => o.HrConfirmsChief = true);
    }
}

/// <summary>
/// The attendance story end to end in Chromium: HR imports a messy terminal export and sees which rows failed and
/// why, approves a pending make-up punch, and the staff member's month and deduction lines update.
/// </summary>
[Collection("browser")]
public sealed class AttendanceFlowTests(AttendanceBrowserFixture fx) : IClassFixture<AttendanceBrowserFixture>
{
    [Fact]
    public async Task HrImportsAMessyFileApprovesAMakeUpAndTheStaffMonthUpdates()
    {
        // The seeded pending make-up of BJ0001 (afternoon out, last workday before today).
        MakeUpPunchRequest pending;
        await using (var db = fx.App.CreateDbContext())
        {
            var staffId = await db.Staff.Where(s => s.EmployeeNo == DemoAccounts.ByRole[Roles.WindowStaff]).Select(s => s.Id).SingleAsync();
            pending = await db.MakeUpPunchRequests.SingleAsync(m => m.StaffId == staffId && m.Status == RequestStatus.Pending);
        }
        var missingLine = $"{pending.Date.Month}月{pending.Date.Day}日 下午 下班打卡 缺卡";

        // Staff before: the missing punch is a deduction line.
        var staff = await fx.NewPageAsync();
        await staff.SignInAsync(fx.BaseUrl, DemoAccounts.ByRole[Roles.WindowStaff], DemoAccounts.Password);
        await OpenMonthAsync(staff, pending.Date);
        await Assertions.Expect(staff.Locator("[data-testid=deduction-lines]")).ToContainTextAsync(missingLine);
        await staff.ClickAsync($"[data-testid=day-{pending.Date.Day}]");
        await Assertions.Expect(staff.Locator("[data-testid=day-detail]")).ToContainTextAsync("补卡待审批");
        await staff.ScreenshotAsync("attendance-me-before");
        await staff.Context.CloseAsync(); // one live circuit at a time: the test machine is small and shared

        // HR imports a messy export.
        var hr = await fx.NewPageAsync();
        await hr.SignInAsync(fx.BaseUrl, DemoAccounts.ByRole[Roles.HR], DemoAccounts.Password);
        await hr.GotoAsync(fx.BaseUrl + "/attendance/imports");
        await hr.WaitForSelectorAsync("[data-testid=import-history]");
        await hr.WaitForCircuitAsync();
        var file = ExportCorpus.Gb(ExportCorpus.MessyCsv("BJ0096", ExportCorpus.Day(95, fx.Today), fx.Today));
        await hr.Locator("[data-testid=import-file] input[type=file]").SetInputFilesAsync(new FilePayload { Name = "考勤机导出-GBK.csv", MimeType = "text/csv", Buffer = file });
        await hr.WaitForSelectorAsync("[data-testid=import-preview]");
        await Assertions.Expect(hr.Locator("[data-testid=preview-total]")).ToHaveTextAsync("11");
        await Assertions.Expect(hr.Locator("[data-testid=preview-imported]")).ToHaveTextAsync("4");
        await Assertions.Expect(hr.Locator("[data-testid=preview-rejected]")).ToHaveTextAsync("5");
        var preview = hr.Locator("[data-testid=import-preview]");
        await Assertions.Expect(preview).ToContainTextAsync("工号“BJ9999”不存在");
        await Assertions.Expect(preview).ToContainTextAsync("无法识别打卡时间“昨天 8点”");
        await Assertions.Expect(preview).ToContainTextAsync("早于2000年");
        await Assertions.Expect(preview).ToContainTextAsync("晚于当前时间");
        await hr.ScreenshotAsync("attendance-import-preview");
        await hr.ClickAsync("[data-testid=import-commit]");
        await Assertions.Expect(hr.Locator("[data-testid=import-done]")).ToContainTextAsync("导入 4 条");
        var href = await hr.GetAttributeAsync("[data-testid=download-problems]", "href");
        var csv = await hr.Context.APIRequest.GetAsync($"{fx.BaseUrl}/{href}");
        Assert.True(csv.Ok);
        Assert.Contains("BJ9999", System.Text.Encoding.UTF8.GetString(await csv.BodyAsync()));
        await hr.ScreenshotAsync("attendance-import-done");

        // HR approves the make-up from the monthly sheet's exceptions.
        await hr.ClickAsync("a[href='attendance/monthly']");
        await hr.WaitForSelectorAsync("[data-testid=monthly-sheet]");
        await hr.ScreenshotAsync("attendance-monthly-sheet");
        // The sheet keeps only marks and totals per person; a row's lines are read when it is opened.
        // The sheet opens on this month; HR closing the last one steps back to the make-up's month first.
        if (pending.Date.Month != fx.Today.Month)
        {
            await hr.ClickAsync("[data-testid=month-prev]");
            await Assertions.Expect(hr.Locator("[data-testid=month-label]")).ToHaveTextAsync($"{pending.Date.Year}年{pending.Date.Month}月");
        }
        await hr.ClickAsync($"[data-testid=sheet-row-{DemoAccounts.ByRole[Roles.WindowStaff]}] .who");
        await Assertions.Expect(hr.Locator(".mud-dialog [data-testid=deduction-lines]")).ToContainTextAsync(missingLine);
        await hr.ScreenshotAsync("attendance-monthly-sheet-person");
        await hr.Locator(".mud-dialog .mud-dialog-actions button").ClickAsync();
        await Assertions.Expect(hr.Locator(".mud-dialog")).ToHaveCountAsync(0);
        var exceptionsTab = hr.Locator(".mud-tab", new() { HasText = "待处理事项" });
        await exceptionsTab.ClickAsync();
        await Assertions.Expect(exceptionsTab).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bmud-tab-active\b"));
        await Assertions.Expect(hr.Locator(".mud-tab", new() { HasText = "汇总表" })).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bmud-tab-active\b"));
        var actions = hr.Locator($"[data-testid=makeup-actions-{DemoAccounts.ByRole[Roles.WindowStaff]}]");
        await hr.FillAsync("[data-testid=grid-search]", DemoAccounts.ByRole[Roles.WindowStaff]);
        await actions.First.WaitForAsync();
        await hr.ScreenshotAsync("attendance-exceptions");
        // The chief representative approves first: HR is refused with the reason until they have.
        await Assertions.Expect(hr.Locator("[data-testid=awaiting-chief]").First).ToHaveTextAsync("待首席代表审批");
        await actions.First.Locator("[data-testid=approve]").ClickAsync();
        await Assertions.Expect(hr.Locator("[data-testid=form-error]")).ToContainTextAsync("须先由本部门首席代表审批");
        await hr.ScreenshotAsync("attendance-exceptions-chief-first");
        await using (var db = fx.App.CreateDbContext())
        {
            var chief = await db.Staff.Where(s => s.EmployeeNo == DemoAccounts.ByRole[Roles.ChiefRepresentative]).Select(s => s.Id).SingleAsync();
            using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(fx.App.Services);
            var approvals = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<OpsConsole.Features.Attendance.ChiefApprovals>(scope.ServiceProvider);
            Assert.True((await approvals.DecideAsync(chief, OpsConsole.Features.Attendance.ChiefApprovals.RequestKind.MakeUp, pending.Id, true, null)).Succeeded);
        }
        await actions.First.Locator("[data-testid=approve]").ClickAsync();
        await Assertions.Expect(actions).ToHaveCountAsync(0);

        // HR records a meeting for the same person from a paper form: approved as recorded.
        await hr.ClickAsync("[data-testid=record-absence]");
        // The person from the autocomplete, the kind from the select, the days typed into the date pickers.
        await hr.FillAsync("[data-testid=leave-employee]", DemoAccounts.ByRole[Roles.WindowStaff]);
        await hr.Locator(".mud-popover-open .mud-list-item", new() { HasText = DemoAccounts.ByRole[Roles.WindowStaff] }).First.ClickAsync();
        await hr.ClickAsync("[data-testid=leave-kind]");
        await hr.Locator(".mud-popover-open .mud-list-item", new() { HasText = "会议" }).First.ClickAsync();
        await Assertions.Expect(hr.Locator("input[data-testid=leave-kind]")).ToHaveValueAsync("会议");
        var meetingDay = NextWeekday(fx.Today.AddDays(14));
        await hr.FillAsync("[data-testid=leave-start] input", meetingDay.ToString("yyyy-MM-dd"));
        await hr.FillAsync("[data-testid=leave-end] input", meetingDay.ToString("yyyy-MM-dd"));
        await hr.FillAsync("[data-testid=leave-reason]", "市政务办业务会议");
        await hr.ScreenshotAsync("attendance-record-absence");
        await hr.ClickAsync("[data-testid=leave-submit]");
        await Assertions.Expect(hr.Locator("[data-testid=form-notice]")).ToContainTextAsync("登记会议");

        // Staff after: the line is gone and the slot counts as a make-up.
        await hr.Context.CloseAsync();
        staff = await fx.NewPageAsync();
        await staff.SignInAsync(fx.BaseUrl, DemoAccounts.ByRole[Roles.WindowStaff], DemoAccounts.Password);
        await OpenMonthAsync(staff, pending.Date);
        await staff.ClickAsync($"[data-testid=day-{pending.Date.Day}]");
        await Assertions.Expect(staff.Locator("[data-testid=day-detail]")).ToContainTextAsync("补卡");
        await Assertions.Expect(staff.Locator("[data-testid=day-detail]")).Not.ToContainTextAsync("补卡待审批");
        await Assertions.Expect(staff.Locator("[data-testid=my-requests]")).ToContainTextAsync("已批准");
        Assert.DoesNotContain(missingLine, await staff.InnerTextAsync("main"));
        await staff.ScreenshotAsync("attendance-me-after");

        // And asks for a day of annual leave next week.
        var leaveDay = NextWeekday(fx.Today.AddDays(7));
        await staff.ClickAsync("[data-testid=request-leave]");
        await staff.SelectOptionAsync("[data-testid=leave-kind]", "leave:Annual");
        await staff.FillAsync("[data-testid=leave-start]", leaveDay.ToString("yyyy-MM-dd"));
        await staff.FillAsync("[data-testid=leave-end]", leaveDay.ToString("yyyy-MM-dd"));
        await staff.FillAsync("[data-testid=leave-reason]", "回乡探亲");
        await staff.ScreenshotAsync("attendance-leave-dialog");
        await staff.ClickAsync("[data-testid=leave-submit]");
        if (leaveDay.Month == pending.Date.Month) // the page shows the make-up's month
            await Assertions.Expect(staff.Locator("[data-testid=my-requests]")).ToContainTextAsync("年休假");
        await Assertions.Expect(staff.Locator("[data-testid=leave-submit]")).ToHaveCountAsync(0);

        await staff.Context.CloseAsync();
        var wide = await fx.NewPageAsync(1920, 1080);
        await wide.SignInAsync(fx.BaseUrl, DemoAccounts.ByRole[Roles.HR], DemoAccounts.Password);
        await wide.GotoAsync(fx.BaseUrl + "/attendance/monthly");
        await wide.WaitForCircuitAsync();
        // November, the month HR is closing, with its rows in view (they render once the box is measured).
        await wide.ClickAsync("[data-testid=month-prev]");
        await Assertions.Expect(wide.Locator("[data-testid=month-label]")).ToHaveTextAsync("2026年11月");
        await Assertions.Expect(wide.Locator("[data-testid=monthly-sheet] tbody tr[data-testid^=sheet-row-]").Nth(15)).ToBeVisibleAsync();
        await wide.ScreenshotAsync("attendance-monthly-sheet-1920");
        await wide.Context.CloseAsync();
    }

    [Fact]
    public async Task AnAdminEditsTheCalendarPublishesRulesAndChangesASchedule()
    {
        var page = await fx.NewPageAsync();
        await page.SignInAsync(fx.BaseUrl, DemoAccounts.ByRole[Roles.Admin], DemoAccounts.Password);
        // A full load, so the circuit marker is this page's own (enhanced navigation keeps the previous page's).
        await page.GotoAsync(fx.BaseUrl + "/attendance/settings");
        await page.WaitForCircuitAsync();
        await page.WaitForSelectorAsync("[data-testid=calendar-card]");
        await page.ScreenshotAsync("attendance-settings");
        var calendar = page.Locator("[data-testid=calendar-card]");

        // Lines import all or nothing.
        await calendar.Locator("summary").ClickAsync();
        await page.FillAsync("[data-testid=calendar-csv]", "2027-01-01,holiday,元旦\n2027-13-01,holiday,错");
        await page.ClickAsync("[data-testid=calendar-import]");
        await Assertions.Expect(calendar).ToContainTextAsync("第2行：日期无法识别");
        await Assertions.Expect(calendar).Not.ToContainTextAsync("2027-01-01 星期五");
        await page.FillAsync("[data-testid=calendar-csv]", "2027-01-01,holiday,元旦\n2027-01-04,workday,测试调休");
        await page.ClickAsync("[data-testid=calendar-import]");
        await Assertions.Expect(calendar).ToContainTextAsync("2027-01-01 星期五");

        // One day at a time: a weekday cannot become a workday; a Saturday can, and is removed again.
        await page.FillAsync("[data-testid=day-date] input", "2027-02-05");
        await page.ClickAsync("[data-testid=day-kind]");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "调休上班（班）" }).ClickAsync();
        await Assertions.Expect(page.Locator("input[data-testid=day-kind]")).ToHaveValueAsync("调休上班（班）");
        await page.ClickAsync("[data-testid=day-save]");
        await Assertions.Expect(calendar.Locator("[data-testid=form-error]")).ToContainTextAsync("本来就是工作日");
        await page.FillAsync("[data-testid=day-date] input", "2027-02-06");
        await page.FillAsync("[data-testid=day-name]", "春节调休");
        await page.ClickAsync("[data-testid=day-save]");
        var row = calendar.Locator("[data-testid=calendar-row]", new() { HasText = "2027-02-06" });
        await Assertions.Expect(row).ToContainTextAsync("春节调休");
        await row.Locator("[data-testid=day-remove]").ClickAsync();
        await row.Locator("[data-testid=day-remove-confirm]").ClickAsync();
        await Assertions.Expect(calendar.Locator("[data-testid=calendar-row]", new() { HasText = "2027-02-06" })).ToHaveCountAsync(0);

        // A new rule version from next month; a month already past is refused.
        await page.ClickAsync("[data-testid=rules-publish-open]");
        await page.FillAsync("[data-testid=missing-points]", "3");
        await page.ScreenshotAsync("attendance-rules-publish");
        await page.ClickAsync("[data-testid=rules-publish]");
        await Assertions.Expect(page.Locator("[data-testid=rules-card] [data-testid=form-notice]")).ToContainTextAsync("已发布第 2 版");
        await Assertions.Expect(page.Locator("[data-testid=rule-version-2]")).ToContainTextAsync("缺卡一次扣 3 分");
        await Assertions.Expect(page.Locator("[data-testid=rule-version-2]")).ToContainTextAsync("待生效");

        // The center schedule from next month: an overlapping window is refused with the reason, then fixed.
        await page.Locator("[data-testid=schedule-row]", new() { HasText = "标准作息" }).Locator("[data-testid=schedule-edit]").ClickAsync();
        await page.FillAsync("[data-testid=slot-0-0] input", "08:30");
        await page.FillAsync("[data-testid=slot-1-1] input", "10:00");
        await page.ClickAsync("[data-testid=schedule-save]");
        await Assertions.Expect(page.Locator(".mud-dialog [data-testid=form-error]")).ToContainTextAsync("互不重叠");
        await page.FillAsync("[data-testid=slot-1-1] input", "10:30");
        await page.ScreenshotAsync("attendance-schedule-edit");
        await page.ClickAsync("[data-testid=schedule-save]");
        await Assertions.Expect(page.Locator("[data-testid=schedules-card] [data-testid=form-notice]")).ToContainTextAsync("作息已保存");
        await Assertions.Expect(page.Locator("[data-testid=schedule-row]", new() { HasText = "08:30" })).ToHaveCountAsync(1);
        await page.ScreenshotAsync("attendance-settings-after");
        await page.Context.CloseAsync();

        // The same page in English on a 1920×1080 display.
        var wide = await fx.NewPageAsync(1920, 1080);
        await wide.SignInAsync(fx.BaseUrl, DemoAccounts.ByRole[Roles.Admin], DemoAccounts.Password);
        await wide.GotoAsync(fx.BaseUrl + "/culture/set?culture=en&redirectUri=/attendance/settings");
        await wide.WaitForCircuitAsync();
        await Assertions.Expect(wide.Locator("[data-testid=rules-card]")).ToContainTextAsync("Publish new version");
        await wide.ScreenshotAsync("attendance-settings-en-1920");
        await wide.Context.CloseAsync();
    }

    /// <summary>The day itself or the next Monday to Friday (the demo calendar has no holidays that far ahead).</summary>
    private static DateOnly NextWeekday(DateOnly day)
    {
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        return day;
    }

    private async Task OpenMonthAsync(IPage page, DateOnly day)
    {
        await page.GotoAsync(fx.BaseUrl + "/attendance/me");
        await page.WaitForSelectorAsync("[data-testid=month-calendar]");
        await page.WaitForCircuitAsync();
        if (fx.Today.Month != day.Month)
        {
            await page.ClickAsync("[data-testid=month-prev]");
            await Assertions.Expect(page.Locator("[data-testid=month-label]")).ToContainTextAsync($"{day.Month}月");
        }
    }
}
