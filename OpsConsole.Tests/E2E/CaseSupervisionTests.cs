using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using OpsConsole.Auth;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Cases;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Attendance;
using OpsConsole.Features.Cases;
using OpsConsole.Features.Queueing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>
/// Issue 11's journey in Chromium: window staff turn the ticket they serve into a 承诺件, a manager
/// sees it on the supervision board, and as the pinned clock passes the due date across a holiday
/// the yellow and then the red card appear for that window and person.
/// </summary>
[Collection("browser")]
public sealed class CaseSupervisionTests : ClockedBrowserTest
{
    // The clock starts Monday 23 November 2026, 10:00; Wednesday 25 is made a holiday, so 2 working days fall due on Thursday 26.

    private T Service<T>() where T : notnull => app.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private async Task<IPage> SignedInAsync(string role)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseUrl, DemoAccounts.ByRole[role], DemoAccounts.Password);
        await page.WaitForCircuitAsync();
        return page;
    }

    /// <summary>The hourly supervision job's pass, run at once instead of waiting an hour of real time for its timer.</summary>
    private Task<int> SupervisionPassAsync() => Service<SupervisionPass>().RunAsync();

    /// <summary>Signs in afresh (the moved clock has expired the earlier sign-in) and opens the board.</summary>
    private async Task<IPage> OpenBoardAsync(IPage? previous)
    {
        if (previous is not null) await previous.Context.CloseAsync();
        var page = await SignedInAsync(Roles.Manager);
        await page.ClickAsync("a[href='supervision']");
        await page.WaitForSelectorAsync("[data-testid=board-stats]");
        return page;
    }

    [Fact]
    public async Task AServedTicketBecomesAPromisedCaseAndEarnsItsYellowThenRedCardAcrossAHoliday()
    {
        Assert.True((await Service<AttendanceSettings>().SetCalendarDayAsync(new DateOnly(2026, 11, 25), CalendarEntryKind.Holiday, "测试假日")).Succeeded);
        string windowName, staffName;
        await using (var ctx = app.CreateDbContext())
        {
            var window = await ctx.Windows.SingleAsync(w => w.Number == 1);
            var staffId = (await ctx.Set<WindowSession>().SingleAsync(s => s.WindowId == window.Id)).StaffId!.Value;
            windowName = window.Name;
            staffName = (await ctx.Staff.SingleAsync(s => s.Id == staffId)).Name;
        }
        var issued = await Service<TicketIssuer>().IssueAsync("BDC", TicketChannel.Kiosk);
        Assert.True(issued.Result.Succeeded, issued.Result.Error);

        // Window staff: call, start serving, and turn the ticket into a case from the counter.
        var staff = await SignedInAsync(Roles.WindowStaff);
        await staff.ClickAsync("a[href='counter']");
        await staff.WaitForSelectorAsync("html[data-counter-shortcuts=on]", new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(staff.Locator("[data-testid=action-callnext]")).ToBeEnabledAsync();
        await staff.Keyboard.PressAsync("F1");
        await Assertions.Expect(staff.Locator("[data-testid=current-number]")).ToHaveTextAsync(issued.Ticket!.Number);
        await staff.Keyboard.PressAsync("F3");
        await Assertions.Expect(staff.Locator("[data-testid=ticket-state]")).ToHaveTextAsync("办理中");
        await staff.ClickAsync("[data-testid=to-case]");
        await staff.WaitForSelectorAsync("[data-testid=case-form]");
        await staff.SelectOptionAsync("[data-testid=case-item]", new SelectOptionValue { Index = 1 });
        await staff.SelectOptionAsync("[data-testid=case-kind]", CaseKind.Promised.ToString());
        await staff.FillAsync("[data-testid=case-days]", "2");
        await staff.FillAsync("[data-testid=case-applicant]", "张三丰");
        await staff.FillAsync("[data-testid=case-phone]", "13812345678");
        await staff.ClickAsync("[data-testid=case-register]");
        await staff.WaitForSelectorAsync("[data-testid=case-detail]");
        await Assertions.Expect(staff.Locator("[data-testid=case-applicant]")).ToHaveTextAsync("张*丰");
        await Assertions.Expect(staff.Locator("[data-testid=case-detail]")).ToContainTextAsync("2026-11-26");
        await Assertions.Expect(staff.Locator("[data-testid=case-detail]")).ToContainTextAsync("138****5678");
        await Assertions.Expect(staff.Locator("[data-testid=case-detail]")).Not.ToContainTextAsync("13812345678");

        ServiceCase created;
        await using (var ctx = app.CreateDbContext())
        {
            created = await ctx.Set<ServiceCase>().AsNoTracking().SingleAsync(c => c.TicketId == issued.Ticket.TicketId);
        }
        Assert.Equal((CaseKind.Promised, new DateOnly(2026, 11, 26)), (created.Kind, created.DueDate));

        await staff.ClickAsync("a[href='cases/mine']");
        await Assertions.Expect(staff.Locator($"[data-testid=case-row][data-case='{created.Number}']")).ToContainTextAsync("剩 2 个工作日");
        await staff.ScreenshotAsync("cases-mine-1366x768");

        // A manager sees it on the board.
        var manager = await OpenBoardAsync(null);
        await Assertions.Expect(manager.Locator("[data-testid=board-open]")).ToHaveTextAsync("1");

        // Tuesday: the reminder (one working day left, the holiday between). Wednesday is the holiday: still not due.
        clock.Now = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));
        await SupervisionPassAsync();
        manager = await OpenBoardAsync(manager);
        await Assertions.Expect(manager.Locator("[data-testid=board-yellow]")).ToHaveTextAsync("0");
        await Assertions.Expect(manager.Locator("[data-testid=board-due-today]")).ToHaveTextAsync("0");

        // Thursday, the due date: the yellow card, for window 1 and its staff member.
        clock.Now = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(1, await SupervisionPassAsync());
        manager = await OpenBoardAsync(manager);
        await Assertions.Expect(manager.Locator("[data-testid=board-yellow]")).ToHaveTextAsync("1");
        await Assertions.Expect(manager.Locator("[data-testid=board-red]")).ToHaveTextAsync("0");
        await Assertions.Expect(manager.Locator("[data-testid=board-due-today]")).ToHaveTextAsync("1");

        // Friday: overdue, the red card.
        clock.Now = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(1, await SupervisionPassAsync());
        Assert.Equal(0, await SupervisionPassAsync());
        manager = await OpenBoardAsync(manager);
        await Assertions.Expect(manager.Locator("[data-testid=board-red]")).ToHaveTextAsync("1");
        await Assertions.Expect(manager.Locator("[data-testid=board-overdue]")).ToHaveTextAsync("1");
        await manager.GetByRole(AriaRole.Tab, new() { NameRegex = new System.Text.RegularExpressions.Regex("本月监察牌") }).ClickAsync();
        var red = manager.Locator("[data-testid=board-cards] tr", new() { Has = manager.Locator("[data-testid=card-level]", new() { HasText = "红牌" }) });
        await Assertions.Expect(red).ToHaveCountAsync(1);
        await Assertions.Expect(red.Locator("[data-testid=board-card-window]")).ToHaveTextAsync(windowName);
        await Assertions.Expect(red.Locator("[data-testid=board-card-staff]")).ToHaveTextAsync(staffName);
        var yellow = manager.Locator("[data-testid=board-cards] tr", new() { Has = manager.Locator("[data-testid=card-level]", new() { HasText = "黄牌" }) });
        await Assertions.Expect(yellow.Locator("[data-testid=board-card-window]")).ToHaveTextAsync(windowName);
        await Assertions.Expect(yellow.Locator("[data-testid=board-card-staff]")).ToHaveTextAsync(staffName);
        await manager.ScreenshotAsync("cases-board-cards-1366x768");
        var byWindow = manager.GetByRole(AriaRole.Tab, new() { NameRegex = new System.Text.RegularExpressions.Regex("按窗口") });
        await byWindow.ClickAsync();
        await Assertions.Expect(byWindow).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(manager.Locator("[data-testid=board-windows]")).ToContainTextAsync(windowName);
        await manager.ScreenshotAsync("cases-board-1366x768");

        // Drill-down to the case's history; staff see the cards on 我的办件.
        await manager.GetByRole(AriaRole.Tab, new() { NameRegex = new System.Text.RegularExpressions.Regex("已超期") }).ClickAsync();
        await manager.ClickAsync($"a[href='cases/{created.Id}']");
        await Assertions.Expect(manager.Locator("[data-testid=case-history]")).ToContainTextAsync("受理登记");
        await Assertions.Expect(manager.Locator("[data-testid=case-detail]")).ToContainTextAsync("超期 1 个工作日");
        await manager.ScreenshotAsync("cases-detail-1366x768");

        await staff.Context.CloseAsync();
        staff = await SignedInAsync(Roles.WindowStaff);
        await staff.ClickAsync("a[href='cases/mine']");
        await Assertions.Expect(staff.Locator("[data-testid=card-row]")).ToHaveCountAsync(3);
        await Assertions.Expect(staff.Locator($"[data-testid=case-row][data-case='{created.Number}']")).ToContainTextAsync("超期 1 个工作日");
        await staff.ScreenshotAsync("cases-mine-cards-1366x768");
        await staff.Context.CloseAsync();
        await manager.Context.CloseAsync();
    }
}
