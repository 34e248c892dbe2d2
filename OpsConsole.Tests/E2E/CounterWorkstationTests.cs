using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpsConsole.Auth;
using OpsConsole.Data;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Queueing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>
/// The counter workstation in Chromium, with the hall clock set in opening hours: window 1
/// (BJ0001, signed in by the demo seed) calls and completes a kiosk ticket with F1 and F4.
/// </summary>
[Collection("browser")]
public sealed class CounterWorkstationTests : ClockedBrowserTest
{
    private async Task<IPage> OpenCounterAsync(int width, int height)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseUrl, DemoAccounts.ByRole[Roles.WindowStaff], DemoAccounts.Password);
        // The circuit first, so the nav link navigates inside it (no prerendered page to race with).
        await page.WaitForCircuitAsync();
        await page.ClickAsync("a[href='counter']");
        await page.WaitForSelectorAsync("[data-testid=current-ticket]");
        await page.WaitForSelectorAsync("html[data-counter-shortcuts=on]", new() { State = WaitForSelectorState.Attached });
        return page;
    }

    private async Task<IssuedTicket> IssueAsync(string queueCode)
    {
        using var scope = app.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<TicketIssuer>().IssueAsync(queueCode, TicketChannel.Kiosk);
        Assert.True(outcome.Result.Succeeded, outcome.Result.Error);
        return outcome.Ticket!;
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(1920, 1080)]
    public async Task F1CallsTheIssuedTicketAndF4CompletesIt(int width, int height)
    {
        var page = await OpenCounterAsync(width, height);
        await Assertions.Expect(page.Locator("[data-testid=window-number]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-testid=window-state]")).ToHaveTextAsync("空闲");
        await Assertions.Expect(page.Locator("[data-testid=action-callnext]")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("[data-testid=action-callnext]")).ToContainTextAsync("F1");

        // Issued elsewhere (the kiosk): the page learns it from the hall events.
        var ticket = await IssueAsync("BDC");
        await IssueAsync("BDC");
        await Assertions.Expect(page.Locator("[data-testid=waiting-count-BDC]")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("[data-testid=action-callnext]")).ToBeEnabledAsync();

        await page.Keyboard.PressAsync("F1");
        await Assertions.Expect(page.Locator("[data-testid=current-number]")).ToHaveTextAsync(ticket.Number);
        await Assertions.Expect(page.Locator("[data-testid=ticket-state]")).ToHaveTextAsync("已呼叫");
        await Assertions.Expect(page.Locator("[data-testid=waiting-count-BDC]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-testid=action-callnext]")).ToBeDisabledAsync();

        await page.Keyboard.PressAsync("F3");
        await Assertions.Expect(page.Locator("[data-testid=ticket-state]")).ToHaveTextAsync("办理中");
        // The browser ticks the clock on its own (the hall clock here stands still)...
        await Assertions.Expect(page.Locator("[data-testid=ticket-elapsed]")).ToHaveTextAsync(new Regex("^00:0[1-9]$"));
        // ...and restarts from the server's value when the page renders again (here: a ticket issued elsewhere).
        clock.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(12));
        await IssueAsync("BDC");
        await Assertions.Expect(page.Locator("[data-testid=ticket-elapsed]")).ToHaveTextAsync(new Regex("^04:1[2-9]$"));
        await page.ScreenshotAsync($"counter-serving-{width}x{height}");

        await page.Keyboard.PressAsync("F4");
        await Assertions.Expect(page.Locator("[data-testid=no-ticket]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=served-today]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-testid=mean-service]")).ToContainTextAsync("4");
        await page.ScreenshotAsync($"counter-idle-{width}x{height}");
        await using var ctx = app.CreateDbContext();
        Assert.Equal(TicketState.Completed, ctx.Set<Ticket>().Single(t => t.Id == ticket.TicketId).State);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PauseWithAReasonAndResumeWithF9()
    {
        var page = await OpenCounterAsync(1366, 768);
        await page.Keyboard.PressAsync("F9");
        await page.ClickAsync("[data-testid=pause-meeting]");
        await page.FillAsync("[data-testid=pause-note]", "科室例会");
        await Assertions.Expect(page.Locator("[data-testid=pause-meeting]")).ToHaveAttributeAsync("aria-checked", "true");
        await page.ScreenshotAsync("counter-pause-dialog");
        await page.ClickAsync("[data-testid=pause-confirm]");
        await Assertions.Expect(page.Locator("[data-testid=window-state]")).ToHaveTextAsync("暂停服务");
        await Assertions.Expect(page.Locator("[data-testid=current-ticket]")).ToContainTextAsync("会议 · 科室例会");
        await Assertions.Expect(page.Locator("[data-testid=action-pauseorresume]")).ToContainTextAsync("恢复服务");
        await page.ScreenshotAsync("counter-paused");

        await page.Keyboard.PressAsync("F9");
        await Assertions.Expect(page.Locator("[data-testid=window-state]")).ToHaveTextAsync("空闲");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ADoubleClickCallsOneTicketAndTheDialogTransfersItToAnotherQueue()
    {
        var page = await OpenCounterAsync(1366, 768);
        var ticket = await IssueAsync("BDC");
        var next = await IssueAsync("BDC");
        await Assertions.Expect(page.Locator("[data-testid=action-callnext]")).ToBeEnabledAsync();
        // A double click calls one ticket, and says nothing alarming.
        await page.DblClickAsync("[data-testid=action-callnext]");
        await Assertions.Expect(page.Locator("[data-testid=current-number]")).ToHaveTextAsync(ticket.Number);
        await Assertions.Expect(page.Locator("[data-testid=waiting-count-BDC]")).ToHaveTextAsync("1");
        Assert.Equal(0, await page.Locator("[data-testid=form-error]").CountAsync());

        await page.Keyboard.PressAsync("F8");
        await page.SelectOptionAsync("[data-testid=transfer-queue]", new SelectOptionValue { Label = "Z · 综合受理" });
        await page.ScreenshotAsync("counter-transfer-dialog");
        await page.ClickAsync("[data-testid=transfer-confirm]");
        await Assertions.Expect(page.Locator("[data-testid=no-ticket]")).ToBeVisibleAsync();
        await using var ctx = app.CreateDbContext();
        var moved = ctx.Set<Ticket>().Single(t => t.Id == ticket.TicketId);
        Assert.Equal((TicketState.Waiting, PriorityClass.Transferred), (moved.State, moved.Priority));
        Assert.Equal(TicketState.Waiting, ctx.Set<Ticket>().Single(t => t.Id == next.TicketId).State);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SigningOutShowsThePickerAndSigningBackInReturns()
    {
        var page = await OpenCounterAsync(1366, 768);
        await page.ClickAsync("[data-testid=sign-out-window]");
        await page.ClickAsync("[data-testid=confirm-ok]");
        await page.WaitForSelectorAsync("[data-testid=window-picker]");
        // The whole choice fits one 1366×768 screen: the confirm button is in view without scrolling.
        var button = (await page.Locator("[data-testid=sign-in-window]").BoundingBoxAsync())!;
        Assert.True(button.Y + button.Height <= 768, $"sign-in button ends at {button.Y + button.Height}px");
        await Assertions.Expect(page.Locator("[data-testid=pick-window-1]")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.ScreenshotAsync("counter-window-picker");
        // A double click on a tile signs in at once (the tiles share one delegated handler: the app's JS initializer).
        await page.DblClickAsync("[data-testid=pick-window-1]");
        await Assertions.Expect(page.Locator("[data-testid=window-number]")).ToHaveTextAsync("1");
        await page.Context.CloseAsync();
    }
}
