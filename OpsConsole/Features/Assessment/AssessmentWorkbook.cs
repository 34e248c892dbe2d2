using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Auth;
using OpsConsole.Data;
using OpsConsole.Domain.Assessment;
using OpsConsole.Domain.Attendance;
using OpsConsole.Exports;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Assessment;

/// <summary>
/// HR's monthly workbook (streamed with our writer, ADR 0010): per staff, per window, per department, and every line
/// with its source. A published month is written from its stored scores; a draft says so in its heading.
/// </summary>
public sealed class AssessmentWorkbook(MonthAssessment months, BulletinAnnexQuery annexes, IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock)
{
    public const string StaffSheet = "人员得分";
    public const string WindowSheet = "窗口得分";
    public const string DepartmentSheet = "部门汇总";
    public const string LinesSheet = "扣加分明细";
    /// <summary>The bulletin's annex table (windows, then staff, in rank order); only in a published month's workbook.</summary>
    public const string AnnexSheet = "通报附表";

    /// <summary>月度考核-2026-10-全中心.xlsx: the period and the scope.</summary>
    public static string FileName(YearMonth month) => string.Format(CultureInfo.InvariantCulture, "月度考核-{0}-全中心.xlsx", month);

    public static string AsciiFileName(YearMonth month) => $"assessment-{month}-center.xlsx";

