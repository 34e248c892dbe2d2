using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Data;
using OpsConsole.Domain.Assessment;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.People;
using OpsConsole.Features.Accounts;
using OpsConsole.Features.Assessment;
using OpsConsole.Features.Attendance;
using OpsConsole.Tests.Features.Attendance;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Assessment;

/// <summary>
/// October 2026 through the use cases on a real database: the hand-computed attendance month (−33) as lines, a
/// manual commendation, an appeal upheld, publication stored (a later change to the sources leaves it as it was),
/// two publishes at once publish once, lock, correction as version 2, and the workbook's figures. Clock pinned to
/// Monday 23 November 2026.
/// </summary>
public sealed class MonthAssessmentTests
{
    private static readonly YearMonth October = new(2026, 10);

    [Fact]
    public Task TheMonthGoesFromDraftToLockedOnSqlite() => TheMonthGoesFromDraftToLocked(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task TheMonthGoesFromDraftToLockedOnPostgres() => TheMonthGoesFromDraftToLocked(DatabaseProvider.Postgres);

    [Fact]
    public Task PostingsLimitAttendanceToPostedDaysOnSqlite() => PostingsLimitAttendanceToPostedDays(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task PostingsLimitAttendanceToPostedDaysOnPostgres() => PostingsLimitAttendanceToPostedDays(DatabaseProvider.Postgres);

    private static decimal N(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static OpsApp App(TestDatabase db, TestClock clock) =>
        new(db, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));

    private static async Task TheMonthGoesFromDraftToLocked(DatabaseProvider provider)
    {
        var clock = TestClock.MondayMorning();
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = App(db, clock);
        _ = app.Server;
        var (staffId, manager) = await HandComputedOctober.SeedAsync(app, "A0001");
        int chief, hr;
        await using (var ctx = app.CreateDbContext())
        {
            var chiefRow = await ctx.Staff.SingleAsync(s => s.EmployeeNo == "BJ0002");
            chief = chiefRow.Id;
            hr = await ctx.Staff.Where(s => s.EmployeeNo == "BJ0004").Select(s => s.Id).SingleAsync();
            var staff = await ctx.Staff.SingleAsync(s => s.Id == staffId);
            staff.DepartmentId = chiefRow.DepartmentId;
            await ctx.SaveChangesAsync();
        }
        await using var scope = app.Services.CreateAsyncScope();
        var months = scope.ServiceProvider.GetRequiredService<MonthAssessment>();
        var appeals = scope.ServiceProvider.GetRequiredService<AssessmentAppeals>();

        Assert.Equal("请填写证据。", (await months.AddManualItemAsync(ItemCodes.CommendationLetter, ItemSubject.Staff, staffId,
            HandComputedOctober.D("2026-10-22"), null, " ", "群众来信表扬", manager)).Error);
        Assert.True((await months.AddManualItemAsync(ItemCodes.CommendationLetter, ItemSubject.Staff, staffId,
            HandComputedOctober.D("2026-10-22"), null, "表扬信扫描件 2026-118 号", "群众来信表扬", manager)).Succeeded);

        var draft = await months.LoadAsync(October);
        var score = draft.Scores.Staff[staffId];
        Assert.False(draft.Stored);
        Assert.Equal(HandComputedOctober.LineCount, score.Lines.Count(l => l.ItemCode == ItemCodes.Attendance));
        Assert.Equal(100m - HandComputedOctober.Deduction + 1m, score.Total);
        var late = score.Lines.First(l => l.ItemCode == ItemCodes.Attendance);
        Assert.Equal(HandComputedOctober.FirstExplanation, late.Description);
        Assert.Equal("punch", late.SourceType); // the line points at the punch it was judged by

        Assert.Equal("该月考核不在申诉期内。", (await appeals.FileAsync(October, staffId, late.ItemCode, late.SourceType, late.SourceId, "考勤机故障")).Error);
        Assert.True((await months.OpenForAppealAsync(October, hr)).Succeeded);
        Assert.Equal("请填写理由。", (await appeals.FileAsync(October, staffId, late.ItemCode, late.SourceType, late.SourceId, " ")).Error);
        Assert.True((await appeals.FileAsync(October, staffId, late.ItemCode, late.SourceType, late.SourceId, "当天考勤机故障，有值班记录")).Succeeded);
        var appeal = (await months.LoadAsync(October)).Appeals.Single();
        Assert.True((await appeals.CommentAsync(appeal.Id, chief, "情况属实")).Succeeded);

        Assert.Equal(AssessmentMessages.Of(AssessmentErrors.AppealsOpen), (await months.PublishAsync(October, null, hr)).Error);
        Assert.True((await appeals.DecideAsync(appeal.Id, true, null, "考勤机故障记录属实", manager)).Succeeded);
        var decided = (await months.LoadAsync(October)).Scores.Staff[staffId];
        Assert.Equal(100m - HandComputedOctober.Deduction + 1m + 1m, decided.Total);
        Assert.Equal(LineNote.AppealUpheld, decided.Lines.Single(l => l.SourceId == late.SourceId).Note);

        // Two HR users publish at the same moment: one publishes, the other is told.
        await using var scope2 = app.Services.CreateAsyncScope();
        var results = await Task.WhenAll(months.PublishAsync(October, null, hr),
            scope2.ServiceProvider.GetRequiredService<MonthAssessment>().PublishAsync(October, null, hr));
        Assert.Single(results, r => r.Succeeded);
        await using (var ctx = app.CreateDbContext())
        {
            var monthId = await ctx.AssessmentMonths.Where(m => m.Year == 2026 && m.Month == 10).Select(m => m.Id).SingleAsync();
            Assert.Equal(1, await ctx.AssessmentScores.CountAsync(s => s.AssessmentMonthId == monthId && s.Subject == ItemSubject.Staff && s.SubjectId == staffId));
            // The sources change after publication: a punch found for the absent morning of 13 October.
            ctx.Punches.Add(new Punch(staffId, HandComputedOctober.At("2026-10-13", "08:55"), "T01", PunchMethod.Face));
            ctx.Punches.Add(new Punch(staffId, HandComputedOctober.At("2026-10-13", "12:01"), "T01", PunchMethod.Face));
            await ctx.SaveChangesAsync();
        }
        var published = await months.LoadAsync(October);
        Assert.True(published.Stored);
        Assert.Equal(decided.Total, published.Scores.Staff[staffId].Total);
        Assert.Equal(decided.Lines.Count, published.Scores.Staff[staffId].Lines.Count);

        var workbook = scope.ServiceProvider.GetRequiredService<AssessmentWorkbook>();
        using (var stream = new MemoryStream())
        {
            await workbook.WriteAsync(stream, October);
            using var reader = new WorkbookReader(stream.ToArray());
            Assert.Equal([AssessmentWorkbook.StaffSheet, AssessmentWorkbook.WindowSheet, AssessmentWorkbook.DepartmentSheet, AssessmentWorkbook.LinesSheet,
                AssessmentWorkbook.AnnexSheet], reader.SheetNames);
            var annex = reader.Sheet(AssessmentWorkbook.AnnexSheet);
            var annexRow = WorkbookReader.Rows(annex).Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(reader.Text).ToList())
                .Single(c => c.Count > 8 && c[1] == "A0001");
            Assert.Equal(69m, N(annexRow[8]));
            var staffSheet = reader.Sheet(AssessmentWorkbook.StaffSheet);
            var row = WorkbookReader.Rows(staffSheet).Single(r => reader.Text(r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().First()) == "A0001");
            var cells = row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(reader.Text).ToList();
            Assert.Equal(69m, N(cells[7]));
            Assert.Equal(-32m, N(cells[5])); // −33 of attendance, the upheld line (−1) now 0
            var lines = reader.Sheet(AssessmentWorkbook.LinesSheet);
            var mine = WorkbookReader.Rows(lines).Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(reader.Text).ToList())
                .Where(c => c.Count > 1 && c[1] == "A0001").ToList();
            Assert.Equal(HandComputedOctober.LineCount + 1, mine.Count);
            Assert.Contains(mine, c => c[10] == "申诉支持：考勤机故障记录属实" && N(c[9]) == 0m && N(c[8]) == -1m);
        }

        Assert.True((await months.LockAsync(October, hr)).Succeeded);
        var other = score.Lines.Where(l => l.ItemCode == ItemCodes.Attendance).ElementAt(1);
        Assert.Equal(AssessmentMessages.Of(AssessmentErrors.MonthNotOpenForAppeal),
            (await appeals.FileAsync(October, staffId, other.ItemCode, other.SourceType, other.SourceId, "再申诉")).Error);
        Assert.Equal("请填写理由。", (await months.ReopenAsync(October, " ", hr)).Error);
        Assert.True((await months.ReopenAsync(October, "10月13日打卡记录补录", hr)).Succeeded);
        var corrected = await months.LoadAsync(October);
        Assert.Equal(2, corrected.Record!.Version);
        Assert.False(corrected.Stored);
        Assert.Equal(decided.Total + 5m, corrected.Scores.Staff[staffId].Total); // the half-day absence (−5) is gone in the new version
        await using (var ctx = app.CreateDbContext())
            Assert.Equal(decided.Total, (await ctx.AssessmentScores.SingleAsync(s => s.Version == 1 && s.Subject == ItemSubject.Staff && s.SubjectId == staffId)).Total);
    }

