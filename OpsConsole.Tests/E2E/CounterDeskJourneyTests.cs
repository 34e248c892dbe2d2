using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpsConsole.Auth;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Attendance;
using OpsConsole.Features.Queueing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>
/// Issue 10's counter and chief representative in Chromium at 1366×768, the hall clock in opening hours: window 1
/// (BJ0001) calls a named number and prints a 一次性告知单; a no-show is confirmed and comes back; the chief
/// representative (BJ0002) approves a leave request of their staff. Screenshots for docs/screenshots/counter.
/// </summary>
[Collection("browser")]
public sealed class CounterDeskJourneyTests : ClockedBrowserTest
{
    private async Task<IPage> SignInAsync(string role)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseUrl, DemoAccounts.ByRole[role], DemoAccounts.Password);
        await page.WaitForCircuitAsync();
        return page;
    }

    private async Task<IPage> OpenCounterAsync()
    {
        var page = await SignInAsync(Roles.WindowStaff);
        await page.ClickAsync("a[href='counter']");
        await page.WaitForSelectorAsync("[data-testid=current-ticket]");
        await page.WaitForSelectorAsync("html[data-counter-shortcuts=on]", new() { State = WaitForSelectorState.Attached });
        return page;
    }

    private async Task<IssuedTicket> IssueAsync(string queueCode = "BDC")
    {
        using var scope = app.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<TicketIssuer>().IssueAsync(queueCode, TicketChannel.Kiosk);
        Assert.True(outcome.Result.Succeeded, outcome.Result.Error);
        return outcome.Ticket!;
    }

    [Fact]
    public async Task TheCounterCallsANamedNumberAndPrintsAOneTimeNotice()
    {
        var page = await OpenCounterAsync();
        var first = await IssueAsync();
        await IssueAsync();
        var third = await IssueAsync();
        await Assertions.Expect(page.Locator("[data-testid=waiting-list] li").First).ToContainTextAsync(first.Number);
        await Assertions.Expect(page.Locator($"[data-testid=waiting-entry-{third.Number}]")).ToBeVisibleAsync();
        await page.ScreenshotAsync("counter-waiting-list");

        // A number nobody holds is refused with the reason; the applicant who came back is called by number.
        await page.FillAsync("[data-testid=call-number-input]", "A099");
        await page.ClickAsync("[data-testid=call-number]");
        await Assertions.Expect(page.Locator("[data-testid=form-error]")).ToContainTextAsync("今天没有 A099 号。");
        await page.ScreenshotAsync("counter-call-number-refused");
        await page.FillAsync("[data-testid=call-number-input]", third.Number);
        await page.ClickAsync("[data-testid=call-number]");
        await Assertions.Expect(page.Locator("[data-testid=current-number]")).ToHaveTextAsync(third.Number);
        await Assertions.Expect(page.Locator("[data-testid=window-state]")).ToHaveTextAsync("已呼叫");
        await Assertions.Expect(page.Locator("[data-testid=counter-notice]")).ToContainTextAsync($"已呼叫 {third.Number}");
        await Assertions.Expect(page.Locator($"[data-testid=waiting-entry-{third.Number}]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("counter-called-by-number");

        await page.Keyboard.PressAsync("F3");
        await Assertions.Expect(page.Locator("[data-testid=window-state]")).ToHaveTextAsync("办理中");
        await page.ClickAsync("[data-testid=open-notice]");
        await page.WaitForSelectorAsync("[data-testid=notice-dialog]");
        await page.CheckAsync("[data-testid=notice-material-1]");
        await page.CheckAsync("[data-testid=notice-material-2]");
        await page.FillAsync("[data-testid=notice-note]", "请于十个工作日内补齐");
        await page.ScreenshotAsync("counter-notice-dialog");
        await page.ClickAsync("[data-testid=notice-issue]");
        var print = page.Locator("[data-testid=print-notice]");
        await Assertions.Expect(print).ToBeVisibleAsync();

        string[] materials;
        await using (var db = app.CreateDbContext())
        {
            var notice = await db.Set<MissingMaterialsNotice>().SingleAsync();
            Assert.Equal((third.TicketId, third.Number, 2), (notice.TicketId, notice.TicketNumber, notice.Materials.Count));
            materials = notice.Materials.ToArray();
        }

        var view = await page.Context.NewPageAsync();
        await view.GotoAsync(app.BaseUrl + await print.GetAttributeAsync("href"));
        var document = view.Locator("[data-testid=notice-document]");
        await Assertions.Expect(document).ToContainTextAsync("一次性告知单");
        await Assertions.Expect(view.Locator("[data-testid=notice-material]")).ToHaveCountAsync(2);
        foreach (var m in materials) await Assertions.Expect(document).ToContainTextAsync(m);
        await Assertions.Expect(document).ToContainTextAsync("李静");
        await view.ScreenshotAsync("counter-notice-print");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ANoShowIsConfirmedAndWhenReinstatedTheCounterSaysWhereItStands()
    {
        var page = await OpenCounterAsync();
        var gone = await IssueAsync();
        for (var i = 0; i < 4; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(30));
            await IssueAsync();
        }
        await Assertions.Expect(page.Locator("[data-testid=action-callnext]")).ToBeEnabledAsync();
        await page.Keyboard.PressAsync("F1");
        await Assertions.Expect(page.Locator("[data-testid=current-number]")).ToHaveTextAsync(gone.Number);

        await page.Keyboard.PressAsync("F6");
        await Assertions.Expect(page.Locator("[data-testid=confirm-dialog]")).ToContainTextAsync($"确认 {gone.Number} 号未到窗口");
        await page.ScreenshotAsync("counter-confirm-no-show");
        await page.ClickAsync("[data-testid=confirm-ok]");
        await Assertions.Expect(page.Locator($"[data-testid=noshow-{gone.Number}]")).ToBeVisibleAsync();

        clock.Advance(TimeSpan.FromMinutes(5));
        await page.ClickAsync($"[data-testid=noshow-{gone.Number}] [data-testid=reinstate]");
        await Assertions.Expect(page.Locator("[data-testid=counter-notice]")).ToContainTextAsync("排第 4 位（前面 3 人）");
        await Assertions.Expect(page.Locator("[data-testid=waiting-list] li").Nth(3)).ToContainTextAsync(gone.Number);
        await page.ScreenshotAsync("counter-reinstated");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ParkAndTransferNotesShowAtTheNextCounterAndAnUnservedQueueIsWarnedAbout()
    {
        var page = await OpenCounterAsync();
        var t = await IssueAsync();
        await Assertions.Expect(page.Locator("[data-testid=action-callnext]")).ToBeEnabledAsync();
        await page.Keyboard.PressAsync("F1");
        await Assertions.Expect(page.Locator("[data-testid=current-number]")).ToHaveTextAsync(t.Number);
        await page.Keyboard.PressAsync("F7");
        await page.FillAsync("[data-testid=park-note]", "去复印户口簿");
        await page.ClickAsync("[data-testid=park-confirm]");
        await page.ClickAsync($"[data-testid=parked-{t.Number}] [data-testid=resume-parked]");
        await Assertions.Expect(page.Locator("[data-testid=ticket-note]")).ToContainTextAsync("去复印户口簿");

        await page.Keyboard.PressAsync("F8");
        await page.SelectOptionAsync("[data-testid=transfer-queue]", new SelectOptionValue { Label = "Q · 综合出件" });
        await Assertions.Expect(page.Locator("[data-testid=transfer-warning]")).ToContainTextAsync("没有开放的窗口办理");
        await page.FillAsync("[data-testid=transfer-note]", "已收件，待出件");
        await page.ScreenshotAsync("counter-transfer-warning");
        await page.ClickAsync("[data-testid=transfer-confirm]");
        await Assertions.Expect(page.Locator("[data-testid=no-ticket]")).ToBeVisibleAsync();

        using var scope = app.Services.CreateScope();
        var notes = await scope.ServiceProvider.GetRequiredService<CounterChoices>().NotesAsync(t.TicketId);
        Assert.Equal(["去复印户口簿", "已收件，待出件"], notes.Select(n => n.Text));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheChiefRepresentativeApprovesALeaveRequestOfTheirStaff()
    {
        int staffId, leaveId;
        await using (var db = app.CreateDbContext())
        {
            staffId = await db.Staff.Where(s => s.EmployeeNo == DemoAccounts.ByRole[Roles.WindowStaff]).Select(s => s.Id).SingleAsync();
        }
        using (var scope = app.Services.CreateScope())
        {
            var day = new DateOnly(2026, 11, 26);
            var asked = await scope.ServiceProvider.GetRequiredService<AttendanceRequests>()
                .RequestAbsenceAsync(staffId, AbsenceKind.Of(LeaveKind.Annual), day, HalfDay.Morning, day, HalfDay.Afternoon, "回乡探亲");
            Assert.True(asked.Succeeded, asked.Error);
        }
        await using (var db = app.CreateDbContext())
        {
            leaveId = await db.LeaveRecords.Where(l => l.StaffId == staffId).MaxAsync(l => l.Id);
        }

        var page = await SignInAsync(Roles.ChiefRepresentative);
        await page.ClickAsync("a[href='department']");
        var row = page.Locator($"[data-testid=approval-leave-{leaveId}]");
        await Assertions.Expect(row).ToContainTextAsync("李静");
        await Assertions.Expect(page.Locator("[data-testid=dept-window-1]")).ToContainTextAsync("李静");
        await page.ScreenshotAsync("department-page");
        await row.Locator("[data-testid=chief-approve]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=approval-notice]")).ToContainTextAsync("已批准 李静 的申请");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await page.ScreenshotAsync("department-approved");

        await using (var db = app.CreateDbContext())
        {
            var leave = await db.LeaveRecords.AsNoTracking().SingleAsync(l => l.Id == leaveId);
            Assert.Equal(RequestStatus.Approved, leave.Status);
        }
        await page.Context.CloseAsync();
    }
}
