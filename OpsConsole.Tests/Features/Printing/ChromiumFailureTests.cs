using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Auth;
using OpsConsole.Data;
using OpsConsole.Printing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Printing;

/// <summary>Without Chromium the user reads why in Chinese and the print view still works; a dead browser is replaced.</summary>
public sealed class ChromiumFailureTests
{
    [Fact]
    public async Task WithoutChromiumThePdfAnswersAChineseMessageAndThePrintViewStillWorks()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db) { Settings = new Dictionary<string, string> { ["Printing:ChromiumPath"] = "/nonexistent/chromium" } };
        using var client = await HttpSignIn.SignedInClientAsync(app, DemoAccounts.ByRole[Roles.Manager], DemoAccounts.Password);
        int id;
        await using (var ctx = app.CreateDbContext()) id = await ctx.ServiceItems.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();

        var pdf = await client.GetAsync(PrintEndpoints.GuidePdf(id, GuideLayout.A4));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
        var body = await pdf.Content.ReadAsStringAsync();
        Assert.Contains("服务器上没有可用的 Chromium，暂时不能生成 PDF。", body);
        Assert.Contains(WebUtility.HtmlEncode(PrintEndpoints.GuideView(id, GuideLayout.A4)), body);

        var view = await client.GetAsync(PrintEndpoints.GuideView(id, GuideLayout.A4));
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
    }

    [Fact]
    public async Task ABrowserThatWentAwayIsReplacedOnTheNextPrint()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db);
        _ = app.Server;
        var chromium = app.Services.GetRequiredService<ChromiumPdf>();
        int id;
        await using (var ctx = app.CreateDbContext()) id = await ctx.ServiceItems.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();

        async Task<int> PrintAsync()
        {
            using var scope = app.Services.CreateScope();
            var printer = scope.ServiceProvider.GetRequiredService<Printer>();
            var guides = scope.ServiceProvider.GetRequiredService<GuidePrinting>();
            var item = (await guides.ItemAsync(id))!;
            var pdf = await printer.ToPdfFileAsync(doc => guides.WriteDocumentAsync(doc, item, GuideLayout.A4, printer.FileAssetBase, "http://localhost"),
                PdfLayout.Portrait, default);
            try { return await PdfTools.PageCountAsync(pdf); }
            finally { File.Delete(pdf); }
        }

        Assert.True(await PrintAsync() >= 1);
        Assert.True(await PrintAsync() >= 1);
        Assert.Equal(1, chromium.Launches); // pooled: the second print reused the browser

        await chromium.CurrentBrowser!.CloseAsync(); // the browser goes away (as after a crash)
        Assert.True(await PrintAsync() >= 1);
        Assert.Equal(2, chromium.Launches);
    }
}
