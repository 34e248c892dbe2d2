using Microsoft.Playwright;
using OpsConsole.Data.Seeding;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>
/// A queue with a two-letter prefix at the kiosk, on the slip, the status page and the public
/// live wait page. Its own app (fixture), so the demo's kiosk screenshots keep their 14 queues.
/// </summary>
[Collection("browser")]
public sealed class TwoLetterKioskTests(KioskBrowserFixture fx) : IClassFixture<KioskBrowserFixture>
{
    [Fact]
    public async Task TheKioskIssuesBD001OnATwoLetterQueueAndEveryPageShowsItWhole()
    {
        await TestQueues.AddAsync(fx.App, "BDDY", "BD", "不动产抵押", routeToWindow: 1);

        foreach (var (width, height) in new[] { (1366, 768), (1920, 1080) })
        {
            var menu = await fx.NewPageAsync(width, height);
            await menu.GotoAsync(fx.BaseUrl + $"/device/activate?token={DemoDevices.KioskToken}");
            await menu.ShowQueueTilesAsync();
            var tile = menu.Locator("[data-testid=queue-tile][data-queue=BDDY]");
            await Assertions.Expect(tile.Locator(".kiosk-tile-prefix")).ToHaveTextAsync("BD");
            Assert.True(await PrefixesFitAsync(menu, ".kiosk-tile-prefix"), $"a kiosk prefix overflows its badge at {width}×{height}");
            await menu.Context.CloseAsync();
        }

        var page = await fx.NewPageAsync(1366, 768);
        await page.GotoAsync(fx.BaseUrl + $"/device/activate?token={DemoDevices.KioskToken}");
        await page.ShowQueueTilesAsync();
        await page.Locator("[data-testid=queue-tile][data-queue=BDDY]").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync("kiosk-menu-two-letters-1366");
        await page.ClickAsync("[data-testid=queue-tile][data-queue=BDDY]");
        await page.WaitForSelectorAsync("[data-testid=keypad]");
        await page.ClickAsync("[data-testid=skip-id]");
        await Assertions.Expect(page.Locator("[data-testid=issued-number]")).ToHaveTextAsync("BD001");
        await page.ScreenshotAsync("kiosk-issued-two-letters-1366");
        var slip = page.Locator("[data-testid=ticket-slip]");
        Assert.Equal("BD001", await slip.Locator("[data-testid=slip-number]").TextContentAsync());
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.True(await page.EvaluateAsync<bool>("() => { const n = document.querySelector('[data-testid=slip-number]'); return n.clientWidth > 0 && n.scrollWidth <= n.clientWidth; }"),
            "the slip's number is wider than the 80 mm slip");
        await page.ScreenshotAsync("kiosk-slip-two-letters-print");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        var statusUrl = await slip.GetAttributeAsync("data-status-url");
        await page.Context.CloseAsync();

        var phone = await fx.NewPageAsync(390, 844);
        await phone.GotoAsync(statusUrl!);
        await Assertions.Expect(phone.Locator("[data-testid=status-number]")).ToHaveTextAsync("BD001");
        await phone.ScreenshotAsync("ticket-status-two-letters-phone");
        await phone.GotoAsync(fx.BaseUrl + "/wait");
        await Assertions.Expect(phone.Locator("[data-testid=public-wait] .public-prefix", new() { HasText = "BD" })).ToHaveCountAsync(1);
        Assert.True(await PrefixesFitAsync(phone, ".public-prefix"), "a prefix overflows its badge on the live wait page");
        await phone.ScreenshotAsync("public-wait-two-letters-phone");
        await phone.Context.CloseAsync();
    }

    private static Task<bool> PrefixesFitAsync(IPage page, string selector) =>
        page.EvaluateAsync<bool>("s => [...document.querySelectorAll(s)].every(p => p.scrollWidth <= p.clientWidth + 1)", selector);
}
