using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpsConsole.Data.Seeding;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Notifications;
using OpsConsole.Features.Queueing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>
/// Issue 10's "done when" for the applicant in Chromium: an item picked by pinyin, its guide read, a ticket taken
/// with an ID number (by the card reader's keyboard wedge) that is masked everywhere, a phone number left, and the
/// log adapter's near-turn notice when two are ahead. Screenshots at 1080×1920 and 1280×800 go to docs/screenshots/hall.
/// </summary>
[Collection("browser")]
public sealed class HallApplicantTests(KioskBrowserFixture fx) : IClassFixture<KioskBrowserFixture>
{
    private const string Id = "371302199001050021";
    private const string Masked = "3713**********0021";

    private async Task<IPage> KioskAsync(int width, int height)
    {
        var page = await fx.NewPageAsync(width, height);
        await page.GotoAsync(fx.BaseUrl + $"/device/activate?token={DemoDevices.KioskToken}");
        Assert.EndsWith("/kiosk", page.Url);
        await page.WaitForSelectorAsync("[data-testid=item-search]");
        await page.WaitForCircuitAsync();
        return page;
    }

    private T Service<T>() where T : notnull => fx.App.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    [Fact]
    public async Task AnApplicantPicksAnItemByPinyinTakesAMaskedTicketAndIsToldWhenTwoAreAhead()
    {
        // Three people already wait in 不动产登记.
        for (var i = 0; i < 3; i++) Assert.True((await Service<TicketIssuer>().IssueAsync("BDC", TicketChannel.Kiosk)).Result.Succeeded);
        var page = await KioskAsync(1080, 1920);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await Shot(page, "kiosk-items-1080x1920");

        foreach (var letter in "BDC") await page.ClickAsync($"[data-letter={letter}]");
        await Assertions.Expect(page.Locator("[data-testid=item-search]")).ToHaveTextAsync("BDC");
        var item = page.Locator("[data-testid=item-tile]", new() { HasText = "不动产登记资料查询" });
        await Assertions.Expect(item).ToBeVisibleAsync();
        await Shot(page, "kiosk-items-bdc-1080x1920");
        await item.ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=guide-name]")).ToHaveTextAsync("不动产登记资料查询");
        Assert.True(await page.Locator("[data-testid=guide-materials] li").CountAsync() > 0);
        await Shot(page, "kiosk-guide-1080x1920");
        await page.ClickAsync("[data-testid=guide-take]");

        // The ID-card reader types the number and Enter (docs/kiosk-devices.md).
        await page.WaitForSelectorAsync("[data-testid=keypad]");
        await page.Keyboard.TypeAsync(Id + "\n");
        await Assertions.Expect(page.Locator("[data-testid=id-display]")).ToHaveTextAsync("371302 19900105 0021");
        await page.ClickAsync("[data-testid=take-with-id]");