    private static async Task PostingsLimitAttendanceToPostedDays(DatabaseProvider provider)
    {
        var clock = TestClock.MondayMorning();
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = App(db, clock);
        _ = app.Server;
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdmin>();
        var created = await accounts.CreateAsync(new AccountAdmin.NewAccount
        {
            EmployeeNo = "N0001", Name = "新入驻", Password = "Newcomer-2026!x", PostedFrom = new DateOnly(2026, 11, 16),
        });
        Assert.True(created.Succeeded, created.Error);
        int id;
        await using (var ctx = app.CreateDbContext()) id = await ctx.Staff.Where(s => s.EmployeeNo == "N0001").Select(s => s.Id).SingleAsync();

        var months = scope.ServiceProvider.GetRequiredService<AttendanceMonths>();
        Assert.DoesNotContain((await months.GridAsync(October, null, centerOfficeOnly: true)).Rows, r => r.Staff.Id == id);
        var november = (await months.ForStaffAsync(id, new YearMonth(2026, 11)))!.Attendance;
        Assert.Equal(HalfDayStatus.NotPosted, november.Day(new DateOnly(2026, 11, 13)).Morning.Status);
        Assert.All(november.Lines, l => Assert.True(l.Date >= new DateOnly(2026, 11, 16)));
        Assert.Equal(HalfDayStatus.HalfDayAbsence, november.Day(new DateOnly(2026, 11, 16)).Morning.Status);

        var postings = scope.ServiceProvider.GetRequiredService<Postings>();
        var csv = "工号,入驻日期,离驻日期,部门编码,窗口,备注\nN0001,2026-12-01,,,,\nNOPE,2026-11-01,,,,\nN0001,2026/13/01,,,,\nN0001,2026-10-01,2026-10-31,,A01,十月借调\n";
        var result = await postings.ImportCsvAsync("postings.csv", csv, "BJ0004");
        Assert.Equal(1, result.Accepted);
        Assert.Equal(["第 2 行：与该人员已有的入驻期重叠。", "第 3 行：工号 NOPE 不存在。", "第 4 行：入驻日期“2026/13/01”无法识别（应为 2026-10-01）。"], result.Errors);
        await using (var ctx = app.CreateDbContext())
            Assert.Equal(csv, (await ctx.PostingImports.SingleAsync(i => i.Id == result.ImportId)).RawText);
        var october = (await months.ForStaffAsync(id, October))!.Attendance;
        Assert.Equal(HalfDayStatus.HalfDayAbsence, october.Day(new DateOnly(2026, 10, 30)).Morning.Status); // posted in October now
        Assert.Contains((await months.GridAsync(October, null, centerOfficeOnly: true)).Rows, r => r.Staff.Id == id);
    }
}
