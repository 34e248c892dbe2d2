using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpsConsole.Auth;
using OpsConsole.Data;
using OpsConsole.Tests.Features.Awards;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>
/// In Chromium (clock pinned to 23 November 2026): a duty officer votes; a manager opens the third quarter's red-flag
/// windows, sees the vetoed window barred, drops a proposed window with a written reason, confirms, and downloads the
/// round's certificates as one PDF; a phone opens a certificate's QR link and votes from the hall's QR page.
/// Screenshots go to docs/screenshots/awards.
/// </summary>
[Collection("browser")]
public sealed class AwardsFlowTests
{
    [Fact]
    public async Task AManagerConfirmsAQuartersRedFlagWindowsAndDownloadsTheirCertificates()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db, kestrelPort: 0);
        var baseUrl = app.BaseUrl;
        AwardTestData data;
        await using (var ctx = app.CreateDbContext()) data = await AwardTestData.PublishThirdQuarterAsync(ctx);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserFixture.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.SignInAsync(baseUrl, DemoAccounts.ByRole[Roles.Manager], DemoAccounts.Password);

        // The duty officers' ballot for the current quarter (the composite's 20 %).
        await page.GotoAsync(baseUrl + "/awards/ballot");
        await page.WaitForCircuitAsync();
        var poll = page.Locator("[data-testid=ballot-poll][data-rule=red-flag-quarter]");
        await poll.Locator("[data-testid=ballot-choice]", new() { HasText = data.Windows[3].Name }).First.Locator("input").ClickAsync(new() { Force = true });
        await poll.Locator("[data-testid=ballot-cast]").ClickAsync();
        await Assertions.Expect(poll.Locator("[data-testid=ballot-done]")).ToContainTextAsync(data.Windows[3].Name);
        await Shot(page, "awards-duty-ballot");

        // The third quarter's proposal: every component, the vetoed window barred.
        await page.GotoAsync(baseUrl + "/awards?rule=red-flag-quarter&period=2026-Q3");
        await page.WaitForCircuitAsync();
        var rows = page.Locator("[data-testid=proposal-row]");
        await Assertions.Expect(rows).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator($"[data-testid=proposal-row][data-subject='{data.Vetoed.Id}']")).ToContainTextAsync("一票否决：红牌");
        await Assertions.Expect(page.Locator("[data-testid=proposal-row][data-proposed=true]")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("[data-testid=award-months]")).ToContainTextAsync("7月、8月、9月");

        // Dropping a proposed window needs a written reason.
        var dropped = page.Locator($"[data-testid=proposal-row][data-subject='{data.Windows[4].Id}']");
        await dropped.Locator("input[type=checkbox]").ClickAsync(new() { Force = true });
        await Assertions.Expect(dropped.Locator("input[data-testid=award-reason]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=award-confirm]");
        await Assertions.Expect(page.Locator("[data-testid=form-error]")).ToContainTextAsync("书面理由");
        await dropped.Locator("input[data-testid=award-reason]").FillAsync("该窗口本季度整改未验收");
        await Shot(page, "awards-proposal");
        await page.ClickAsync("[data-testid=award-confirm]");
        await Assertions.Expect(page.Locator("[data-testid=award-confirmed]")).ToBeVisibleAsync();

        // The round's certificates as one PDF: one page each, the QR decodes to the verification page.
        await page.ClickAsync("[data-testid=award-certificates]");
        var download = page.Locator("[data-testid=print-download]");
        await Assertions.Expect(download).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Shot(page, "awards-confirmed");
        List<(string Holder, string Code, string Number)> issued;
        await using (var ctx = app.CreateDbContext())
        {
            issued = (await (from a in ctx.Awards join c in ctx.HonorCertificates on a.CertificateId equals (int?)c.Id
                             where a.PeriodKey == "2026-Q3" orderby a.Place select new { c.HolderName, c.VerifyCode, c.Number }).ToListAsync())
                .Select(x => (x.HolderName, x.VerifyCode, x.Number)).ToList();
        }
        Assert.Equal(3, issued.Count);
        Assert.DoesNotContain(issued, i => i.Holder == data.Windows[4].Name || i.Holder == data.Vetoed.Name);
        var response = await page.Context.APIRequest.GetAsync(baseUrl + await download.GetAttributeAsync("href"));
        Assert.Equal(200, response.Status);
        var pdf = Path.Combine(AppContext.BaseDirectory, "screenshots", "e2e-awards-q3.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(pdf)!);
        await File.WriteAllBytesAsync(pdf, await response.BodyAsync());
        Assert.Equal(3, await PdfTools.PageCountAsync(pdf));
        var text = (await PdfTools.TextAsync(pdf)).Replace(" ", "");
        Assert.Contains("2026年第三季度", text);
        Assert.Contains("红旗窗口", text);
        for (var p = 1; p <= 3; p++)
        {
            Assert.Contains(issued[p - 1].Number, (await PdfTools.TextAsync(pdf, p, p)).Replace(" ", ""));
            var qr = Assert.Single(await PdfTools.QrCodesAsync(pdf, p));
            Assert.EndsWith("/verify/" + issued[p - 1].Code, qr);
        }
        await PdfTools.PagePngAsync(pdf, 1, 50, Path.Combine(ShotDir(), "awards-certificate-p1"));

        // A phone scans the certificate's QR code, then the hall's voting QR code.
        var phone = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, Locale = "zh-CN" });
        var phonePage = await phone.NewPageAsync();
        await phonePage.GotoAsync(baseUrl + "/verify/" + issued[0].Code);
        await Assertions.Expect(phonePage.Locator("[data-testid=verify-valid]")).ToBeVisibleAsync();
        await Assertions.Expect(phonePage.Locator("[data-testid=verify-found]")).ToContainTextAsync(issued[0].Holder);
        await phonePage.GotoAsync(baseUrl + "/vote/red-flag-quarter");
        await phonePage.Locator("[data-testid=vote-choice]").First.CheckAsync();
        await Shot(phonePage, "awards-public-vote-phone");
        await phonePage.ClickAsync("[data-testid=vote-submit]");
        await Assertions.Expect(phonePage.Locator("[data-testid=vote-done]")).ToBeVisibleAsync();
        await phonePage.GotoAsync(baseUrl + "/vote/red-flag-quarter");
        await Assertions.Expect(phonePage.Locator("[data-testid=vote-already]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task HrEditsAnAwardRuleIsRefusedWeightsNotAddingUpAndOpensAPublishedMonthsBulletin()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db, kestrelPort: 0);
        var baseUrl = app.BaseUrl;
        await using (var ctx = app.CreateDbContext()) await AwardTestData.PublishThirdQuarterAsync(ctx);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserFixture.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.SignInAsync(baseUrl, DemoAccounts.ByRole[Roles.HR], DemoAccounts.Password);

        await page.GotoAsync(baseUrl + "/awards/rules");
        await page.WaitForCircuitAsync();
        await page.ClickAsync("[data-testid=rule-edit-red-flag-quarter]");
        var window = page.Locator("input[data-testid=rule-w-window]");
        await window.FillAsync("45");
        await window.BlurAsync();
        await Assertions.Expect(page.Locator("[data-testid=rule-w-sum]")).ToContainTextAsync("115%");
        await page.ClickAsync("[data-testid=rule-publish]");
        await Assertions.Expect(page.Locator("[data-testid=rule-error]")).ToContainTextAsync("各项权重之和须为 100%。");
        await Shot(page, "award-rules-refused");
        var staff = page.Locator("input[data-testid=rule-w-staff]");
        await staff.FillAsync("15");
        await staff.BlurAsync();
        await Assertions.Expect(page.Locator("[data-testid=rule-w-sum]")).ToContainTextAsync("100%");
        await page.ClickAsync("[data-testid=rule-publish]");
        await Assertions.Expect(page.Locator("[data-testid=rule-versions]")).ToContainTextAsync("2026-12");
        await Assertions.Expect(page.Locator("[data-testid=rule-error]")).ToHaveCountAsync(0);
        await Shot(page, "award-rules-published");

        // HR's link to the bulletin: the nav's 考核通报 lists the months; September is published, October not yet.
        await page.ClickAsync("nav a[href='awards/bulletins']");
        await Assertions.Expect(page.Locator("[data-testid='bulletin-2026-09'] [data-testid=bulletin-open]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid='bulletin-2026-10'] [data-testid=bulletin-not-yet]")).ToContainTextAsync("尚未通报");
        await Shot(page, "award-bulletins");
        var bulletin = await page.Context.APIRequest.GetAsync(baseUrl + await page.Locator("[data-testid='bulletin-2026-09'] [data-testid=bulletin-open]").GetAttributeAsync("href"));
        Assert.Equal(200, bulletin.Status);
        Assert.Contains("滨政服通〔2026〕9号", await bulletin.TextAsync());
    }

    private static string ShotDir([CallerFilePath] string source = "")
    {
        var dir = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "docs", "screenshots", "awards"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotToAsync(Path.Combine(ShotDir(), name + ".png"));
}