        await Assertions.Expect(page.Locator("[data-testid=issued-number]")).ToHaveTextAsync(new Regex("^A\\d{3}$"));
        var number = await page.Locator("[data-testid=issued-number]").InnerTextAsync();
        await Assertions.Expect(page.Locator("[data-testid=issued-ahead]")).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("[data-testid=issued-id]")).ToContainTextAsync(Masked);
        await Assertions.Expect(page.Locator("[data-testid=issued-place]")).ToContainTextAsync("区");
        var slip = page.Locator("[data-testid=ticket-slip]");
        Assert.Contains(Masked, await slip.Locator("[data-testid=slip-id]").TextContentAsync());
        Assert.Equal("不动产登记资料查询", await slip.Locator("[data-testid=slip-item]").TextContentAsync());
        Assert.Contains("楼", await slip.Locator("[data-testid=slip-place]").TextContentAsync());
        var statusUrl = (await slip.GetAttributeAsync("data-status-url"))!;
        Assert.DoesNotContain(Id, await page.ContentAsync());
        await Shot(page, "kiosk-issued-1080x1920");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Shot(page, "kiosk-slip-print");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await page.ClickAsync("[data-testid=leave-phone]");
        foreach (var key in "1381234567") await page.ClickAsync($"[data-key='{key}']");
        await Assertions.Expect(page.Locator("[data-testid=confirm-phone]")).ToBeDisabledAsync();
        await page.ClickAsync("[data-key='8']");
        await Shot(page, "kiosk-phone-1080x1920");
        await page.ClickAsync("[data-testid=confirm-phone]");
        await Assertions.Expect(page.Locator("[data-testid=phone-confirmed]")).ToContainTextAsync("138****5678");

        var phone = await fx.NewPageAsync(390, 844);
        await phone.GotoAsync(statusUrl);
        await Assertions.Expect(phone.Locator("[data-testid=status-number]")).ToHaveTextAsync(number);
        await Assertions.Expect(phone.Locator("[data-testid=status-id]")).ToContainTextAsync(Masked);
        await Assertions.Expect(phone.Locator("[data-testid=status-item]")).ToHaveTextAsync("不动产登记资料查询");
        await Assertions.Expect(phone.Locator("[data-testid=status-phone]")).ToContainTextAsync("138****5678");
        var guideHref = await phone.Locator("[data-testid=status-guide]").GetAttributeAsync("href");
        Assert.Matches("^/guide/.+", guideHref);
        Assert.DoesNotContain(Id, await phone.ContentAsync());
        await Shot(phone, "ticket-status-phone");

        // Window 1 calls the first of the three: two are ahead, and the log adapter records the notice.
        var log = fx.App.Services.GetRequiredService<LogNearTurnNotifier>();
        Assert.DoesNotContain(log.Sent, m => m.Number == number);
        await using (var db = fx.App.CreateDbContext())
        {
            var window = await db.Windows.SingleAsync(w => w.Number == 1);
            var session = await db.Set<OpsConsole.Domain.Windows.WindowSession>().SingleAsync(s => s.WindowId == window.Id);
            Assert.True((await Service<CounterDesk>().CallNextAsync(window.Id, session.StaffId!.Value)).Succeeded);
        }
        await Wait.UntilAsync(() => log.Sent.Any(m => m.Number == number), () => $"the near-turn notice for {number}");
        Assert.Equal(2, log.Sent.Single(m => m.Number == number).PeopleAhead);
        await Assertions.Expect(phone.Locator("[data-testid=status-ahead]")).ToHaveTextAsync(new Regex("^2"));
        await phone.Context.CloseAsync();
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheLandscapeKioskFindsItemsAndAWrongIdIsRefusedWithTheReason()
    {
        var page = await KioskAsync(1280, 800);
        foreach (var letter in "PTHZ") await page.ClickAsync($"[data-letter={letter}]");
        var item = page.Locator("[data-testid=item-tile]", new() { HasText = "普通护照签发" });
        await Assertions.Expect(item).ToBeVisibleAsync();
        await Shot(page, "kiosk-items-1280x800");
        await item.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=guide-name]")).ToHaveTextAsync("普通护照签发");
        await Shot(page, "kiosk-guide-1280x800");
        await page.ClickAsync("[data-testid=guide-take]");
        foreach (var key in "371302199001050022") await page.ClickAsync($"[data-key='{key}']");
        await page.ClickAsync("[data-testid=take-with-id]");
        await Assertions.Expect(page.Locator("[data-testid=kiosk-error]")).ToContainTextAsync("校验位不符");
        await Shot(page, "kiosk-id-refused-1280x800");

        // English mode (foreign applicants at the exit-entry queues), and the elder-friendly mode.
        await page.GotoAsync(fx.BaseUrl + "/kiosk");
        await page.WaitForSelectorAsync("[data-testid=kiosk-language]");
        await page.WaitForCircuitAsync();
        await page.ClickAsync("[data-testid=kiosk-language]");
        await Assertions.Expect(page.Locator("[data-testid=mode-items]")).ToContainTextAsync("Find a service");
        await page.WaitForCircuitAsync();
        foreach (var letter in "PTHZ") await page.ClickAsync($"[data-letter={letter}]");
        await Assertions.Expect(page.Locator("[data-testid=item-tile]", new() { HasText = "普通护照签发" })).ToBeVisibleAsync();
        await Shot(page, "kiosk-english-1280x800");
        await page.ClickAsync("[data-testid=kiosk-language]");
        await Assertions.Expect(page.Locator("[data-testid=mode-items]")).ToContainTextAsync("按事项查找");
        await page.WaitForCircuitAsync();
        await page.ClickAsync("[data-testid=elder-mode]");
        await Assertions.Expect(page.Locator("[data-testid=letters]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=item-tile]")).ToHaveCountAsync(6);
        await Shot(page, "kiosk-elder-1280x800");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheCounterSeesTheChosenItemAndTheMaskedIdWhenTheTicketIsCalled()
    {
        const string otherId = "11010519491231002X";
        // Window 1 (BJ0001's) is free before the applicant's ticket is called.
        await using (var db = fx.App.CreateDbContext())
        {
            var window = await db.Windows.SingleAsync(w => w.Number == 1);
            var session = await db.Set<OpsConsole.Domain.Windows.WindowSession>().SingleAsync(s => s.WindowId == window.Id);
            if (session.CurrentTicketId is { } busy)
            {
                var desk = Service<CounterDesk>();
                if ((await db.Set<Ticket>().SingleAsync(t => t.Id == busy)).State == TicketState.Called)
                    Assert.True((await desk.StartAsync(window.Id, session.StaffId!.Value)).Succeeded);
                Assert.True((await desk.CompleteAsync(window.Id, session.StaffId!.Value)).Succeeded);
            }
        }
        var kiosk = await KioskAsync(1280, 800);
        foreach (var letter in "BDC") await kiosk.ClickAsync($"[data-letter={letter}]");
        await kiosk.ClickAsync("[data-testid=item-tile] >> text=不动产登记资料查询");
        await kiosk.ClickAsync("[data-testid=guide-take]");
        await kiosk.WaitForSelectorAsync("[data-testid=keypad]");
        await kiosk.Keyboard.TypeAsync(otherId + "\n");
        await kiosk.ClickAsync("[data-testid=take-with-id]");
        await Assertions.Expect(kiosk.Locator("[data-testid=issued-number]")).ToHaveTextAsync(new Regex("^A\\d{3}$"));
        var number = await kiosk.Locator("[data-testid=issued-number]").InnerTextAsync();
        await kiosk.Context.CloseAsync();

        // The window screen above counter 1 shows the item under the number (never the ID: it faces the hall).
        var screen = await fx.NewPageAsync(1280, 720);
        await screen.GotoAsync(fx.BaseUrl + $"/device/activate?token={DemoDevices.ScreenToken(1)}");
        await screen.WaitForFunctionAsync("() => window.__windowScreen && window.__windowScreen.status.snapshots > 0", null, new() { Timeout = 15000 });

        var counter = await fx.NewPageAsync(1366, 768);
        await counter.SignInAsync(fx.BaseUrl, DemoAccounts.ByRole[OpsConsole.Auth.Roles.WindowStaff], DemoAccounts.Password);
        await counter.GotoAsync(fx.BaseUrl + "/counter");
        await counter.WaitForSelectorAsync("html[data-counter-shortcuts=on]", new() { State = WaitForSelectorState.Attached });
        await counter.FillAsync("[data-testid=call-number-input]", number);
        await counter.ClickAsync("[data-testid=call-number]");
        await Assertions.Expect(counter.Locator("[data-testid=current-number]")).ToHaveTextAsync(number);
        await Assertions.Expect(counter.Locator("[data-testid=ticket-item]")).ToHaveTextAsync("不动产登记资料查询");
        await Assertions.Expect(counter.Locator("[data-testid=ticket-id]")).ToHaveTextAsync("1101**********002X");
        Assert.Matches("^/guide/.+", await counter.Locator("[data-testid=ticket-item-guide]").GetAttributeAsync("href"));
        Assert.DoesNotContain(otherId, await counter.ContentAsync());
        await ShotTo(counter, "counter", "counter-called-item-and-masked-id");
        await counter.Context.CloseAsync();
        await Assertions.Expect(screen.Locator("[data-testid=ws-current]")).ToHaveTextAsync(number);
        await Assertions.Expect(screen.Locator("[data-testid=ws-item]")).ToHaveTextAsync("不动产登记资料查询");
        Assert.DoesNotContain("002X", await screen.ContentAsync());
        await ShotTo(screen, "counter", "window-screen-item-1280x720");
        await screen.Context.CloseAsync();
        // Window 1 is free again for the other tests of this class.
        await using (var db = fx.App.CreateDbContext())
        {
            var window = await db.Windows.SingleAsync(w => w.Number == 1);
            var staffId = (await db.Set<OpsConsole.Domain.Windows.WindowSession>().SingleAsync(s => s.WindowId == window.Id)).StaffId!.Value;
            Assert.True((await Service<CounterDesk>().StartAsync(window.Id, staffId)).Succeeded);
            Assert.True((await Service<CounterDesk>().CompleteAsync(window.Id, staffId)).Succeeded);
        }
    }

    [Fact]
    public async Task AtNightTheKioskShowsTheHoursAndTheNextOpening()
    {
        var saved = fx.Clock.Now;
        fx.Clock.Now = new DateTimeOffset(2026, 11, 23, 19, 30, 0, TimeSpan.FromHours(8));
        try
        {
            var page = await KioskAsync(1280, 800);
            await page.ClickAsync("[data-testid=mode-queues]");
            var tile = page.Locator("[data-testid=queue-tile][data-queue=BDC]");
            await Assertions.Expect(tile).ToBeDisabledAsync();
            await Assertions.Expect(tile.Locator("[data-testid=queue-reason]")).ToHaveTextAsync("未开放 · 办理时间 09:00–12:00、13:00–17:00 · 下次开放 明天 09:00");
            await Shot(page, "kiosk-closed-1280x800");
            await page.Context.CloseAsync();
        }
        finally
        {
            fx.Clock.Now = saved;
        }
    }

    [Fact]
    public async Task OnASaturdayTheKioskTheWaitPageAndQueueSetupSayClosedUntilMonday()
    {
        const string reopens = "下次开放 11 月 30 日（周一）09:00";
        var saved = fx.Clock.Now;
        fx.Clock.Now = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(8));
        try
        {
            var page = await KioskAsync(1280, 800);
            await page.ClickAsync("[data-testid=mode-queues]");
            var tile = page.Locator("[data-testid=queue-tile][data-queue=BDC]");
            await Assertions.Expect(tile).ToBeDisabledAsync();
            await Assertions.Expect(tile.Locator("[data-testid=queue-reason]")).ToHaveTextAsync("未开放 · 办理时间 09:00–12:00、13:00–17:00 · " + reopens);
            await Shot(page, "kiosk-saturday-1280x800");

            await page.GotoAsync(fx.BaseUrl + "/wait");
            var bdc = page.Locator(".public-wait-panel", new() { HasText = "不动产登记" }).First;
            await Assertions.Expect(bdc.Locator("[data-testid=wait-closed]")).ToHaveTextAsync("未开放 · 开放时间 09:00–12:00、13:00–17:00 · " + reopens);
            await Shot(page, "wait-saturday-1280x800");
            await page.Context.CloseAsync();

            var manager = await fx.NewPageAsync(1366, 768);
            await manager.SignInAsync(fx.BaseUrl, DemoAccounts.ByRole[OpsConsole.Auth.Roles.Manager], DemoAccounts.Password);
            await manager.GotoAsync(fx.BaseUrl + "/catalog/queues");
            var row = manager.Locator("tr", new() { Has = manager.Locator("td", new() { HasTextRegex = new Regex("^BDC$") }) });
            await Assertions.Expect(row.Locator("[data-testid=queue-closed]")).ToHaveTextAsync("未开放 · " + reopens);
            await Assertions.Expect(manager.Locator("text=取号中")).ToHaveCountAsync(0);
            await ShotTo(manager, "hall", "queue-setup-saturday-1366x768");
            await manager.Context.CloseAsync();
        }
        finally
        {
            fx.Clock.Now = saved;
        }
    }

    private static Task Shot(IPage page, string name, [CallerFilePath] string source = "") => ShotTo(page, "hall", name, source);

    private static async Task ShotTo(IPage page, string area, string name, [CallerFilePath] string source = "")
    {
        var dir = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "docs", "screenshots", area));
        Directory.CreateDirectory(dir);
        await page.ScreenshotToAsync(Path.Combine(dir, name + ".png"));
    }
}
