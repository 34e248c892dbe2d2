using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Exports;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Attendance;

/// <summary>
/// The 考勤汇总表 as a workbook for HR: the month's grid (one cell per day, morning mark then afternoon mark,
/// printed A4 landscape one page wide), every deduction line, and a legend with the rule version. The content
/// is a document of the center, so it is in Chinese whatever the reader's UI language.
/// </summary>
public sealed class AttendanceSheetExport(AttendanceMonths months, IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string GridSheet = "考勤汇总表";
    public const string LinesSheet = "扣分明细";
    public const string NotesSheet = "说明";

    /// <summary>The download's name: 考勤汇总表-2026-10.xlsx.</summary>
    public static string FileName(YearMonth month) => GridSheet + "-" + month + ".xlsx";

    /// <summary>The same name in ASCII, for clients that ignore filename*.</summary>
    public static string AsciiFileName(YearMonth month) => "attendance-" + month + ".xlsx";

    private const int IdentityColumns = 3; // employee number, name, department

    private static readonly (string Label, string Unit, Func<AttendanceTotals, int> Value)[] Counts =
    [
        ("迟到", "次", t => t.LateCount),
        ("早退", "次", t => t.EarlyLeaveCount),
        ("缺卡", "次", t => t.MissingPunchCount),
        ("旷工", "半天", t => t.AbsenceHalfDays),
        ("请假", "半天", t => t.LeaveHalfDays),
        ("公出", "半天", t => t.OfficialAbsenceHalfDays),
    ];

    /// <summary>Writes the workbook of <paramref name="month"/> for one department, the center office, or everyone.</summary>
    public async Task WriteAsync(Stream output, YearMonth month, int? departmentId, bool centerOfficeOnly, CancellationToken ct = default)
    {
        var grid = await months.GridAsync(month, departmentId, centerOfficeOnly, ct);
        var (center, scope) = await HeadingAsync(departmentId, centerOfficeOnly, ct);
        var monthName = string.Format(CultureInfo.InvariantCulture, "{0}年{1}月", month.Year, month.Month);
        var exportedAt = clock.Now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var info = string.Format(CultureInfo.InvariantCulture, "范围：{0}　考勤规则第 {1} 版　工作日 {2} 天　共 {3} 人　导出时间：{4}",
            scope, grid.RuleSet.Version, grid.Calendar.WorkdaysIn(month), grid.Rows.Count, exportedAt);

        using var xlsx = new XlsxWriter(output);
        WriteGrid(xlsx, grid, (center + " " + monthName + GridSheet).Trim(), info);
        WriteLines(xlsx, grid, (center + " " + monthName + "考勤扣分明细").Trim(), info);
        WriteNotes(xlsx, grid, scope, exportedAt);
        xlsx.Complete();
    }

    private async Task<(string Center, string Scope)> HeadingAsync(int? departmentId, bool centerOfficeOnly, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var center = await db.Centers.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        var scope = departmentId is { } id
            ? await db.Departments.AsNoTracking().Where(d => d.Id == id).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? ""
            : centerOfficeOnly ? "中心管理办公室" : "全部人员";
        return (center, scope);
    }

    private static void WriteGrid(XlsxWriter xlsx, AttendanceMonths.Grid grid, string title, string info)
    {
        var days = grid.Month.Days().ToList();
        var columns = IdentityColumns + days.Count + Counts.Length + 1;
        var sheet = xlsx.AddSheet(GridSheet, new XlsxSheetOptions
        {
            ColumnWidths = [8, 8, 17, .. days.Select(_ => 4.2), .. Counts.Select(_ => 4.6), 6],
            FrozenRows = 4,
            FrozenColumns = 2,
            RepeatRows = 4,
            Landscape = true,
            FitToWidth = true,
            Footer = "&C第 &P 页，共 &N 页",
        });
        Banner(sheet, title, info, columns);

        sheet.AddRow([
            new("工号", XlsxStyle.Header), new("姓名", XlsxStyle.Header), new("部门", XlsxStyle.Header),
            .. days.Select(d => new XlsxCell(d.Day.ToString(CultureInfo.InvariantCulture), DayHeader(grid, d))),
            .. Counts.Select(c => new XlsxCell(c.Label, XlsxStyle.Header)),
            new("扣分", XlsxStyle.Header),
        ]);
        sheet.AddRow([
            XlsxCell.Empty(XlsxStyle.Header), XlsxCell.Empty(XlsxStyle.Header), XlsxCell.Empty(XlsxStyle.Header),
            .. days.Select(d => new XlsxCell(AttendanceLabels.Weekday(d), DayHeader(grid, d))),
            .. Counts.Select(c => new XlsxCell(c.Unit, XlsxStyle.Header)),
            new("分", XlsxStyle.Header),
        ]);
        for (var c = 1; c <= IdentityColumns; c++) sheet.Merge(3, c, 4, c);

        foreach (var row in grid.Rows)
        {
            var totals = row.Attendance.Totals;
            sheet.AddRow([
                new(row.Staff.EmployeeNo, XlsxStyle.Centered),
                new(row.Staff.Name, XlsxStyle.Centered),
                new(row.Staff.Department?.Name ?? "中心管理办公室", XlsxStyle.Normal),
                .. row.Attendance.Days.Select(DayCell),
                .. Counts.Select(c => Count(c.Value(totals))),
                new(row.Attendance.Deduction, XlsxStyle.Decimal),
            ]);
        }

        var first = 5;
        var sums = Counts.Select(c => grid.Rows.Sum(r => c.Value(r.Attendance.Totals))).ToList();
        sheet.AddRow([
            new("合计", XlsxStyle.Header), XlsxCell.Empty(XlsxStyle.Header), XlsxCell.Empty(XlsxStyle.Header),
            .. days.Select(d => XlsxCell.Empty(grid.Calendar.IsWorkday(d) ? XlsxStyle.Centered : XlsxStyle.Shaded)),
            .. sums.Select(Count),
            new(grid.Rows.Sum(r => r.Attendance.Deduction), XlsxStyle.Decimal),
        ]);
        sheet.Merge(first + grid.Rows.Count, 1, first + grid.Rows.Count, IdentityColumns);
    }

    private static XlsxStyle DayHeader(AttendanceMonths.Grid grid, DateOnly day) =>
        grid.Calendar.IsWorkday(day) ? XlsxStyle.Header : XlsxStyle.HeaderShaded;

    /// <summary>"√迟": morning then afternoon, as the page shows them; a day with something to look at is filled red.</summary>
    private static XlsxCell DayCell(DayAttendance day)
    {
        if (day.Kind != DayKind.Workday) return new(AttendanceText.Symbol(HalfDayStatus.RestDay), XlsxStyle.Shaded);
        var marks = Mark(day.Morning) + Mark(day.Afternoon);
        var exception = IsException(day.Morning.Status) || IsException(day.Afternoon.Status);
        return new(marks, exception ? XlsxStyle.Warning : XlsxStyle.Centered);
    }

    private static string Mark(HalfDayAttendance half) => half.Status == HalfDayStatus.NotYetDue ? "·" : half.Symbol;

    private static bool IsException(HalfDayStatus status) =>
        status is HalfDayStatus.Late or HalfDayStatus.EarlyLeave or HalfDayStatus.MissingPunch or HalfDayStatus.HalfDayAbsence;

    // Zero stays blank, as on the page, so the counts that matter stand out on paper.
    private static XlsxCell Count(int n) => n == 0 ? XlsxCell.Empty(XlsxStyle.Integer) : new(n, XlsxStyle.Integer);

    private static void WriteLines(XlsxWriter xlsx, AttendanceMonths.Grid grid, string title, string info)
    {
        string[] headers = ["工号", "姓名", "部门", "日期", "半天", "原因", "说明", "扣分"];
        var sheet = xlsx.AddSheet(LinesSheet, new XlsxSheetOptions
        {
            ColumnWidths = [8, 8, 17, 11, 6, 12, 60, 7],
            FrozenRows = 3,
            RepeatRows = 3,
            Landscape = true,
            FitToWidth = true,
            Footer = "&C第 &P 页，共 &N 页",
        });
        Banner(sheet, title, info, headers.Length);
        sheet.AddRow(headers.Select(h => new XlsxCell(h, XlsxStyle.Header)));

        var any = false;
        foreach (var row in grid.Rows)
        {
            var who = new XlsxCell[]
            {
                new(row.Staff.EmployeeNo, XlsxStyle.Centered),
                new(row.Staff.Name, XlsxStyle.Centered),
                new(row.Staff.Department?.Name ?? "中心管理办公室", XlsxStyle.Normal),
            };
            foreach (var line in row.Attendance.Lines)
            {
                any = true;
                sheet.AddRow([
                    .. who,
                    new(line.Date, XlsxStyle.Date),
                    new(line.Half.Label(), XlsxStyle.Centered),
                    new(AttendanceLabels.Reason(line.Reason), XlsxStyle.Centered),
                    new(line.Explanation, XlsxStyle.Normal),
                    new(line.Points, XlsxStyle.Decimal),
                ]);
            }
            // The monthly cap: one more line so the column adds up to what the month deducts.
            if (row.Attendance.CapExplanation is { } cap)
            {
                sheet.AddRow([
                    .. who, XlsxCell.Empty(XlsxStyle.Date), XlsxCell.Empty(XlsxStyle.Centered), new("月度封顶", XlsxStyle.Centered),
                    new(cap, XlsxStyle.Normal), new(row.Attendance.Deduction - row.Attendance.GrossDeduction, XlsxStyle.Decimal),
                ]);
            }
        }
        if (!any)
        {
            sheet.AddRow([new("本月无考勤扣分", XlsxStyle.Centered), .. Enumerable.Repeat(XlsxCell.Empty(XlsxStyle.Centered), headers.Length - 1)]);
            sheet.Merge(sheet.RowCount, 1, sheet.RowCount, headers.Length);
            return;
        }
        sheet.AddRow([
            new("合计", XlsxStyle.Header), .. Enumerable.Repeat(XlsxCell.Empty(XlsxStyle.Header), headers.Length - 2),
            new(grid.Rows.Sum(r => r.Attendance.Deduction), XlsxStyle.Decimal),
        ]);
        sheet.Merge(sheet.RowCount, 1, sheet.RowCount, headers.Length - 1);
    }

    private static void WriteNotes(XlsxWriter xlsx, AttendanceMonths.Grid grid, string scope, string exportedAt)
    {
        var sheet = xlsx.AddSheet(NotesSheet, new XlsxSheetOptions { ColumnWidths = [16, 60] });
        sheet.AddRow([new XlsxCell("说明", XlsxStyle.Title), XlsxCell.Empty(XlsxStyle.Title)], 28);
        sheet.Merge(1, 1, 1, 2);

        Section(sheet, "符号", "含义");
        HalfDayStatus[] legend = [HalfDayStatus.Normal, HalfDayStatus.Late, HalfDayStatus.EarlyLeave, HalfDayStatus.MissingPunch,
            HalfDayStatus.HalfDayAbsence, HalfDayStatus.OnLeave, HalfDayStatus.OfficialAbsence];
        foreach (var status in legend) Pair(sheet, AttendanceText.Symbol(status), HalfDayStatusLabels.Label(status));
        Pair(sheet, AttendanceText.Symbol(HalfDayStatus.RestDay), HalfDayStatusLabels.Label(HalfDayStatus.RestDay) + "、" + HalfDayStatusLabels.Label(HalfDayStatus.Holiday));
        Pair(sheet, "·", HalfDayStatusLabels.Label(HalfDayStatus.NotYetDue) + "（今天及以后的日子尚未计算）");
        Pair(sheet, "√迟", "每格两个符号：前为上午，后为下午");
        Pair(sheet, new XlsxCell("红底", XlsxStyle.Warning), "当天有迟到、早退、缺卡或旷工");
        Pair(sheet, new XlsxCell("灰底", XlsxStyle.Shaded), "休息日或节假日");

        var rules = grid.RuleSet.Rules;
        var version = string.Format(CultureInfo.InvariantCulture, "第 {0} 版", grid.RuleSet.Version);
        var effective = string.Format(CultureInfo.InvariantCulture, "{0}年{1}月起执行", grid.RuleSet.EffectiveMonth.Year, grid.RuleSet.EffectiveMonth.Month);
        Section(sheet, "考勤规则", (version + " " + grid.RuleSet.Name).Trim());
        Pair(sheet, "生效", effective);
        Pair(sheet, "迟到", Bands(rules.LateMinorMaxMinutes, rules.LateMinorPoints, rules.LateMajorMaxMinutes, rules.LateMajorPoints, rules.HalfDayAbsencePoints));
        Pair(sheet, "早退", Bands(rules.EarlyMinorMaxMinutes, rules.EarlyMinorPoints, rules.EarlyMajorMaxMinutes, rules.EarlyMajorPoints, rules.HalfDayAbsencePoints));
        Pair(sheet, "缺卡", string.Format(CultureInfo.InvariantCulture, "每次扣 {0} 分", AttendanceText.Points(rules.MissingPunchPoints)));
        Pair(sheet, "旷工半天", string.Format(CultureInfo.InvariantCulture, "上班、下班均未打卡，扣 {0} 分", AttendanceText.Points(rules.HalfDayAbsencePoints)));
        Pair(sheet, "每月扣分上限", rules.MonthlyDeductionCap is { } cap
            ? string.Format(CultureInfo.InvariantCulture, "{0} 分", AttendanceText.Points(cap)) : "无上限");
        Pair(sheet, "每月补卡次数", string.Format(CultureInfo.InvariantCulture, "{0} 次", rules.MakeUpRequestsPerMonth));

        var entries = grid.Calendar.Entries.Where(e => grid.Month.Contains(e.Date)).ToList();
        if (entries.Count > 0)
        {
            Section(sheet, "本月节假日", "");
            foreach (var e in entries)
            {
                var kind = e.Kind == CalendarEntryKind.Holiday ? "放假" : "调休上班";
                Pair(sheet, AttendanceText.Day(e.Date), (e.Name + " " + kind).Trim());
            }
        }

        Section(sheet, "导出", "");
        Pair(sheet, "范围", scope);
        Pair(sheet, "导出时间", exportedAt);
        Pair(sheet, "计算依据", "按导出时的打卡记录、已批准的补卡、请假和公出计算");
    }

    private static string Bands(int minorMax, decimal minor, int majorMax, decimal major, decimal absence) =>
        string.Format(CultureInfo.InvariantCulture, "{0} 分钟以内扣 {1} 分；{2} 分钟以内扣 {3} 分；超过 {2} 分钟按旷工半天计，扣 {4} 分",
            minorMax, AttendanceText.Points(minor), majorMax, AttendanceText.Points(major), AttendanceText.Points(absence));

    private static void Banner(XlsxSheet sheet, string title, string info, int columns)
    {
        sheet.AddRow([new XlsxCell(title, XlsxStyle.Title)], 30);
        sheet.Merge(1, 1, 1, columns);
        sheet.AddRow([new XlsxCell(info, XlsxStyle.Note)], 20);
        sheet.Merge(2, 1, 2, columns);
    }

    private static void Section(XlsxSheet sheet, string label, string value)
    {
        sheet.AddRow([]);
        sheet.AddRow([new XlsxCell(label, XlsxStyle.Header), new XlsxCell(value, XlsxStyle.Header)]);
    }

    private static void Pair(XlsxSheet sheet, XlsxCell label, string value)
    {
        if (label.Style == XlsxStyle.Normal) label = label with { Style = XlsxStyle.Centered };
        sheet.AddRow(label, new XlsxCell(value, XlsxStyle.Normal));
    }
}
