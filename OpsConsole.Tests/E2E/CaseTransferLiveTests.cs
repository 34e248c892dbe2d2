using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpsConsole.Auth;
using OpsConsole.Domain.Cases;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>
/// In Chromium: a manager keeps the supervision board open while a window staff member registers a 联办件 with a
/// lead and a participating department; the board counts it without a reload; the manager transfers the case
/// (转办) and its history keeps who, when and why. Screenshots go to docs/screenshots/cases.
/// </summary>
[Collection("browser")]
public sealed class CaseTransferLiveTests : ClockedBrowserTest
{
    private async Task<IPage> SignedInAsync(string role)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseUrl, DemoAccounts.ByRole[role], DemoAccounts.Password);
        await page.WaitForCircuitAsync();
        return page;
    }

    [Fact]
    public async Task AJointCaseShowsLiveOnTheBoardAndATransferIsKeptInItsHistory()
    {
        // The manager's board, interactive (a tab switch answers), before anything happens.
        var manager = await SignedInAsync(Roles.Manager);
        await manager.ClickAsync("a[href='supervision']");
        await manager.WaitForSelectorAsync("[data-testid=board-stats]");
        var byWindow = manager.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("按窗口") });
        await byWindow.ClickAsync();
        await Assertions.Expect(byWindow).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(manager.Locator("[data-testid=board-open]")).ToHaveTextAsync("0");

        // Window staff register a 联办件 received without a ticket: a lead department and a participating one.
        var staff = await SignedInAsync(Roles.WindowStaff);
        await staff.GotoAsync(app.BaseUrl + "/cases/new");
        await staff.WaitForCircuitAsync();
        await staff.WaitForSelectorAsync("[data-testid=case-form]");
        await staff.SelectOptionAsync("[data-testid=case-item]", new SelectOptionValue { Index = 1 });
        await staff.SelectOptionAsync("[data-testid=case-kind]", CaseKind.Joint.ToString());
        await staff.SelectOptionAsync("[data-testid=case-window]", new SelectOptionValue { Index = 1 });
        await staff.WaitForSelectorAsync("[data-testid=case-lead]");
        await staff.SelectOptionAsync("[data-testid=case-lead]", new SelectOptionValue { Index = 2 });
        var leadName = (await staff.Locator("[data-testid=case-lead] option:checked").TextContentAsync())!.Trim();
        var participant = staff.Locator("[data-testid=case-joint] label").First;
        var participantName = (await participant.TextContentAsync())!.Trim();
        await participant.Locator("input").CheckAsync();
        await staff.FillAsync("[data-testid=case-days]", "10");
        await staff.FillAsync("[data-testid=case-applicant]", "李四");
        await Shot(staff, "case-register-joint-1366");
        await staff.ClickAsync("[data-testid=case-register]");
        await staff.WaitForSelectorAsync("[data-testid=case-detail]");
        await Assertions.Expect(staff.Locator("[data-testid=case-lead]")).ToHaveTextAsync(leadName);
        await Assertions.Expect(staff.Locator("[data-testid=case-joint]")).ToContainTextAsync(participantName);

        // The board counts it without being reloaded.
        await Assertions.Expect(manager.Locator("[data-testid=board-open]")).ToHaveTextAsync("1");
        await Shot(manager, "board-live-1366");

        ServiceCase created;
        string window2, staff2;
        await using (var ctx = app.CreateDbContext())
        {
            created = await ctx.Set<ServiceCase>().AsNoTracking().SingleAsync();
            var w2 = await ctx.Windows.SingleAsync(w => w.Number == 2);
            window2 = w2.Name;
            var staffId = (await ctx.Set<OpsConsole.Domain.Windows.WindowSession>().SingleAsync(s => s.WindowId == w2.Id)).StaffId!.Value;
            staff2 = (await ctx.Staff.SingleAsync(s => s.Id == staffId)).Name;
        }
        Assert.Equal(CaseKind.Joint, created.Kind);
        Assert.NotEmpty(created.JointDepartmentIds);
        Assert.DoesNotContain(created.DepartmentId, created.JointDepartmentIds);

        // 转办 by the manager: a reason is needed; the history keeps it.
        await manager.GotoAsync(app.BaseUrl + $"/cases/{created.Id}");
        await manager.WaitForCircuitAsync();
        await manager.ClickAsync("[data-testid=case-transfer-open]");
        await manager.WaitForSelectorAsync("[data-testid=case-transfer]");
        await manager.SelectOptionAsync("[data-testid=transfer-window]", new SelectOptionValue { Label = window2 });
        await manager.SelectOptionAsync("[data-testid=transfer-staff]", new SelectOptionValue { Label = staff2 });
        await manager.ClickAsync("[data-testid=transfer-confirm]");
        await Assertions.Expect(manager.Locator("body")).ToContainTextAsync("请填写原因");
        await manager.FillAsync("[data-testid=transfer-reason]", "申请人改到综合窗口取件");
        await manager.ClickAsync("[data-testid=transfer-confirm]");
        var last = manager.Locator("[data-testid=case-history] li").Last;
        await Assertions.Expect(last).ToContainTextAsync("转办");
        await Assertions.Expect(last).ToContainTextAsync($"→ {window2}");
        await Assertions.Expect(last).ToContainTextAsync("申请人改到综合窗口取件");
        await Shot(manager, "case-transferred-1366");

        await using (var ctx = app.CreateDbContext())
        {
            var moved = await ctx.Set<ServiceCase>().AsNoTracking().SingleAsync();
            Assert.Equal(window2, (await ctx.Windows.SingleAsync(w => w.Id == moved.WindowId)).Name);
            Assert.Equal(staff2, (await ctx.Staff.SingleAsync(s => s.Id == moved.StaffId)).Name);
        }
        await staff.Context.CloseAsync();
        await manager.Context.CloseAsync();
    }

    private static async Task Shot(IPage page, string name, [CallerFilePath] string source = "")
    {
        var dir = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "docs", "screenshots", "cases"));
        Directory.CreateDirectory(dir);
        await page.ScreenshotToAsync(Path.Combine(dir, name + ".png"));
    }
}
