using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Supervision;
using OpsConsole.Features.Supervision;
using OpsConsole.Data;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Supervision;

/// <summary>Evidence files: the kind comes from the bytes, limits give Chinese messages, files are served only as what they are.</summary>
public sealed class EvidenceStoreTests
{
    [Fact]
    public void RealFilesAreRecognisedByTheirBytesAndHtmlIsNotWhateverItsName()
    {
        Assert.Equal(EvidenceKind.Png, EvidenceKinds.Sniff(File.ReadAllBytes(SupervisionTestData.Fixture("banner.png"))));
        Assert.Equal(EvidenceKind.Pdf, EvidenceKinds.Sniff(File.ReadAllBytes(SupervisionTestData.Fixture("letter.pdf"))));
        Assert.Null(EvidenceKinds.Sniff(File.ReadAllBytes(SupervisionTestData.Fixture("page.html.png"))));
        Assert.Equal(EvidenceKind.Jpeg, EvidenceKinds.Sniff([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F']));
        Assert.Equal(EvidenceKind.Webp, EvidenceKinds.Sniff("RIFF\x24\0\0\0WEBPVP8 "u8));
        Assert.Null(EvidenceKinds.Sniff("RIFF\x24\0\0\0WAVEfmt "u8));
        Assert.Null(EvidenceKinds.Sniff([]));
    }

    [Fact]
    public Task StoresAndRefusesOnSqlite() => StoresAndRefusesAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task StoresAndRefusesOnPostgres() => StoresAndRefusesAsync(DatabaseProvider.Postgres);

    private static async Task StoresAndRefusesAsync(DatabaseProvider provider)
    {
        await using var app = await QueueApp.StartAsync(provider, services: s => s.Configure<EvidenceOptions>(o => o.MaxBytes = 400));
        var store = app.Service<EvidenceStore>();
        var manager = await SupervisionTestData.ManagerAsync(app);

        await using (var png = File.OpenRead(SupervisionTestData.Fixture("banner.png")))
        {
            var (saved, result) = await store.SaveAsync(png, "锦旗.png", manager);
            Assert.True(result.Succeeded, result.Error);
            Assert.Equal(EvidenceKind.Png, saved!.Kind);
            var read = await store.ReadAsync(saved.Id, manager);
            Assert.Equal(File.ReadAllBytes(SupervisionTestData.Fixture("banner.png")), read!.Content);
        }

        await using (var html = File.OpenRead(SupervisionTestData.Fixture("page.html.png")))
        {
            var (saved, result) = await store.SaveAsync(html, "photo.png", manager);
            Assert.Null(saved);
            Assert.Equal("文件类型不支持：只能上传 {0} 格式的照片或文件（按文件内容识别，改扩展名无效）。", result.Error);
            Assert.Equal("JPG、PNG、WebP、PDF", result.Args![0]);
        }

        await using (var pdf = File.OpenRead(SupervisionTestData.Fixture("letter.pdf")))
        {
            var (saved, result) = await store.SaveAsync(pdf, "表扬信.pdf", manager);
            Assert.Null(saved);
            Assert.Equal("文件过大：证据文件不能超过 {0}。", result.Error);
            Assert.Equal("0.4 KB", result.Args![0]);
        }

        await using var db = app.Context();
        Assert.Equal(1, await db.Set<EvidenceFile>().CountAsync());
    }

    [Fact]
    public async Task FilesAreServedWithTheirSniffedTypeNosniffAndOnlyToWhoMaySeeThem()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var store = app.Service<EvidenceStore>();
        var manager = await SupervisionTestData.ManagerAsync(app);
        long pngId, pdfId;
        await using (var png = File.OpenRead(SupervisionTestData.Fixture("banner.png"))) pngId = (await store.SaveAsync(png, "x.html", manager)).File!.Id;
        await using (var pdf = File.OpenRead(SupervisionTestData.Fixture("letter.pdf"))) pdfId = (await store.SaveAsync(pdf, "letter.pdf", manager)).File!.Id;

        var asManager = await HttpSignIn.SignedInClientAsync(app.App, "BJ0003", DemoAccounts.Password);
        var image = await asManager.GetAsync($"/evidence/{pngId}");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", image.Headers.GetValues("Content-Security-Policy").Single());

        var document = await asManager.GetAsync($"/evidence/{pdfId}");
        Assert.Equal("application/pdf", document.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", document.Content.Headers.ContentDisposition!.DispositionType);

        // A window staff member sees neither: the files are not theirs and belong to none of their rectifications.
        var asStaff = await HttpSignIn.SignedInClientAsync(app.App, "BJ0001", DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await asStaff.GetAsync($"/evidence/{pngId}")).StatusCode);
        var anonymous = HttpSignIn.NewClient(app.App);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync($"/evidence/{pngId}")).StatusCode);
    }
}
