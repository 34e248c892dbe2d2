using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Data;
using OpsConsole.Printing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Printing;

/// <summary>Service guides as real PDFs from the pooled Chromium: pages, text, QR; the public guide page; gaps marked.</summary>
public sealed class GuidePdfTests(SqliteAppFixture fx) : IClassFixture<SqliteAppFixture>
{
    public static string Output(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots", "printing");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    private async Task<(int Id, string Code, string Name)> ItemAsync(string code)
    {
        await using var db = fx.App.CreateDbContext();
        var item = await db.ServiceItems.AsNoTracking().Where(i => i.Code.StartsWith(code)).OrderBy(i => i.Code).FirstAsync();
        return (item.Id, item.Code, item.Name);
    }

    private async Task<string> DownloadAsync(HttpClient client, string url, string name)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var path = Output(name);
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        return path;
    }

    [Fact]
    public async Task TheA4GuideIsAPdfWithTheItemsChineseTextPageNumbersAndAQrToThePublicGuide()
    {
        var item = await ItemAsync("");
        using var client = await HttpSignIn.SignedInClientAsync(fx.App, DemoAccounts.ByRole[OpsConsole.Auth.Roles.Manager], DemoAccounts.Password);

        var pdf = await DownloadAsync(client, PrintEndpoints.GuidePdf(item.Id, GuideLayout.A4), "guide-a4.pdf");

        Assert.Equal((595, 842), await PdfTools.PageSizeAsync(pdf));
        var pages = await PdfTools.PageCountAsync(pdf);
        Assert.InRange(pages, 1, 3);
        var text = await PdfTools.TextAsync(pdf);
        Assert.Contains(item.Name[..6], text);
        Assert.Contains("政务服务事项办事指南", text);
        Assert.Contains("申请材料", text);
        // pdftotext drops the spaces between Chinese and digits: "第 1 页 共 2 页" reads "第1页共2页".
        Assert.Contains($"第1页共{pages}页", text.Replace(" ", ""));
        Assert.Contains("http://localhost/guide/" + item.Code, await PdfTools.QrCodesAsync(pdf, pages));
        await PdfTools.PagePngAsync(pdf, 1, 60, Output("guide-a4-page1"));
    }

    [Fact]
    public async Task TheTriFoldIsTwoLandscapeSidesWithTheQr()
    {
        var item = await ItemAsync("");
        using var client = await HttpSignIn.SignedInClientAsync(fx.App, DemoAccounts.ByRole[OpsConsole.Auth.Roles.Manager], DemoAccounts.Password);

        var pdf = await DownloadAsync(client, PrintEndpoints.GuidePdf(item.Id, GuideLayout.TriFold), "guide-trifold.pdf");

        Assert.Equal(2, await PdfTools.PageCountAsync(pdf));
        Assert.Equal((842, 595), await PdfTools.PageSizeAsync(pdf));
        Assert.Contains("扫码查看完整在线指南", await PdfTools.TextAsync(pdf, 1, 1));
        Assert.Contains("申请材料", await PdfTools.TextAsync(pdf, 2, 2));
        Assert.Equal(["http://localhost/guide/" + item.Code], await PdfTools.QrCodesAsync(pdf, 1));
        await PdfTools.PagePngAsync(pdf, 1, 60, Output("guide-trifold-outside"));
        await PdfTools.PagePngAsync(pdf, 2, 60, Output("guide-trifold-inside"));
    }

    [Fact]
    public async Task TheBrowserPrintViewIsHtmlWithTheToolbar()
    {
        var item = await ItemAsync("");
        using var client = await HttpSignIn.SignedInClientAsync(fx.App, DemoAccounts.ByRole[OpsConsole.Auth.Roles.Manager], DemoAccounts.Password);

        var html = await client.GetStringAsync(PrintEndpoints.GuideView(item.Id, GuideLayout.A4));

        Assert.Contains("data-testid=\"print-toolbar\"", html);
        Assert.Contains("css/print.css", html);
        Assert.Contains(WebUtility.HtmlEncode(item.Name), html);
    }

    [Fact]
    public async Task AGuideWithMissingElementsIsPrintedWithTheGapsMarked()
    {
        var item = await ItemAsync("");
        await using (var db = fx.App.CreateDbContext())
        {
            var entity = await db.ServiceItems.OrderBy(i => i.Code).Skip(1).FirstAsync();
            entity.Phone = "";
            entity.Basis = "";
            await db.SaveChangesAsync();
            item = (entity.Id, entity.Code, entity.Name);
        }
        using var client = await HttpSignIn.SignedInClientAsync(fx.App, DemoAccounts.ByRole[OpsConsole.Auth.Roles.Manager], DemoAccounts.Password);

        var pdf = await DownloadAsync(client, PrintEndpoints.GuidePdf(item.Id, GuideLayout.A4), "guide-a4-gaps.pdf");

        var text = await PdfTools.TextAsync(pdf);
        Assert.Contains("【缺：咨询电话】", text);
        Assert.Contains("【缺：设定依据】", text);
        Assert.Contains("本指南缺少 2 项必要内容", text);
    }

