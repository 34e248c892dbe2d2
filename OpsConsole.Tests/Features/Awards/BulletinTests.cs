using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Auth;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Awards;
using OpsConsole.Features.Awards;
using OpsConsole.Printing;
using OpsConsole.Tests.Features.Printing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Awards;

/// <summary>The monthly bulletin (考核通报) of a published month: official style, the quarter's awards, criticisms, the annex; A4 PDF.</summary>
public sealed class BulletinTests
{
    [Fact]
    public async Task TheBulletinPdfCarriesTheRedHeadTheAwardsAndTheAnnex()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db);
        using var client = await HttpSignIn.SignedInClientAsync(app, DemoAccounts.ByRole[Roles.HR], DemoAccounts.Password);
        AwardTestData data;
        await using (var ctx = app.CreateDbContext()) data = await AwardTestData.PublishThirdQuarterAsync(ctx);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var rule = scope.ServiceProvider.GetRequiredService<AwardRules>().Find("red-flag-quarter")!;
            var result = await scope.ServiceProvider.GetRequiredService<AwardDesk>().ConfirmAsync(rule, new AwardPeriod(AwardPeriodKind.Quarter, 2026, 3), [], "BJ0003");
            Assert.True(result.Succeeded, result.Error);
        }

        var view = await client.GetAsync(BulletinEndpoints.View(new YearMonth(2026, 9)));
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.Contains("data-testid=\"print-toolbar\"", await view.Content.ReadAsStringAsync());
        var response = await client.GetAsync(BulletinEndpoints.Pdf(new YearMonth(2026, 9)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = GuidePdfTests.Output("bulletin-2026-09.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());

        Assert.True(await PdfTools.PageCountAsync(pdf) >= 2, "the bulletin, then the annex on a page of its own");
        Assert.Equal((595, 842), await PdfTools.PageSizeAsync(pdf));
        var first = (await PdfTools.TextAsync(pdf, 1, 1)).Replace(" ", "");
        Assert.Contains("滨江市政务服务中心文件", first);
        Assert.Contains("滨政服通〔2026〕9号", first);
        Assert.Contains("关于2026年9月窗口及工作人员量化考核情况的通报", first.Replace("\n", ""));
        var all = (await PdfTools.TextAsync(pdf)).Replace(" ", "");
        Assert.Contains("2026年第三季度“红旗窗口”", all);
        Assert.Contains(data.Windows[0].Name.Replace(" ", ""), all);
        Assert.Contains("本月无通报批评事项", all); // September: no veto, nobody lost 5 points
        Assert.Contains("窗口及工作人员考核得分表", all);
        Assert.Contains("第1页共", all);
        await PdfTools.PagePngAsync(pdf, 1, 50, GuidePdfTests.Output("bulletin-p1"));
        await PdfTools.PagePngAsync(pdf, 2, 50, GuidePdfTests.Output("bulletin-p2"));

        using var staff = await HttpSignIn.SignedInClientAsync(app, DemoAccounts.ByRole[Roles.WindowStaff], DemoAccounts.Password);
        Assert.NotEqual(HttpStatusCode.OK, (await staff.GetAsync(BulletinEndpoints.Pdf(new YearMonth(2026, 9)))).StatusCode);

        var june = await client.GetAsync(BulletinEndpoints.View(new YearMonth(2026, 6)));
        Assert.Equal(HttpStatusCode.NotFound, june.StatusCode);
        Assert.Contains("尚未通报", await june.Content.ReadAsStringAsync());

        // HR's way there (the nav's 考核通报): the months, a link for each published one, a clear word for the others.
        var months = await client.GetStringAsync("/awards/bulletins");
        Assert.Contains($"href=\"{BulletinEndpoints.View(new YearMonth(2026, 9))}\"", months);
        Assert.Contains($"href=\"{BulletinEndpoints.Pdf(new YearMonth(2026, 7))}\"", months);
        Assert.DoesNotContain($"href=\"{BulletinEndpoints.View(new YearMonth(2026, 10))}\"", months);
        Assert.Contains("该月考核尚未通报，通报后可打印考核通报。", months);
        // The assessment month page (October by default, not published) says so instead of linking.
        var manage = await client.GetStringAsync("/assessment/manage");
        Assert.Contains("data-testid=\"manage-bulletin-not-yet\"", manage);
        Assert.DoesNotContain("data-testid=\"manage-bulletin\"", manage);
    }
}
