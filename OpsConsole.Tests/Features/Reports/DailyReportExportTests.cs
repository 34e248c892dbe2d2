using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Auth;
using OpsConsole.Data;
using OpsConsole.Features.Queueing;
using OpsConsole.Features.Reports;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Reports;

/// <summary>The daily operations report as a real workbook: Monday's tickets counted, a valid package, HR only.</summary>
public sealed class DailyReportExportTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    /// <summary>Three tickets on 不动产登记 on Monday morning: two served at window 1, one still waiting.</summary>
    private static async Task<QueueApp> MondayAsync()
    {
        var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var (windowId, staffId) = await app.StaffedWindowAsync(1);
        for (var i = 0; i < 3; i++) await app.IssueAsync("BDC");
        var desk = app.Service<CounterDesk>();
        for (var i = 0; i < 2; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(4));
            Assert.True((await desk.CallNextAsync(windowId, staffId)).Succeeded);
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.True((await desk.StartAsync(windowId, staffId)).Succeeded);
            app.Clock.Advance(TimeSpan.FromMinutes(6));
            Assert.True((await desk.CompleteAsync(windowId, staffId)).Succeeded);
        }
        return app;
    }

    [Fact]
    public async Task TheWorkbookCountsTheDayQueueByQueue()
    {
        await using var app = await MondayAsync();
        var output = new MemoryStream();
        await app.Service<DailyReportExport>().WriteAsync(output, Monday, Monday);

        // Kept beside the browser tests' screenshots, to open and print by hand.
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "screenshots", "daily-report-2026-11-23.xlsx"), output.ToArray());
        using var book = new WorkbookReader(output.ToArray());
        Assert.Empty(book.ValidationErrors());
        Assert.Equal([DailyReportExport.SummarySheet, DailyReportExport.QueuesSheet, DailyReportExport.HoursSheet, DailyReportExport.DistributionSheet,
            DailyReportExport.WindowsSheet], book.SheetNames);
        var summary = book.Sheet(DailyReportExport.SummarySheet);
        Assert.EndsWith("运行日报 2026-11-23", book.Text(summary, "A1"));
        Assert.Equal("3", book.RowStartingWith(summary, "取号（张）")["B"]);
        Assert.Equal("2", book.RowStartingWith(summary, "办结（件）")["B"]);
        var queue = book.RowStartingWith(book.Sheet(DailyReportExport.QueuesSheet), "A");
        Assert.Equal(("不动产登记", "3", "2", "0"), (queue["B"], queue["C"], queue["D"], queue["E"]));
        var window = book.RowStartingWith(book.Sheet(DailyReportExport.WindowsSheet), "1");
        Assert.Equal(("2", "6"), (window["C"], window["D"])); // two served, six minutes each
    }

    [Fact]
    public async Task HrDownloadsItAndOthersAreRefused()
    {
        await using var app = await MondayAsync();
        var hr = await HttpSignIn.SignedInClientAsync(app.App, DemoAccounts.ByRole[Roles.HR], DemoAccounts.Password);

        var response = await hr.GetAsync("/reports/daily/export.xlsx?from=2026-11-23&to=2026-11-23");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("运行日报-2026-11-23.xlsx", "daily-report-2026-11-23.xlsx"),
            (response.Content.Headers.ContentDisposition!.FileNameStar, response.Content.Headers.ContentDisposition.FileName));
        using (var book = new WorkbookReader(await response.Content.ReadAsByteArrayAsync())) Assert.Equal(5, book.SheetNames.Count);

        var bad = await hr.GetAsync("/reports/daily/export.xlsx?from=2026-11-31");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("invalid_date", JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        var tooLong = await hr.GetAsync("/reports/daily/export.xlsx?from=2026-01-01&to=2026-11-23");
        Assert.Equal("range_too_long", JsonDocument.Parse(await tooLong.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());

        var staff = await HttpSignIn.SignedInClientAsync(app.App, DemoAccounts.ByRole[Roles.WindowStaff], DemoAccounts.Password);
        var refused = await staff.GetAsync("/reports/daily/export.xlsx");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/access-denied", refused.Headers.Location?.ToString());
    }
}
