using System.Globalization;
using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Auth;
using OpsConsole.Data.Seeding.Demo;
using OpsConsole.Domain.Attendance;
using OpsConsole.Exports;
using OpsConsole.Features.Attendance;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Attendance;

/// <summary>
/// The 考勤汇总表 workbook over a real database, read back cell by cell: the hand-computed October 2026 shows the same
/// marks, totals and 12 deduction lines as the page; the download is HR's only.
/// </summary>
public sealed class AttendanceSheetExportTests(SqliteAppFixture fx) : IClassFixture<SqliteAppFixture>
{
    private static readonly YearMonth October = new(2026, 10);
    private const string DeductionColumn = "AO"; // 3 identity columns + 31 days + 6 counts + 1

    private static string Day(int day) => XlsxReference.Column(3 + day);

    private async Task<byte[]> ExportAsync(YearMonth month, int? departmentId, bool centerOfficeOnly)
    {
        await using var scope = fx.App.Services.CreateAsyncScope();
        var output = new MemoryStream();
        await scope.ServiceProvider.GetRequiredService<AttendanceSheetExport>().WriteAsync(output, month, departmentId, centerOfficeOnly);
        return output.ToArray();
    }

    [Fact]
    public async Task TheWorkbookIsAValidPackageWithThreeSheets()
    {
        await HandComputedOctober.SeedAsync(fx.App, "X0001");

        var bytes = await ExportAsync(October, null, centerOfficeOnly: false);
        // Kept beside the browser tests' screenshots, to open and print by hand.
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "screenshots", "attendance-sheet-2026-10.xlsx"), bytes);
        using var book = new WorkbookReader(bytes);

        Assert.Empty(book.ValidationErrors());
        Assert.Equal([AttendanceSheetExport.GridSheet, AttendanceSheetExport.LinesSheet, AttendanceSheetExport.NotesSheet], book.SheetNames);
    }

    [Fact]
    public async Task TheGridShowsTheHandComputedMarksAndTotals()
    {
        await HandComputedOctober.SeedAsync(fx.App, "X0002");

        using var book = new WorkbookReader(await ExportAsync(October, null, centerOfficeOnly: true));
        var sheet = book.Sheet(AttendanceSheetExport.GridSheet);

        Assert.Equal(DemoCatalog.CenterName + " 2026年10月考勤汇总表", book.Text(sheet, "A1"));
        Assert.Contains("A1:" + DeductionColumn + "1", WorkbookReader.Merges(sheet));
        Assert.Contains("范围：中心管理办公室", book.Text(sheet, "A2"));
        Assert.Contains("工作日 18 天", book.Text(sheet, "A2"));
        Assert.Equal(("1", "四"), (book.Text(sheet, Day(1) + "3"), book.Text(sheet, Day(1) + "4")));   // Thursday, National Day
        Assert.Equal((uint)XlsxStyle.HeaderShaded, WorkbookReader.StyleOf(sheet, Day(1) + "3"));
        Assert.Equal(("10", "六"), (book.Text(sheet, Day(10) + "3"), book.Text(sheet, Day(10) + "4"))); // a worked Saturday
        Assert.Equal((uint)XlsxStyle.Header, WorkbookReader.StyleOf(sheet, Day(10) + "3"));
        Assert.Equal("扣分", book.Text(sheet, DeductionColumn + "3"));

        var row = book.RowStartingWith(sheet, "X0002");
        Assert.Equal("测试X0002", row["B"]);
        var expected = new Dictionary<int, string>
        {
            [2] = "休", [8] = "√√", [9] = "迟早", [10] = "迟√", [12] = "缺早", [13] = "旷√", [14] = "旷旷",
            [15] = "假假", [16] = "√公", [19] = "√缺", [20] = "旷√", [21] = "迟迟", [22] = "√√",
        };
        foreach (var (day, marks) in expected) Assert.True(marks == row[Day(day)], $"10月{day}日: expected {marks}, got {row[Day(day)]}");
        var rowNumber = WorkbookReader.Rows(sheet).Single(r => book.Text(r.Elements<Cell>().First()) == "X0002").RowIndex!.Value;
        Assert.Equal((uint)XlsxStyle.Warning, WorkbookReader.StyleOf(sheet, Day(9) + rowNumber));
        Assert.Equal((uint)XlsxStyle.Centered, WorkbookReader.StyleOf(sheet, Day(15) + rowNumber));
        Assert.Equal((uint)XlsxStyle.Shaded, WorkbookReader.StyleOf(sheet, Day(2) + rowNumber));

        // 迟 9上 10上 21上 21下 · 早 9下 12下 · 缺 12上 19下 · 旷 13上 14上 14下 20上 · 假 15 · 公 16下
        Assert.Equal(["4", "2", "2", "4", "2", "1"], new[] { "AI", "AJ", "AK", "AL", "AM", "AN" }.Select(c => row[c]));
        Assert.Equal("33", row[DeductionColumn]);
        Assert.Equal(4d, sheet.Descendants<Pane>().Single().VerticalSplit!.Value);
        Assert.Equal(OrientationValues.Landscape, sheet.Descendants<PageSetup>().Single().Orientation!.Value);
    }

    [Fact]
    public async Task EveryDeductionLineHasItsOwnRow()
    {
        await HandComputedOctober.SeedAsync(fx.App, "X0003");

        using var book = new WorkbookReader(await ExportAsync(October, null, centerOfficeOnly: true));
        var sheet = book.Sheet(AttendanceSheetExport.LinesSheet);

        Assert.Equal(["工号", "姓名", "部门", "日期", "半天", "原因", "说明", "扣分"],
            WorkbookReader.Rows(sheet).ElementAt(2).Elements<Cell>().Select(book.Text));
        var lines = WorkbookReader.Rows(sheet).Where(r => book.Text(r.Elements<Cell>().First()) == "X0003")
            .Select(r => r.Elements<Cell>().ToDictionary(c => WorkbookReader.Column(c.CellReference!), book.Text)).ToList();
        Assert.Equal(HandComputedOctober.LineCount, lines.Count);
        Assert.Equal(HandComputedOctober.Deduction, lines.Sum(l => decimal.Parse(l["H"], CultureInfo.InvariantCulture)));
        var first = lines[0];
        Assert.Equal(HandComputedOctober.FirstExplanation, first["G"]);
        Assert.Equal(new DateTime(2026, 10, 9).ToOADate().ToString(CultureInfo.InvariantCulture), first["D"]);
        Assert.Equal(("上午", "迟到", "1"), (first["E"], first["F"], first["H"]));
        Assert.Equal("旷工半天", lines.Single(l => l["G"].StartsWith("10月13日", StringComparison.Ordinal))["F"]);
    }

    [Fact]
    public async Task TheNotesExplainTheMarksAndNameTheRuleVersion()
    {
        using var book = new WorkbookReader(await ExportAsync(October, null, centerOfficeOnly: true));
        var sheet = book.Sheet(AttendanceSheetExport.NotesSheet);
        var pairs = WorkbookReader.Rows(sheet).Select(r => r.Elements<Cell>().Select(book.Text).ToList()).Where(c => c.Count == 2)
            .GroupBy(c => c[0]).ToDictionary(g => g.Key, g => g.First()[1]);

        Assert.Equal("迟到", pairs["迟"]);
        Assert.Equal("旷工半天", pairs["旷"]);
        Assert.Equal("公务外出", pairs["公"]);
        Assert.StartsWith("第 1 版", pairs["考勤规则"]);
        Assert.Equal("每次扣 2 分", pairs["缺卡"]);
        Assert.Matches("^国庆节.* 放假$", pairs["10月1日"]);
    }

    [Fact]
    public async Task HrDownloadsTheWorkbookWithItsChineseFileName()
    {
        await HandComputedOctober.SeedAsync(fx.App, "X0004");
        var client = await HttpSignIn.SignedInClientAsync(fx.App, DemoAccounts.ByRole[Roles.HR], DemoAccounts.Password);

        var response = await client.GetAsync("/attendance/monthly/export.xlsx?month=2026-10&department=office");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AttendanceSheetExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attendance-2026-10.xlsx", disposition.FileName);
        Assert.Equal("考勤汇总表-2026-10.xlsx", disposition.FileNameStar);
        using var book = new WorkbookReader(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(3, book.SheetNames.Count);
        Assert.Equal("33", book.RowStartingWith(book.Sheet(AttendanceSheetExport.GridSheet), "X0004")[DeductionColumn]);
    }

    [Fact]
    public async Task ABadMonthGetsAChineseProblem()
    {
        var client = await HttpSignIn.SignedInClientAsync(fx.App, DemoAccounts.ByRole[Roles.HR], DemoAccounts.Password);

        var response = await client.GetAsync("/attendance/monthly/export.xlsx?month=2026-13");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("invalid_month", problem.GetProperty("code").GetString());
        Assert.Contains("月份格式不正确", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task WindowStaffAreRefusedTheDownload()
    {
        var client = await HttpSignIn.SignedInClientAsync(fx.App, DemoAccounts.ByRole[Roles.WindowStaff], DemoAccounts.Password);

        var response = await client.GetAsync("/attendance/monthly/export.xlsx?month=2026-10");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location?.ToString());
        Assert.NotEqual(AttendanceSheetExport.ContentType, response.Content.Headers.ContentType?.MediaType);
    }
}
