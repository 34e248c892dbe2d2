using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Auth;
using OpsConsole.Data;
using OpsConsole.Domain.Awards;
using OpsConsole.Features.Awards;
using OpsConsole.Printing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Printing;

/// <summary>Honor certificates: numbers never reused under concurrency, the PDF (text, QR), the public verification page.</summary>
public sealed class CertificateTests
{
    // The demo seed issued 2026's third-quarter red-flag windows, service models and a civilized window:
    // these tests number kinds it did not use, or another year.
    private static CertificateRequest Request(AwardKind kind, string holder, int year = 0) =>
        new() { Kind = kind, HolderName = holder, Period = "2026年第四季度", Year = year };

    [Fact]
    public Task TwentyConcurrentIssuesGetTwentyDifferentNumbersOnSqlite() => ConcurrentIssuesAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task TwentyConcurrentIssuesGetTwentyDifferentNumbersOnPostgres() => ConcurrentIssuesAsync(DatabaseProvider.Postgres);

    private static async Task ConcurrentIssuesAsync(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new OpsApp(db);
        _ = app.Server;

        async Task<HonorCertificate?> IssueAsync(AwardKind kind, int i)
        {
            using var scope = app.Services.CreateScope();
            var (result, certificate) = await scope.ServiceProvider.GetRequiredService<CertificateDesk>().IssueAsync(Request(kind, $"{i}号窗口"), "BJ0003");
            Assert.True(result.Succeeded, result.Error);
            return certificate;
        }

        var issued = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => Task.Run(() => IssueAsync(AwardKind.CivilizedModel, i)))
            .Append(Task.Run(() => IssueAsync(AwardKind.OutstandingChief, 99))));

        var redFlags = issued.Where(c => c!.Kind == AwardKind.CivilizedModel).ToList();
        Assert.Equal(Enumerable.Range(1, 20), redFlags.Select(c => c!.Sequence).Order());
        Assert.Equal(20, redFlags.Select(c => c!.Number).Distinct().Count());
        Assert.Contains("滨政服明〔2026〕第017号", redFlags.Select(c => c!.Number));
        Assert.Equal("滨政服首〔2026〕第001号", issued.Single(c => c!.Kind == AwardKind.OutstandingChief)!.Number);
        Assert.Equal(21, issued.Select(c => c!.VerifyCode).Distinct().Count());
    }

    [Fact]
    public async Task TheCertificatePdfIsOneLandscapePageWithTheChineseTextAndAQrToVerify()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db);
        using var client = await HttpSignIn.SignedInClientAsync(app, DemoAccounts.ByRole[Roles.Manager], DemoAccounts.Password);
        HonorCertificate certificate;
        using (var scope = app.Services.CreateScope())
        {
            certificate = (await scope.ServiceProvider.GetRequiredService<CertificateDesk>().IssueAsync(Request(AwardKind.OutstandingChief, "张立新"), "BJ0003")).Certificate!;
        }

        var response = await client.GetAsync(PrintEndpoints.CertificatePdf(certificate.Id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = GuidePdfTests.Output("certificate.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(1, await PdfTools.PageCountAsync(pdf));
        Assert.Equal((842, 595), await PdfTools.PageSizeAsync(pdf));
        var text = (await PdfTools.TextAsync(pdf)).Replace(" ", "");
        Assert.Contains("荣誉证书", text);
        Assert.Contains("张立新", text);
        Assert.Contains("优秀首席代表", text);
        Assert.Contains("滨政服首〔2026〕第001号", text);
        Assert.Contains(ChineseDate.Of(certificate.IssuedOn), text);
        Assert.Equal(["http://localhost/verify/" + certificate.VerifyCode], await PdfTools.QrCodesAsync(pdf, 1));
        await PdfTools.PagePngAsync(pdf, 1, 60, GuidePdfTests.Output("certificate"));
    }

    [Fact]
    public async Task AYearsBatchHasOnePagePerValidCertificate()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db);
        _ = app.Server;
        using var scope = app.Services.CreateScope();
        var desk = scope.ServiceProvider.GetRequiredService<CertificateDesk>();
        var ids = new List<int>();
        for (var i = 1; i <= 12; i++) ids.Add((await desk.IssueAsync(Request(i % 2 == 0 ? AwardKind.ServiceModel : AwardKind.RedFlagWindow, $"获奖者{i}", 2027), "BJ0003")).Certificate!.Id);
        Assert.True((await desk.RevokeAsync(ids[0], "复核撤销", "BJ0003")).Succeeded);

        var printer = scope.ServiceProvider.GetRequiredService<Printer>();
        var printing = scope.ServiceProvider.GetRequiredService<CertificatePrinting>();
        var seen = new List<PrintProgress>();
        var pdf = await printing.PrintBatchAsync(2027, null, null, "http://localhost", new SyncProgress(seen.Add), default);
        try
        {
            Assert.Equal(11, await PdfTools.PageCountAsync(pdf));
            Assert.Equal(new PrintProgress(11, 11), seen[^1]);
            var text = await PdfTools.TextAsync(pdf);
            Assert.DoesNotContain("获奖者1\n", text);
            Assert.Contains("获奖者12", text);
        }
        finally
        {
            File.Delete(pdf);
        }

        // The same batch four certificates per Chromium print: three chunks merged into one PDF, each page
        // with its holder's name and its own QR to the verification page.
        var chunks = 0;
        var merged = await printer.BatchToPdfFileAsync(PaperLayout.A4Landscape, PdfLayout.LandscapePlain, 4, async batch =>
        {
            await printing.WriteBatchAsync(batch, 2027, null, null, "http://localhost", null, default);
            chunks = batch.ChunksPrinted;
        }, default);
        try
        {
            Assert.Equal(2, chunks); // 4 + 4 printed while writing, the last 3 by FinishAsync
            Assert.Equal(11, await PdfTools.PageCountAsync(merged));
            Assert.Equal((842, 595), await PdfTools.PageSizeAsync(merged));
            List<HonorCertificate> printed;
            await using (var read = app.CreateDbContext())
            {
                printed = read.HonorCertificates.Where(c => c.Year == 2027 && c.RevokedAt == null).OrderBy(c => c.Kind).ThenBy(c => c.Sequence).ToList();
            }
            foreach (var page in new[] { 1, 5, 11 })
            {
                var certificate = printed[page - 1];
                var text = (await PdfTools.TextAsync(merged, page, page)).Replace(" ", "");
                Assert.Contains("荣誉证书", text);
                Assert.Contains(certificate.HolderName, text);
                Assert.Contains(certificate.Number, text);
                Assert.Equal(["http://localhost/verify/" + certificate.VerifyCode], await PdfTools.QrCodesAsync(merged, page));
            }
            await PdfTools.PagePngAsync(merged, 11, 60, GuidePdfTests.Output("certificates-merged-last"));
        }
        finally
        {
            File.Delete(merged);
        }
    }

    [Fact]
    public async Task TheVerificationPageShowsValidRevokedOrNotFoundWithoutSignIn()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db);
        HonorCertificate valid, revoked;
        using (var scope = app.Services.CreateScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<CertificateDesk>();
            valid = (await desk.IssueAsync(Request(AwardKind.ServiceModel, "王晓梅"), "BJ0003")).Certificate!;
            revoked = (await desk.IssueAsync(Request(AwardKind.ServiceModel, "李建国"), "BJ0003")).Certificate!;
            Assert.True((await desk.RevokeAsync(revoked.Id, "复核撤销", "BJ0003")).Succeeded);
            Assert.False((await desk.RevokeAsync(revoked.Id, "again", "BJ0003")).Succeeded);
        }
        using var anonymous = HttpSignIn.NewClient(app);

        var ok = await anonymous.GetStringAsync("/verify/" + valid.VerifyCode);
        Assert.Contains("data-testid=\"verify-valid\"", ok);
        Assert.Contains("王晓梅", ok);
        Assert.Contains(WebUtility.HtmlEncode("2026年第四季度“服务标兵”"), ok);
        Assert.Matches(@"滨政服标〔2026〕第\d{3}号", ok);
        Assert.DoesNotContain("BJ0003", ok); // nothing about who issued it inside the center

        var lower = await anonymous.GetStringAsync("/verify/" + valid.VerifyCode.ToLowerInvariant());
        Assert.Contains("data-testid=\"verify-valid\"", lower);

        var gone = await anonymous.GetStringAsync("/verify/" + revoked.VerifyCode);
        Assert.Contains("data-testid=\"verify-revoked\"", gone);
        Assert.Contains("该证书已撤销", gone);
        Assert.DoesNotContain("复核撤销", gone); // the reason stays inside

        var unknown = await anonymous.GetStringAsync("/verify/ZZZZZZZZZZ");
        Assert.Contains("未找到该证书", unknown);
    }

    [Fact]
    public async Task StaffCannotOpenPrintViewsOrPdfs()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db);
        using var client = await HttpSignIn.SignedInClientAsync(app, DemoAccounts.ByRole[Roles.WindowStaff], DemoAccounts.Password);
        foreach (var url in new[] { PrintEndpoints.GuideView(1, GuideLayout.A4), PrintEndpoints.GuidePdf(1, GuideLayout.TriFold), PrintEndpoints.CertificatePdf(1) })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{url}: {(int)response.StatusCode}");
            Assert.DoesNotContain("application/pdf", response.Content.Headers.ContentType?.MediaType ?? "");
        }
        using var anonymous = HttpSignIn.NewClient(app);
        var anon = await anonymous.GetAsync(PrintEndpoints.GuidePdf(1, GuideLayout.A4));
        Assert.NotEqual(HttpStatusCode.OK, anon.StatusCode);
    }

    private sealed class SyncProgress(Action<PrintProgress> report) : IProgress<PrintProgress>
    {
        public void Report(PrintProgress value) => report(value);
    }
}
