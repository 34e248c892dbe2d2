using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Auth;
using OpsConsole.Domain.Assessment;
using OpsConsole.Domain.Attendance;
using OpsConsole.Features.Assessment;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Assessment;

/// <summary>
/// The quarterly and annual workbooks, downloaded as HR and read back cell by cell, against figures computed by hand
/// from stored month scores: July and August 2026 published, September a draft (shown as not published), October
/// published, corrected and published again (only version 2 counts). The quarter uses the default method (average of
/// months); the annual total the days-weighted one, set by HR in the scheme from December. Clock: 23 November 2026.
/// </summary>
public sealed class PeriodWorkbookTests
{
    private static decimal N(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    private static ScoreLine Line(string item, string name, string date, decimal points, bool veto = false) =>
        new(item, name, DateOnly.Parse(date, CultureInfo.InvariantCulture), "manual", date + item, name, points, points, LineNote.None, null, veto);

    private static SubjectScore Score(ItemSubject subject, int id, decimal total, params ScoreLine[] lines) =>
        new(subject, id, subject == ItemSubject.Staff ? 100m : total - lines.Sum(l => l.Points), lines, total, lines.Any(l => l.IsVeto), false);

    [Fact]
    public async Task QuarterlyAndAnnualWorkbooksMatchTheHandComputedTotals()
    {
        var clock = TestClock.MondayMorning();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        _ = app.Server;

        int a, b, window, hr;
        int? departmentA, departmentB;
        await using (var ctx = app.CreateDbContext())
        {
            var staffA = await ctx.Staff.SingleAsync(s => s.EmployeeNo == DemoAccounts.ByRole[Roles.WindowStaff]);
            var staffB = await ctx.Staff.SingleAsync(s => s.EmployeeNo == DemoAccounts.ByRole[Roles.ChiefRepresentative]);
            (a, b, departmentA, departmentB) = (staffA.Id, staffB.Id, staffA.DepartmentId, staffB.DepartmentId);
            hr = await ctx.Staff.Where(s => s.EmployeeNo == DemoAccounts.ByRole[Roles.HR]).Select(s => s.Id).SingleAsync();
            window = await ctx.Windows.OrderBy(w => w.Id).Select(w => w.Id).FirstAsync();

            async Task<AssessmentMonth> Publish(int month, params (SubjectScore Score, int? Department, int Days)[] scores)
            {
                var record = new AssessmentMonth(new YearMonth(2026, month), clock.GetUtcNow());
                record.Publish(clock.GetUtcNow(), 0, null, hr);
                ctx.AssessmentMonths.Add(record);
                await ctx.SaveChangesAsync();
                foreach (var (score, department, days) in scores)
                    ctx.AssessmentScores.Add(new AssessmentScoreRecord(record.Id, record.Version, score, department, days));
                await ctx.SaveChangesAsync();
                return record;
            }

            await Publish(7,
                (Score(ItemSubject.Staff, a, 98m, Line(ItemCodes.BadRating, "差评（经核实）", "2026-07-08", -2m)), departmentA, 22),
                (Score(ItemSubject.Staff, b, 100m), departmentB, 22),
                (Score(ItemSubject.Window, window, 99m, Line(ItemCodes.InspectionPrefix + "dress", "巡查发现", "2026-07-15", -1m)), null, 0));
            await Publish(8, // B was not posted in August
                (Score(ItemSubject.Staff, a, 95.5m, Line(ItemCodes.BadRating, "差评（经核实）", "2026-08-03", -2m),
                    Line(ItemCodes.InspectionPrefix + "phone", "巡查发现", "2026-08-20", -2.5m)), departmentA, 10),
                (Score(ItemSubject.Window, window, 97m, Line(ItemCodes.InspectionPrefix + "off-post", "巡查发现", "2026-08-21", -3m)), null, 0));
            ctx.AssessmentMonths.Add(new AssessmentMonth(new YearMonth(2026, 9), clock.GetUtcNow())); // a draft
            var october = await Publish(10,
                (Score(ItemSubject.Staff, a, 90m, Line(ItemCodes.MediaCriticism, "媒体曝光", "2026-10-09", -10m)), departmentA, 21));
            // Corrected: version 2 replaces version 1's scores.
            october.Reopen("媒体曝光经核实不属实", clock.GetUtcNow(), hr);
            october.Publish(clock.GetUtcNow(), 0, null, hr);
            await ctx.SaveChangesAsync();
            foreach (var (score, department, days) in new (SubjectScore, int?, int)[]
                     {
                         (Score(ItemSubject.Staff, a, 92m, Line(ItemCodes.RedCard, "红牌", "2026-10-12", -5m),
                             Line(ItemCodes.BadRating, "差评（经核实）", "2026-10-19", -3m)), departmentA, 21),
                         (Score(ItemSubject.Staff, b, 96m, Line(ItemCodes.RedCard, "红牌", "2026-10-14", -5m, veto: true),
                             Line(ItemCodes.CommendationLetter, "表扬信", "2026-10-22", 1m)), departmentB, 21),
                         (Score(ItemSubject.Window, window, 94m), null, 0),
                     })
                ctx.AssessmentScores.Add(new AssessmentScoreRecord(october.Id, 2, score, department, days));
            await ctx.SaveChangesAsync();
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var schemes = scope.ServiceProvider.GetRequiredService<AssessmentSchemes>();
            var form = AssessmentSchemes.SchemeForm.From(await schemes.ForMonthAsync(new YearMonth(2026, 12)), new YearMonth(2026, 12));
            form.PeriodMethod = PeriodTotalMethod.DaysWeightedAverage;
            Assert.True((await schemes.PublishAsync(form, "hr")).Succeeded);
        }

        var client = await HttpSignIn.SignedInClientAsync(app, DemoAccounts.ByRole[Roles.HR], DemoAccounts.Password);
        string employeeA, employeeB;
        await using (var ctx = app.CreateDbContext())
            (employeeA, employeeB) = (await ctx.Staff.Where(s => s.Id == a).Select(s => s.EmployeeNo).SingleAsync(),
                await ctx.Staff.Where(s => s.Id == b).Select(s => s.EmployeeNo).SingleAsync());

        // 2026 Q3 — average of months: A (98 + 95.5) / 2 = 96.75; B 100 (July only); window (99 + 97) / 2 = 98.
        var quarter = await client.GetAsync(PeriodWorkbook.Link(AssessmentPeriod.OfQuarter(2026, 3)));
        Assert.Equal(HttpStatusCode.OK, quarter.StatusCode);
        Assert.Equal("季度考核-2026年第3季度-全中心.xlsx", quarter.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("assessment-2026-Q3-center.xlsx", quarter.Content.Headers.ContentDisposition.FileName);
        using (var book = new WorkbookReader(await quarter.Content.ReadAsByteArrayAsync()))
        {
            Assert.Empty(book.ValidationErrors());
            Assert.Equal([PeriodWorkbook.StaffSheet, PeriodWorkbook.WindowSheet, PeriodWorkbook.DepartmentSheet, PeriodWorkbook.MonthsSheet, PeriodWorkbook.LinesSheet],
                book.SheetNames);
            var staff = book.Sheet(PeriodWorkbook.StaffSheet);
            Assert.Contains("各月平均分", book.Text(staff, "A2"));
            Assert.Contains("未通报、不计入：9月（草稿）", book.Text(staff, "A2"));
            Assert.Equal(["工号", "姓名", "部门", "7月", "8月", "9月（未通报）", "计分月数", "一票否决月数", "期间得分", "中心排名"],
                WorkbookReader.Rows(staff).ElementAt(2).Elements<Cell>().Select(book.Text).ToArray());
            var rowB = book.RowStartingWith(staff, employeeB);
            Assert.Equal(100m, N(rowB["I"]));
            Assert.Equal("1", rowB["J"]);
            Assert.Equal("", rowB.GetValueOrDefault("E", "")); // not posted in August
            Assert.Equal(PeriodWorkbook.NotPublished, rowB["F"]);
            var rowA = book.RowStartingWith(staff, employeeA);
            Assert.Equal(new[] { 98m, 95.5m }, new[] { N(rowA["D"]), N(rowA["E"]) });
            Assert.Equal(PeriodWorkbook.NotPublished, rowA["F"]);
            Assert.Equal("2", rowA["G"]);
            Assert.Equal(96.75m, N(rowA["I"]));
            Assert.Equal("2", rowA["J"]);
            var windows = book.Sheet(PeriodWorkbook.WindowSheet);
            Assert.Equal(98m, N(WorkbookReader.Rows(windows).ElementAt(3).Elements<Cell>().Select(book.Text).ElementAt(2 + 3 + 2)));
            var lines = WorkbookReader.Rows(book.Sheet(PeriodWorkbook.LinesSheet)).Skip(3).Select(r => r.Elements<Cell>().Select(book.Text).ToList()).ToList();
            Assert.Equal(5, lines.Count); // A: 1 + 2, window: 1 + 1
            Assert.Equal(-6.5m, lines.Where(l => l[2] == employeeA).Sum(l => N(l[10]))); // −2; −2 and −2.5
            Assert.All(lines, l => Assert.True(l[0] is "2026-07" or "2026-08"));
        }

        // 2026 — days-weighted: A (98×22 + 95.5×10 + 92×21) / 53 = 5043 / 53 = 95.15; B (100×22 + 96×21) / 43 = 4216 / 43 = 98.05;
        // the window has no posted days: (99 + 97 + 94) / 3 = 96.67. October's version 1 (A 90) does not count.
        var year = await client.GetAsync(PeriodWorkbook.Link(AssessmentPeriod.OfYear(2026)));
        Assert.Equal(HttpStatusCode.OK, year.StatusCode);
        Assert.Equal("年度考核-2026年度-全中心.xlsx", year.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("assessment-2026-year-center.xlsx", year.Content.Headers.ContentDisposition.FileName);
        using (var book = new WorkbookReader(await year.Content.ReadAsByteArrayAsync()))
        {
            Assert.Empty(book.ValidationErrors());
            var staff = book.Sheet(PeriodWorkbook.StaffSheet);
            Assert.Contains("按在岗天数加权", book.Text(staff, "A2"));
            var header = WorkbookReader.Rows(staff).ElementAt(2).Elements<Cell>().Select(book.Text).ToArray();
            Assert.Equal(3 + 12 + 4, header.Length);
            Assert.Equal("1月（未通报）", header[3]);
            Assert.Equal("10月", header[12]);
            var rowA = book.RowStartingWith(staff, employeeA);
            Assert.Equal(92m, N(rowA["M"]));
            Assert.Equal(95.15m, N(rowA[XlsxColumn(18)]));
            Assert.Equal("2", rowA[XlsxColumn(19)]);
            var rowB = book.RowStartingWith(staff, employeeB);
            Assert.Equal(98.05m, N(rowB[XlsxColumn(18)]));
            Assert.Equal("1", rowB[XlsxColumn(17)]); // one vetoed month
            Assert.Equal("1", rowB[XlsxColumn(19)]);
            var windows = book.Sheet(PeriodWorkbook.WindowSheet);
            Assert.Equal(96.67m, N(WorkbookReader.Rows(windows).ElementAt(3).Elements<Cell>().Select(book.Text).ElementAt(2 + 12 + 2)));
            var months = WorkbookReader.Rows(book.Sheet(PeriodWorkbook.MonthsSheet)).Skip(3).Select(r => r.Elements<Cell>().Select(book.Text).ToList()).ToList();
            Assert.Equal(12, months.Count);
            Assert.Equal(new[] { "2026-10", "已通报", "2", "是" }, new[] { months[9][0], months[9][1], months[9][2], months[9][4] });
            Assert.Equal("草稿", months[8][1]);
            Assert.Equal("草稿", months[10][1]); // November: nobody acted on it, computed on demand
            Assert.Equal("未开始", months[11][1]);
            Assert.Equal("", months[11][2]);
            var lines = WorkbookReader.Rows(book.Sheet(PeriodWorkbook.LinesSheet)).Skip(3).Select(r => r.Elements<Cell>().Select(book.Text).ToList()).ToList();
            Assert.Equal(9, lines.Count); // A 1 + 2 + 2, B 2, window 1 + 1; not October's version 1
            Assert.DoesNotContain(lines, l => l[5] == "媒体曝光");
            Assert.Contains(lines, l => l[0] == "2026-10" && l[2] == employeeB && l[5] == "红牌" && l[11] == "一票否决");
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(PeriodWorkbook.Route + "?period=2026-Q5")).StatusCode);
        var staffClient = await HttpSignIn.SignedInClientAsync(app, DemoAccounts.ByRole[Roles.WindowStaff], DemoAccounts.Password);
        Assert.NotEqual(HttpStatusCode.OK, (await staffClient.GetAsync(PeriodWorkbook.Link(AssessmentPeriod.OfYear(2026)))).StatusCode);
    }

    private static string XlsxColumn(int column) => OpsConsole.Exports.XlsxReference.Column(column);
}