    public async Task WriteAsync(Stream output, YearMonth month, CancellationToken ct = default)
    {
        var view = await months.LoadAsync(month, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var center = await db.Centers.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        var title = string.Format(CultureInfo.InvariantCulture, "{0} {1}年{2}月 月度量化考核", center, month.Year, month.Month).Trim();
        var info = string.Format(CultureInfo.InvariantCulture, "状态：{0}　第 {1} 版　{2}　导出时间：{3:yyyy-MM-dd HH:mm}",
            AssessmentLabels.State(view.State), view.Record?.Version ?? 1, view.Stored ? "通报时保存的得分" : "草稿（按当前数据计算）", clock.Now);

        var staffRanks = Rankings.Rank(view.Scores.Staff.Values.Select(s => (s.SubjectId, s.Total)));
        using var xlsx = new XlsxWriter(output);

        var staffSheet = Sheet(xlsx, StaffSheet, title + " " + StaffSheet, info, ["工号", "姓名", "部门", "在岗天数", "基础分", "扣分", "加分", "得分", "一票否决", "中心排名"]);
        foreach (var s in view.Scores.Staff.Values.OrderBy(s => staffRanks[s.SubjectId]).ThenBy(s => s.SubjectId))
        {
            var p = view.Staff.GetValueOrDefault(s.SubjectId);
            staffSheet.AddRow([
                new(p?.EmployeeNo ?? "", XlsxStyle.Centered), new(p?.Name ?? "", XlsxStyle.Centered), new(p?.Department ?? "", XlsxStyle.Normal),
                new(p?.DaysPosted ?? 0, XlsxStyle.Integer), new(s.Base, XlsxStyle.Decimal), new(s.Deductions, XlsxStyle.Decimal),
                new(s.Bonuses, XlsxStyle.Decimal), new(s.Total, XlsxStyle.Decimal), new(s.Vetoed ? "是" : "", XlsxStyle.Centered),
                new(staffRanks[s.SubjectId], XlsxStyle.Integer),
            ]);
        }

        var windowRanks = Rankings.Rank(view.Scores.Windows.Values.Select(w => (w.SubjectId, w.Total)));
        var windowSheet = Sheet(xlsx, WindowSheet, title + " " + WindowSheet, info, ["窗口", "部门", "人员加权分", "窗口扣分", "窗口加分", "得分", "一票否决", "中心排名"]);
        foreach (var w in view.Scores.Windows.Values.OrderBy(w => windowRanks[w.SubjectId]).ThenBy(w => w.SubjectId))
        {
            var info2 = view.Windows.GetValueOrDefault(w.SubjectId);
            windowSheet.AddRow([
                new(info2?.Name ?? w.SubjectId.ToString(CultureInfo.InvariantCulture), XlsxStyle.Centered), new(info2?.Department ?? "", XlsxStyle.Normal),
                new(w.Base, XlsxStyle.Decimal), new(w.Deductions, XlsxStyle.Decimal), new(w.Bonuses, XlsxStyle.Decimal), new(w.Total, XlsxStyle.Decimal),
                new(w.Vetoed ? "是" : "", XlsxStyle.Centered), new(windowRanks[w.SubjectId], XlsxStyle.Integer),
            ]);
        }

        var departmentSheet = Sheet(xlsx, DepartmentSheet, title + " " + DepartmentSheet, info, ["部门", "人数", "人员平均分", "最高分", "最低分"]);
        foreach (var d in view.Scores.Staff.Values.GroupBy(s => view.Staff.GetValueOrDefault(s.SubjectId)?.Department ?? "").OrderBy(g => g.Key, StringComparer.Ordinal))
            departmentSheet.AddRow([
                new(d.Key, XlsxStyle.Normal), new(d.Count(), XlsxStyle.Integer), new(Rankings.AverageOfMonths(d.Select(s => s.Total)) ?? 0m, XlsxStyle.Decimal),
                new(d.Max(s => s.Total), XlsxStyle.Decimal), new(d.Min(s => s.Total), XlsxStyle.Decimal),
            ]);

        var lines = Sheet(xlsx, LinesSheet, title + " " + LinesSheet, info, ["对象", "工号/窗口", "姓名", "日期", "项目", "来源", "来源编号", "说明", "来源分值", "计入分值", "备注"]);
        foreach (var s in view.Scores.Staff.Values.OrderBy(s => view.Staff.GetValueOrDefault(s.SubjectId)?.EmployeeNo, StringComparer.Ordinal))
        {
            var p = view.Staff.GetValueOrDefault(s.SubjectId);
            foreach (var l in s.Lines) lines.AddRow(Line("人员", p?.EmployeeNo ?? "", p?.Name ?? "", l));
        }
        foreach (var w in view.Scores.Windows.Values.OrderBy(w => w.SubjectId))
            foreach (var l in w.Lines) lines.AddRow(Line("窗口", view.Windows.GetValueOrDefault(w.SubjectId)?.Name ?? "", "", l));
        if (view.Stored) AnnexSheetOf(xlsx, await annexes.ForMonthAsync(month, ct), title, info);
        xlsx.Complete();
    }

    private static void AnnexSheetOf(XlsxWriter xlsx, BulletinAnnex annex, string title, string info)
    {
        string[] windowHeaders = ["名次", "窗口", "部门", "人员加权分", "窗口扣分", "窗口加分", "得分", "一票否决"];
        string[] staffHeaders = ["名次", "工号", "姓名", "部门", "部门内名次", "在岗天数", "扣分", "加分", "得分", "一票否决"];
        var sheet = xlsx.AddSheet(AnnexSheet, new XlsxSheetOptions { RepeatRows = 2, Landscape = true, FitToWidth = true });
        sheet.AddRow([new XlsxCell(title + " " + AnnexSheet, XlsxStyle.Title)], 30);
        sheet.Merge(1, 1, 1, staffHeaders.Length);
        sheet.AddRow([new XlsxCell(info, XlsxStyle.Note)], 20);
        sheet.Merge(2, 1, 2, staffHeaders.Length);
        sheet.AddRow([new XlsxCell("一、窗口得分", XlsxStyle.Plain)], 22);
        sheet.AddRow(windowHeaders.Select(h => new XlsxCell(h, XlsxStyle.Header)));
        foreach (var w in annex.Windows)
            sheet.AddRow([
                new(w.Rank, XlsxStyle.Integer), new(w.Window, XlsxStyle.Centered), new(w.Department, XlsxStyle.Normal), new(w.StaffScore, XlsxStyle.Decimal),
                new(w.Deductions, XlsxStyle.Decimal), new(w.Bonuses, XlsxStyle.Decimal), new(w.Score, XlsxStyle.Decimal),
                new(string.Join("、", w.VetoItems), XlsxStyle.Centered),
            ]);
        sheet.AddRow([XlsxCell.Empty(XlsxStyle.Plain)]);
        sheet.AddRow([new XlsxCell("二、人员得分", XlsxStyle.Plain)], 22);
        sheet.AddRow(staffHeaders.Select(h => new XlsxCell(h, XlsxStyle.Header)));
        foreach (var p in annex.Staff)
            sheet.AddRow([
                new(p.Rank, XlsxStyle.Integer), new(p.EmployeeNo, XlsxStyle.Centered), new(p.Name, XlsxStyle.Centered), new(p.Department, XlsxStyle.Normal),
                p.DepartmentRank is { } r ? new(r, XlsxStyle.Integer) : XlsxCell.Empty(XlsxStyle.Integer), new(p.DaysPosted, XlsxStyle.Integer),
                new(p.Deductions, XlsxStyle.Decimal), new(p.Bonuses, XlsxStyle.Decimal), new(p.Score, XlsxStyle.Decimal),
                new(string.Join("、", p.VetoItems), XlsxStyle.Centered),
            ]);
    }

    private static XlsxCell[] Line(string subject, string who, string name, ScoreLine l) =>
    [
        new(subject, XlsxStyle.Centered), new(who, XlsxStyle.Centered), new(name, XlsxStyle.Centered),
        l.Date is { } d ? new(d, XlsxStyle.Date) : XlsxCell.Empty(XlsxStyle.Date), new(l.ItemName, XlsxStyle.Normal),
        new(AssessmentLabels.Source(l.SourceType), XlsxStyle.Centered), new(l.SourceId, XlsxStyle.Centered), new(l.Description, XlsxStyle.Normal),
        new(l.SourcePoints, XlsxStyle.Decimal), new(l.Points, XlsxStyle.Decimal), new(AssessmentLabels.Note(l), XlsxStyle.Normal),
    ];

    /// <summary>A landscape sheet with a title row, an info row and frozen, repeated headers (the month's and the periods' workbooks).</summary>
    internal static XlsxSheet Sheet(XlsxWriter xlsx, string name, string title, string info, string[] headers)
    {
        var sheet = xlsx.AddSheet(name, new XlsxSheetOptions { FrozenRows = 3, RepeatRows = 3, Landscape = true, FitToWidth = true });
        sheet.AddRow([new XlsxCell(title, XlsxStyle.Title)], 30);
        sheet.Merge(1, 1, 1, headers.Length);
        sheet.AddRow([new XlsxCell(info, XlsxStyle.Note)], 20);
        sheet.Merge(2, 1, 2, headers.Length);
        sheet.AddRow(headers.Select(h => new XlsxCell(h, XlsxStyle.Header)));
        return sheet;
    }

    public const string Route = "/assessment/export.xlsx";

    /// <summary>Maps the monthly workbook and the quarterly and annual ones (<see cref="PeriodWorkbook"/>).</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        PeriodWorkbook.Map(app);
        MapMonthly(app);
    }