    [Fact]
    public async Task ThePublicGuideNeedsNoSignInAndAnUnknownCodeSaysSo()
    {
        var item = await ItemAsync("");
        using var anonymous = HttpSignIn.NewClient(fx.App);

        var page = await anonymous.GetAsync("/guide/" + Uri.EscapeDataString(item.Code));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"public-guide\"", html);
        Assert.Contains(WebUtility.HtmlEncode(item.Name), html);

        // Like the ticket status page: a page that says so (200), not the generic "page not found".
        var unknown = await anonymous.GetAsync("/guide/NO-SUCH-ITEM");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("未找到该事项", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ADepartmentBatchHasCoverContentsAndEveryItemAndReportsProgress()
    {
        int departmentId, count;
        await using (var db = fx.App.CreateDbContext())
        {
            departmentId = await db.ServiceItems.Where(i => i.Active).GroupBy(i => i.DepartmentId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            count = await db.ServiceItems.CountAsync(i => i.Active && i.DepartmentId == departmentId);
        }
        var jobs = fx.App.Services.GetRequiredService<PrintJobs>();
        var seen = new List<PrintProgress>();
        var finished = new TaskCompletionSource();
        var job = jobs.Start("tester", "batch.pdf", (services, progress, ct) =>
        {
            var guides = services.GetRequiredService<GuidePrinting>();
            return guides.PrintBatchAsync(departmentId, GuideLayout.TriFold, "http://localhost", progress, ct);
        });
        job.Changed += () => { lock (seen) seen.Add(job.Progress); if (job.State != PrintJobState.Running) finished.TrySetResult(); };
        if (job.State != PrintJobState.Running) finished.TrySetResult();
        await finished.Task.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(PrintJobState.Done, job.State);
        var pdf = PrintJobs.PdfOf(job)!;
        Assert.Equal(2 * count, await PdfTools.PageCountAsync(pdf));
        Assert.Equal(new PrintProgress(count, count), job.Progress);
        Assert.Null(jobs.Find(job.Id, "someone else"));
    }

    [Fact]
    public async Task AnA4BatchStartsWithCoverAndContents()
    {
        int departmentId;
        string firstName;
        await using (var db = fx.App.CreateDbContext())
        {
            departmentId = await db.Departments.OrderBy(d => d.SortOrder).Select(d => d.Id).FirstAsync();
            firstName = await db.ServiceItems.Where(i => i.DepartmentId == departmentId && i.Active).OrderBy(i => i.Code).Select(i => i.Name).FirstAsync();
        }
        using var scope = fx.App.Services.CreateScope();
        var guides = scope.ServiceProvider.GetRequiredService<GuidePrinting>();
        var pdf = await guides.PrintBatchAsync(departmentId, GuideLayout.A4, "http://localhost", null, default);
        try
        {
            Assert.Contains("政务服务事项办事指南汇编", await PdfTools.TextAsync(pdf, 1, 1));
            var contents = await PdfTools.TextAsync(pdf, 2, 2);
            Assert.Contains("目录", contents);
            Assert.Contains(firstName[..6], contents);
            File.Copy(pdf, Output("guides-batch-a4.pdf"), overwrite: true);
            await PdfTools.PagePngAsync(pdf, 1, 60, Output("guides-batch-cover"));
            await PdfTools.PagePngAsync(pdf, 2, 60, Output("guides-batch-contents"));
        }
        finally
        {
            File.Delete(pdf);
        }
    }

    [Fact]
    public async Task AnA4BatchPrintedInChunksIsMergedWithPageNumbersRunningThroughTheWholeBatch()
    {
        int departmentId;
        List<(string Code, string Name)> items;
        await using (var db = fx.App.CreateDbContext())
        {
            departmentId = await db.ServiceItems.Where(i => i.Active).GroupBy(i => i.DepartmentId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            items = (await db.ServiceItems.Where(i => i.Active && i.DepartmentId == departmentId).OrderBy(i => i.Code).Select(i => new { i.Code, i.Name }).ToListAsync())
                .Select(i => (i.Code, i.Name)).ToList();
        }
        Assert.True(items.Count >= 6, "the demo's largest department has at least six items");
        using var scope = fx.App.Services.CreateScope();
        var printer = scope.ServiceProvider.GetRequiredService<Printer>();
        var guides = scope.ServiceProvider.GetRequiredService<GuidePrinting>();
        var chunks = 0;
        // Three parts per Chromium print (the cover counts as one): several chunks even for one department.
        var pdf = await printer.BatchToPdfFileAsync(PaperLayout.A4Portrait, PdfLayout.Portrait, 3, async batch =>
        {
            await guides.WriteBatchAsync(batch, departmentId, GuideLayout.A4, "http://localhost", null, default);
            chunks = batch.ChunksPrinted;
        }, default);
        try
        {
            Assert.True(chunks >= 2, $"printed in {chunks} chunks before the last");
            var pages = await PdfTools.PageCountAsync(pdf);
            Assert.True(pages >= items.Count + 2, $"{pages} pages for cover, contents and {items.Count} guides");
            Assert.Equal((595, 842), await PdfTools.PageSizeAsync(pdf));
            // Every page carries its number in the whole batch, not in its chunk.
            for (var page = 1; page <= pages; page++)
            {
                Assert.Contains($"第{page}页共{pages}页", (await PdfTools.TextAsync(pdf, page, page)).Replace(" ", ""));
            }
            var contents = await PdfTools.TextAsync(pdf, 2, 2);
            Assert.Contains("目录", contents);
            Assert.Contains(items[^1].Code, contents);
            var text = await PdfTools.TextAsync(pdf);
            foreach (var (_, name) in items) Assert.Contains(name[..Math.Min(6, name.Length)], text);
            // The last guide (from the last chunk) still has its QR to the public guide.
            var lastPages = Enumerable.Range(1, pages).Reverse().Take(3);
            var codes = new List<string>();
            foreach (var page in lastPages) codes.AddRange(await PdfTools.QrCodesAsync(pdf, page));
            Assert.Contains("http://localhost/guide/" + items[^1].Code, codes);
            File.Copy(pdf, Output("guides-batch-a4-chunked.pdf"), overwrite: true);
            await PdfTools.PagePngAsync(pdf, pages, 60, Output("guides-batch-a4-chunked-last"));
        }
        finally
        {
            File.Delete(pdf);
        }
    }

    [Fact]
    public async Task TheWholeCentersTriFoldBatchIsMergedFromChunksWithEveryItem()
    {
        int count;
        string lastCode;
        await using (var db = fx.App.CreateDbContext())
        {
            count = await db.ServiceItems.CountAsync(i => i.Active);
            lastCode = await db.ServiceItems.Where(i => i.Active).OrderByDescending(i => i.Department!.SortOrder).ThenByDescending(i => i.Code).Select(i => i.Code).FirstAsync();
        }
        using var scope = fx.App.Services.CreateScope();
        var guides = scope.ServiceProvider.GetRequiredService<GuidePrinting>();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<PrintOptions>>().Value;
        Assert.True(2 * count > options.BatchChunkPages, "more pages than one chunk");

        var pdf = await guides.PrintBatchAsync(null, GuideLayout.TriFold, "http://localhost", null, default);
        try
        {
            var pages = await PdfTools.PageCountAsync(pdf);
            Assert.Equal(2 * count, pages);
            Assert.Equal((842, 595), await PdfTools.PageSizeAsync(pdf));
            Assert.Contains("扫码查看完整在线指南", await PdfTools.TextAsync(pdf, pages - 1, pages - 1));
            Assert.Equal(["http://localhost/guide/" + lastCode], await PdfTools.QrCodesAsync(pdf, pages - 1));
        }
        finally
        {
            File.Delete(pdf);
        }
    }

    [Fact]
    public async Task ACancelledBatchEndsCancelledWithoutAFile()
    {
        var jobs = fx.App.Services.GetRequiredService<PrintJobs>();
        var started = new TaskCompletionSource();
        var job = jobs.Start("tester", "batch.pdf", async (services, progress, ct) =>
        {
            var guides = services.GetRequiredService<GuidePrinting>();
            var cancelling = new Progress(p =>
            {
                if (p.Done != 3) return;
                started.TrySetResult();
                ct.WaitHandle.WaitOne(TimeSpan.FromMinutes(1));
            });
            return await guides.PrintBatchAsync(null, GuideLayout.A4, "http://localhost", cancelling, ct);
        });
        var ended = new TaskCompletionSource();
        job.Changed += () => { if (job.State != PrintJobState.Running) ended.TrySetResult(); };
        await started.Task.WaitAsync(TimeSpan.FromMinutes(1));
        job.Cancel();
        if (job.State != PrintJobState.Running) ended.TrySetResult();
        await ended.Task.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(PrintJobState.Cancelled, job.State);
        Assert.Null(PrintJobs.PdfOf(job));
    }

    /// <summary>Blocks the writer at <see cref="PrintProgress.Done"/> == 3 until the test cancels.</summary>
    private sealed class Progress(Action<PrintProgress> report) : IProgress<PrintProgress>
    {
        public void Report(PrintProgress value) => report(value);
    }
}
