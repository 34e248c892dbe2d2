using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpsConsole.Auth;
using OpsConsole.Domain.Attendance;
using OpsConsole.Tests.Features.Attendance;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>
/// The attendance story end to end in Chromium: HR imports a messy terminal export and sees which rows failed and
/// why, approves a pending make-up punch, and the staff member's month and deduction lines update.
/// </summary>
[Collection("browser")]
public sealed class AttendanceFlowTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
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
        var file = ExportCorpus.Gb(ExportCorpus.MessyCsv("BJ0096", ExportCorpus.Day(95)));
        await hr.Locator("[data-testid=import-file]").SetInputFilesAsync(new FilePayload { Name = "考勤机导出-GBK.csv", MimeType = "text/csv", Buffer = file });
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
        await hr.ClickAsync("[data-testid=tab-exceptions]");
        var actions = hr.Locator($"[data-testid=makeup-actions-{DemoAccounts.ByRole[Roles.WindowStaff]}]");
        await hr.FillAsync("[data-testid=grid-search]", DemoAccounts.ByRole[Roles.WindowStaff]);
        await actions.First.WaitForAsync();
        await hr.ScreenshotAsync("attendance-exceptions");
        await actions.First.Locator("[data-testid=approve]").ClickAsync();
        await Assertions.Expect(actions).ToHaveCountAsync(0);

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
        var leaveDay = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(7);
        await staff.ClickAsync("[data-testid=request-leave]");
        await staff.SelectOptionAsync("[data-testid=leave-kind]", "Annual");
        await staff.FillAsync("[data-testid=leave-start]", leaveDay.ToString("yyyy-MM-dd"));
        await staff.FillAsync("[data-testid=leave-end]", leaveDay.ToString("yyyy-MM-dd"));
        await staff.FillAsync("[data-testid=leave-reason]", "回乡探亲");
        await staff.ScreenshotAsync("attendance-leave-dialog");
        await staff.ClickAsync("[data-testid=leave-submit]");
        if (leaveDay.Month == DateTime.UtcNow.AddHours(8).Month)
            await Assertions.Expect(staff.Locator("[data-testid=my-requests]")).ToContainTextAsync("年休假");
        await Assertions.Expect(staff.Locator("[data-testid=leave-submit]")).ToHaveCountAsync(0);

        await staff.Context.CloseAsync();
        var wide = await fx.NewPageAsync(1920, 1080);
        await wide.SignInAsync(fx.BaseUrl, DemoAccounts.ByRole[Roles.HR], DemoAccounts.Password);
        await wide.GotoAsync(fx.BaseUrl + "/attendance/monthly");
        await wide.WaitForSelectorAsync("[data-testid=monthly-sheet]");
        await wide.ScreenshotAsync("attendance-monthly-sheet-1920");
        await wide.Context.CloseAsync();
    }

    [Fact]
    public async Task AnAdminImportsCalendarLinesAllOrNothing()
    {
        var page = await fx.NewPageAsync();
        await page.SignInAsync(fx.BaseUrl, DemoAccounts.ByRole[Roles.Admin], DemoAccounts.Password);
        // A full load, so the circuit marker is this page's own (enhanced navigation keeps the previous page's).
        await page.GotoAsync(fx.BaseUrl + "/attendance/settings");
        await page.WaitForCircuitAsync();
        await page.WaitForSelectorAsync("[data-testid=calendar-csv]");
        await page.ScreenshotAsync("attendance-settings");

        await page.FillAsync("[data-testid=calendar-csv]", "2027-01-01,holiday,元旦\n2027-13-01,holiday,错");
        await page.ClickAsync("[data-testid=calendar-import]");
        await Assertions.Expect(page.Locator("[data-testid=calendar-card]")).ToContainTextAsync("第2行：日期无法识别");
        await Assertions.Expect(page.Locator("[data-testid=calendar-card]")).Not.ToContainTextAsync("2027-01-01 星期五");

        await page.FillAsync("[data-testid=calendar-csv]", "2027-01-01,holiday,元旦\n2027-01-04,workday,测试调休");
        await page.ClickAsync("[data-testid=calendar-import]");
        await Assertions.Expect(page.Locator("[data-testid=calendar-card]")).ToContainTextAsync("2027-01-01 星期五");
        await page.Context.CloseAsync();
    }

    private async Task OpenMonthAsync(IPage page, DateOnly day)
    {
        await page.GotoAsync(fx.BaseUrl + "/attendance/me");
        await page.WaitForSelectorAsync("[data-testid=month-calendar]");
        await page.WaitForCircuitAsync();
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        if (today.Month != day.Month)
        {
            await page.ClickAsync("[data-testid=month-prev]");
            await Assertions.Expect(page.Locator("[data-testid=month-label]")).ToContainTextAsync($"{day.Month}月");
        }
    }
}
