using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using OpsConsole.Auth;
using OpsConsole.Data;
using OpsConsole.Data.Seeding;
using OpsConsole.Domain.Queueing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>A seeded app on a loopback port with the clock inside opening hours, and Chromium.</summary>
public sealed class KioskBrowserFixture : BrowserFixture
{
    public TestClock Clock { get; } = TestClock.MondayMorning();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
}

/// <summary>The kiosk, the slip, the public status page and the manager's green channel in Chromium.</summary>
[Collection("browser")]
public sealed class KioskTests(KioskBrowserFixture fx) : IClassFixture<KioskBrowserFixture>
{
    private async Task<IPage> KioskAsync(int width, int height)
    {
        var page = await fx.NewPageAsync(width, height);
        await page.GotoAsync(fx.BaseUrl + $"/device/activate?token={DemoDevices.KioskToken}");
        Assert.EndsWith("/kiosk", page.Url);
        await page.ShowQueueTilesAsync();
        return page;
    }

    [Fact]
    public async Task AnApplicantTakesATicketGetsTheSlipAndFollowsItsStatus()
    {
        var page = await KioskAsync(1920, 1080);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.ScreenshotAsync("kiosk-menu-1920");

        await page.ClickAsync("[data-testid=queue-tile][data-queue=BDC]");
        await page.WaitForSelectorAsync("[data-testid=keypad]");
        foreach (var key in "110105") await page.ClickAsync($"[data-key='{key}']");
        await Assertions.Expect(page.Locator("[data-testid=id-display]")).ToHaveTextAsync("110105");
        await page.ScreenshotAsync("kiosk-id-1920");
        await page.ClickAsync("[data-testid=skip-id]");

        var number = page.Locator("[data-testid=issued-number]");
        await Assertions.Expect(number).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^A\\d{3}$"));
        var issued = await number.InnerTextAsync();
        await page.ScreenshotAsync("kiosk-issued-1920");

        var slip = page.Locator("[data-testid=ticket-slip]");
        Assert.Equal(issued, await slip.Locator("[data-testid=slip-number]").TextContentAsync());
        Assert.Equal(1, await slip.Locator("[data-testid=slip-qr] svg").CountAsync());
        Assert.Contains("滨江市政务服务中心", await slip.TextContentAsync());
        var statusUrl = await slip.GetAttributeAsync("data-status-url");
        Assert.StartsWith(fx.BaseUrl + "/t/", statusUrl);
        // The slip as the thermal printer gets it.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.ScreenshotAsync("kiosk-slip-print");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // Done before the phone: the issued screen returns by itself after Kiosk.ReturnSeconds, which a busy machine
        // opening a second browser page can outlast.
        await page.ClickAsync("[data-testid=done]");
        await page.WaitForSelectorAsync("[data-testid=item-search]");

        var phone = await fx.NewPageAsync(390, 844);
        await phone.GotoAsync(statusUrl!);
        await Assertions.Expect(phone.Locator("[data-testid=status-number]")).ToHaveTextAsync(issued);
        await Assertions.Expect(phone.Locator("[data-testid=status-state]")).ToContainTextAsync("等候");
        await phone.ScreenshotAsync("ticket-status-phone");
        await phone.Context.CloseAsync();
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AfterACrashBetweenCommitAndAnswerTheReloadedKioskPrintsTheCommittedTicketNotASecond()
    {
        var page = await KioskAsync(1280, 1024);
        // As the page leaves it before asking: the request's key. The server commits, and the answer never arrives.
        const string key = "e2e-unanswered-request";
        await page.EvaluateAsync("k => localStorage.setItem('opsconsole.kiosk.pendingRequest', JSON.stringify({ key: k, at: Date.now() }))", key);
        using var api = new HttpClient { BaseAddress = new Uri(fx.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", DemoDevices.KioskToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/kiosk/tickets")
        {
            Content = new StringContent("""{ "queue": "BDC" }""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        var committed = System.Text.Json.JsonDocument.Parse(await (await api.SendAsync(request)).Content.ReadAsStringAsync())
            .RootElement.GetProperty("number").GetString()!;
        int Count(OpsDbContext db) => db.Set<Ticket>().Count();
        int before;
        await using (var db = fx.App.CreateDbContext()) before = Count(db);

        await page.ReloadAsync();

        await Assertions.Expect(page.Locator("[data-testid=issued-number]")).ToHaveTextAsync(committed);
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('opsconsole.kiosk.pendingRequest')"));
        await using (var db = fx.App.CreateDbContext()) Assert.Equal(before, Count(db));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnAnsweredRequestLeavesNoKeyBehind()
    {
        var page = await KioskAsync(1280, 1024);
        await page.ClickAsync("[data-testid=queue-tile][data-queue=BDC]");
        await page.ClickAsync("[data-testid=skip-id]");
        await Assertions.Expect(page.Locator("[data-testid=issued-number]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^A\\d{3}$"));
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('opsconsole.kiosk.pendingRequest')"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AQueueThatNoOpenWindowServesSaysSoOnTheKiosk()
    {
        await TestQueues.AddAsync(fx.App, "XWCK", "XW", "无人值守业务");
        var page = await KioskAsync(1920, 1080);

        var tile = page.Locator("[data-testid=queue-tile][data-queue=XWCK]");
        await Assertions.Expect(tile).ToBeDisabledAsync();
        await Assertions.Expect(tile.Locator("[data-testid=queue-reason]")).ToHaveTextAsync("暂无窗口办理此业务，请咨询导办台。");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AStoppedQueueLooksUnavailableAndACheckInErrorIsReadable()
    {
        await using (var db = fx.App.CreateDbContext())
        {
            var queue = await db.Set<ServiceQueue>().SingleAsync(q => q.Code == "WJ");
            queue.StopIssuing("系统维护");
            await db.SaveChangesAsync();
        }
        try
        {
            var page = await KioskAsync(1366, 768);
            var tile = page.Locator("[data-testid=queue-tile][data-queue=WJ]");
            await Assertions.Expect(tile).ToBeDisabledAsync();
            await Assertions.Expect(tile).ToContainTextAsync("该业务暂停取号：系统维护");
            await page.ScreenshotAsync("kiosk-menu-1366");

            await page.ClickAsync("[data-testid=check-in]");
            foreach (var key in "12345678") await page.ClickAsync($"[data-key='{key}']");
            await page.ScreenshotAsync("kiosk-booking-1366");
            await page.ClickAsync("[data-testid=confirm-check-in]");
            await Assertions.Expect(page.Locator("[data-testid=kiosk-error]")).ToContainTextAsync("没有找到该预约码");
            await page.ScreenshotAsync("kiosk-error-1366");
            await page.Context.CloseAsync();
        }
        finally
        {
            await using var db = fx.App.CreateDbContext();
            (await db.Set<ServiceQueue>().SingleAsync(q => q.Code == "WJ")).ResumeIssuing();
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task AManagerIssuesAGreenChannelTicketAndBooksAnAppointment()
    {
        var page = await fx.NewPageAsync(1366, 768);
        await page.SignInAsync(fx.BaseUrl, DemoAccounts.ByRole[Roles.Manager], DemoAccounts.Password);
        Assert.Equal(1, await page.Locator("a[href='green-channel']").CountAsync());
        await page.GotoAsync(fx.BaseUrl + "/green-channel");
        await page.WaitForSelectorAsync("[data-reason=elderly]", new() { Timeout = 60000 });
        await page.WaitForCircuitAsync();
        await page.ClickAsync("[data-reason=elderly]");
        await page.ClickAsync("button[data-queue=SB]");
        await page.ClickAsync("[data-testid=green-issue]");
        await Assertions.Expect(page.Locator("[data-testid=green-number]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z]\\d{3}$"));
        Assert.Equal(1, await page.Locator("[data-testid=ticket-slip] svg").CountAsync());
        await page.ScreenshotAsync("green-channel-1366");

        await page.GotoAsync(fx.BaseUrl + "/appointments");
        await page.WaitForSelectorAsync("[data-testid=add-slot]", new() { Timeout = 60000 });
        await page.WaitForCircuitAsync();
        await page.SelectOptionAsync("[data-testid=slot-queue]", "BDC");
        await page.FillAsync("[data-testid=slot-start]", "14:00");
        await page.FillAsync("[data-testid=slot-end]", "14:30");
        await page.ClickAsync("[data-testid=add-slot]");
        await Assertions.Expect(page.Locator("[data-testid=appt-notice]")).ToContainTextAsync("14:00");
        await page.Locator("[data-testid=book-slot]").First.ClickAsync();
        await page.FillAsync("[data-testid=book-id]", "110105194912310011");
        await page.ClickAsync("[data-testid=book-confirm]");
        await Assertions.Expect(page.Locator("[data-testid=booking-code]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^\\d{9}$"));
        await page.ScreenshotAsync("appointments-booked-1366");
        await page.ClickAsync("[data-testid=book-close]");
        await page.SetViewportSizeAsync(1920, 1080);
        await page.ScreenshotAsync("appointments-1920");
        await page.Context.CloseAsync();
    }
}

public static class KioskPageActions
{
    /// <summary>The kiosk opens on the item finder (issue 10); queue tiles are one touch away, once interactive.</summary>
    public static async Task ShowQueueTilesAsync(this IPage page)
    {
        await page.WaitForSelectorAsync("[data-testid=mode-queues]");
        await page.WaitForCircuitAsync();
        await page.ClickAsync("[data-testid=mode-queues]");
        await page.WaitForSelectorAsync("[data-testid=queue-tile]");
    }
}
