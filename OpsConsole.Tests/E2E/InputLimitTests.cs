using Microsoft.Playwright;
using OpsConsole.Auth;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>
/// A 10,000-character name once dropped the page's connection and the edit with it (a circuit
/// message is limited to 32 KB): every text field is limited in the browser, and the user is told.
/// </summary>
[Collection("browser")]
public sealed class InputLimitTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnOverlongNameIsCutAndTheUserToldAndThePageStaysConnected()
    {
        var page = await fx.NewPageAsync();
        await page.SignInAsync(fx.BaseUrl, DemoAccounts.ByRole[Roles.Admin], DemoAccounts.Password);
        await page.GotoAsync(fx.BaseUrl + "/admin/accounts");
        await page.WaitForCircuitAsync();
        await page.ClickAsync("[data-testid=new-account]");
        await page.WaitForSelectorAsync("[data-testid=acc-name]");

        await page.FillAsync("[data-testid=acc-employee-no]", "LONG01");
        await page.FillAsync("[data-testid=acc-name]", new string('长', 10_000));
        await Assertions.Expect(page.Locator("#input-limit-notice")).ToContainTextAsync("最多 500 个字");
        Assert.Equal(500, (await page.InputValueAsync("[data-testid=acc-name]")).Length);
        await page.FillAsync("[data-testid=acc-password]", "a long passphrase 2026");

        // The page is still connected: saving reaches the server, which names the name's real limit.
        await page.ClickAsync("[data-testid=save]");
        await Assertions.Expect(page.Locator(".mud-dialog .mud-input-control:has([data-testid=acc-name]) .mud-input-helper-text.mud-input-error"))
            .ToContainTextAsync("姓名不能超过");
        Assert.Equal(0, await page.Locator("#components-reconnect-modal.components-reconnect-show, #components-reconnect-modal[open]").CountAsync());
        await page.Context.CloseAsync();
    }
}
