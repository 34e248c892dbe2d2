using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpsConsole.Auth;
using OpsConsole.Data;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>
/// In Chromium: a manager sees which guides are incomplete, prints a department's guides as one PDF with
/// progress, issues a certificate and downloads the year's certificates as one PDF; a phone opens the QR link.
/// </summary>
[Collection("browser")]
public sealed class PrintingTests
{
    [Fact]
    public async Task AManagerPrintsGuidesAndCertificatesAndAPhoneVerifiesTheQr()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db, kestrelPort: 0);
        var baseUrl = app.BaseUrl;
        string departmentName, incompleteCode;
        int departmentItems;
        await using (var ctx = app.CreateDbContext())
        {
            var item = await ctx.ServiceItems.Include(i => i.Department).OrderBy(i => i.Code).FirstAsync();
            item.Phone = "";
            await ctx.SaveChangesAsync();
            incompleteCode = item.Code;
            departmentName = item.Department!.Name;
            departmentItems = await ctx.ServiceItems.CountAsync(i => i.DepartmentId == item.DepartmentId && i.Active);
        }
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserFixture.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.SignInAsync(baseUrl, DemoAccounts.ByRole[Roles.Manager], DemoAccounts.Password);

        // The list shows the incomplete guide; the batch dialog prints the department's tri-folds.
        await page.GotoAsync(baseUrl + "/catalog/items");
        await page.WaitForCircuitAsync();
        await page.GetByText("只看不完整的指南").ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync(incompleteCode);
        await Assertions.Expect(page.Locator("[data-testid=guide-incomplete]")).ToContainTextAsync("缺 1 项");
        await page.ScreenshotAsync("printing-items-incomplete");

        await page.ClickAsync("[data-testid=print-guides]");
        await page.ClickAsync("[data-testid=batch-scope]");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = departmentName }).First.ClickAsync();
        // The choice has reached the server (the select shows it) before the batch starts.
        await Assertions.Expect(page.Locator("input[data-testid=batch-scope]")).ToHaveValueAsync(departmentName);
        await page.ClickAsync("[data-testid=batch-start]");
        var download = page.Locator("[data-testid=print-download]");
        await Assertions.Expect(download).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await page.ScreenshotAsync("printing-guides-batch-done");
        var guidesPdf = await FetchPdfAsync(page, baseUrl + await download.GetAttributeAsync("href"), "e2e-guides-batch.pdf");
        Assert.True(await PdfTools.PageCountAsync(guidesPdf) >= departmentItems + 2, "cover, contents and every guide of the department");
        var cover = await PdfTools.TextAsync(guidesPdf, 1, 1);
        Assert.Contains("政务服务事项办事指南汇编", cover);
        Assert.Contains(departmentName, cover); // the department chosen, not the whole center
        Assert.Contains("【缺：咨询电话】", await PdfTools.TextAsync(guidesPdf));
        await page.Keyboard.PressAsync("Escape");

        // A certificate issued and numbered, then the year's certificates as one PDF.
        await page.GotoAsync(baseUrl + "/awards/certificates");
        await page.WaitForCircuitAsync();
        await page.FillAsync("[data-testid=cert-holder]", "综合受理区5号窗口");
        await page.FillAsync("[data-testid=cert-period]", "2026年第四季度");
        await page.ClickAsync("[data-testid=cert-issue]");
        var row = page.Locator("tbody tr", new() { HasText = "综合受理区5号窗口" });
        await Assertions.Expect(row).ToContainTextAsync("滨政服旗〔2026〕第004号"); // the demo issued 001–003
        await page.ClickAsync("[data-testid=cert-batch]");
        await Assertions.Expect(download).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await page.ScreenshotAsync("printing-certificates");
        int valid;
        string code;
        await using (var ctx = app.CreateDbContext())
        {
            valid = await ctx.HonorCertificates.CountAsync(c => c.Year == 2026 && c.RevokedAt == null);
            code = await ctx.HonorCertificates.Where(c => c.HolderName == "综合受理区5号窗口").Select(c => c.VerifyCode).SingleAsync();
        }
        var certificatesPdf = await FetchPdfAsync(page, baseUrl + await download.GetAttributeAsync("href"), "e2e-certificates-2026.pdf");
        Assert.Equal(valid, await PdfTools.PageCountAsync(certificatesPdf));
        var qrs = new List<string>();
        for (var p = 1; p <= valid; p++) qrs.AddRange(await PdfTools.QrCodesAsync(certificatesPdf, p));
        var link = Assert.Single(qrs, q => q.EndsWith("/verify/" + code));

        // A phone opens the link from the QR code: no sign-in.
        var phone = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, Locale = "zh-CN" });
        var phonePage = await phone.NewPageAsync();
        await phonePage.GotoAsync(link);
        await Assertions.Expect(phonePage.Locator("[data-testid=verify-valid]")).ToBeVisibleAsync();
        await Assertions.Expect(phonePage.Locator("[data-testid=verify-found]")).ToContainTextAsync("综合受理区5号窗口");
        await phonePage.ScreenshotAsync("printing-verify-phone");
        await phonePage.GotoAsync(baseUrl + "/guide/" + incompleteCode);
        await Assertions.Expect(phonePage.Locator("[data-testid=guide-gaps]")).ToContainTextAsync("咨询电话");
        await phonePage.ScreenshotAsync("printing-guide-phone");
    }

    private static async Task<string> FetchPdfAsync(IPage page, string url, string name)
    {
        var response = await page.Context.APIRequest.GetAsync(url);
        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, await response.BodyAsync());
        return path;
    }
}