    private static void MapMonthly(IEndpointRouteBuilder app) =>
        app.MapGet(Route, async (string? month, HttpContext http, AssessmentWorkbook workbook, CenterClock clock) =>
        {
            var m = YearMonth.Of(clock.Today);
            if (!string.IsNullOrEmpty(month))
            {
                if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
                    return Results.BadRequest("月份格式不正确，应为 yyyy-MM。");
                m = YearMonth.Of(first);
            }
            return await XlsxDownload.ResultAsync(http, (stream, ct) => workbook.WriteAsync(stream, m, ct), FileName(m), AsciiFileName(m));
        }).RequireAuthorization(Policies.HR);
}

/// <summary>How pages and workbooks name states, sources and notes.</summary>
public static class AssessmentLabels
{
    public static string State(AssessmentMonthState state) => state switch
    {
        AssessmentMonthState.Draft => "草稿",
        AssessmentMonthState.OpenForAppeal => "申诉期",
        AssessmentMonthState.Published => "已通报",
        _ => "已锁定",
    };

    public static string Source(string sourceType) => sourceType switch
    {
        "punch" => "打卡记录",
        "attendance" => "考勤",
        "evaluation" => "评价",
        "rectification" => "整改",
        "workload" => "工作量",
        "manual" => "手工录入",
        "window" => "窗口",
        "scheme" => "方案",
        _ => sourceType,
    };

    public static string Note(ScoreLine line) => line.Note switch
    {
        LineNote.CapReached => "已达月度上限",
        LineNote.AppealUpheld => "申诉支持：" + line.NoteText,
        _ => line.IsVeto ? "一票否决" : "",
    };

    /// <summary>How a quarter's or year's total is made, as the workbook and the ranking page say it.</summary>
    public static string Method(PeriodTotalMethod method) => method switch
    {
        PeriodTotalMethod.DaysWeightedAverage => "按在岗天数加权的各月平均分（已通报月份；窗口按各月平均）",
        _ => "各月平均分（已通报月份得分的算术平均）",
    };

    public static string Appeal(AppealState state) => state switch
    {
        AppealState.Open => "待处理",
        AppealState.Upheld => "已支持",
        _ => "已驳回",
    };
}
