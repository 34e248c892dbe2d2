using Microsoft.Playwright;
using OpsConsole.Auth;
using OpsConsole.Tests.Infrastructure;
using OtpNet;

namespace OpsConsole.Tests.E2E;

/// <summary>The app as a center runs it: admins and HR need a second factor.</summary>
public sealed class TwoFactorBrowserFixture : BrowserFixture
{
    protected override IReadOnlyDictionary<string, string> Settings =>
        new Dictionary<string, string> { ["Auth:TwoFactor:RequiredRoles"] = "Admin,HR" };
}

/// <summary>
/// HR's first sign-in in Chromium: the enrolment page (QR code, key, code), the recovery codes, the console,
/// 账号安全 from the console's top bar; then a sign-in with a recovery code (ADR 0031).
/// </summary>
[Collection("browser")]
public sealed class TwoFactorBrowserTests(TwoFactorBrowserFixture fx) : IClassFixture<TwoFactorBrowserFixture>
{
    [Fact]
    public async Task HR_enrols_at_the_first_sign_in_then_signs_in_with_a_recovery_code()
    {
        var hr = DemoAccounts.ByRole[Roles.HR];
        var page = await fx.NewPageAsync();
        await page.SignInAsync(fx.BaseUrl, hr, DemoAccounts.Password);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/two-factor"));
        await Assertions.Expect(page.GetByTestId("two-factor-required")).ToContainTextAsync("必须使用两步验证");
        await Assertions.Expect(page.Locator(".acct-qr svg")).ToBeVisibleAsync();
        await page.ScreenshotAsync("account-two-factor-enrol");

        var key = (await page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", "").ToUpperInvariant();
        var code = new OtpNet.Totp(Base32Encoding.ToBytes(key)).ComputeTotp(fx.App.Clock.GetUtcNow().UtcDateTime);
        await page.GetByTestId("enrol-code").FillAsync(code);
        await page.GetByTestId("enrol-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        var recovery = await page.GetByTestId("recovery-codes").Locator("li").First.InnerTextAsync();
        await page.ScreenshotAsync("account-two-factor-recovery-codes");

        await page.GetByTestId("two-factor-continue").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/"));
        await page.WaitForCircuitAsync();
        await page.GetByTestId("account-security").ClickAsync();
        await Assertions.Expect(page.GetByTestId("two-factor-on")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("剩余可用恢复码：10 个。");
        await page.Context.CloseAsync();

        var next = await fx.NewPageAsync();
        await next.GotoAsync(fx.BaseUrl + "/account/login");
        await next.FillAsync("#username", hr);
        await next.FillAsync("#password", DemoAccounts.Password);
        await next.ClickAsync("[data-testid=login-submit]");
        await Assertions.Expect(next).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login/two-factor"));
        await next.ScreenshotAsync("account-two-factor-code");
        await next.GetByTestId("use-recovery-code").ClickAsync();
        // The link loads the page again in recovery mode: fill the field of that page, not of the one it replaces.
        await Assertions.Expect(next.GetByTestId("use-authenticator")).ToBeVisibleAsync();
        await next.GetByTestId("two-factor-code").FillAsync(recovery);
        await next.GetByTestId("two-factor-submit").ClickAsync();
        await next.WaitForURLAsync(url => !url.Contains("/account/"));
        await next.WaitForCircuitAsync();
        await next.Context.CloseAsync();
    }
}
