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
/// HR's quarterly and annual workbooks (streamed with our writer, ADR 0010): per staff, per window, per department,
/// the months' states, and every line of every published month. The lines are read month by month from a streamed
/// query, one stored score at a time, and written as they come: a year of 600 staff (≈ 100,000 lines) is never
/// held in memory (ADR 0035).
/// </summary>
public sealed class PeriodWorkbook(PeriodAssessment periods, IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock)
{
    public const string StaffSheet = "人员汇总";
    public const string WindowSheet = "窗口汇总";
    public const string DepartmentSheet = "部门汇总";
    public const string MonthsSheet = "月份状态";
    public const string LinesSheet = "扣加分明细";
    /// <summary>What a month not published shows in its column.</summary>
    public const string NotPublished = "未通报";

    /// <summary>季度考核-2026年第4季度-全中心.xlsx, 年度考核-2026年度-全中心.xlsx: the period and the scope.</summary>
    public static string FileName(AssessmentPeriod period) =>
        string.Format(CultureInfo.InvariantCulture, "{0}-{1}-全中心.xlsx", period.Kind == PeriodKind.Year ? "年度考核" : "季度考核", period.Label);

    /// <summary>assessment-2026-Q4-center.xlsx, assessment-2026-year-center.xlsx.</summary>
    public static string AsciiFileName(AssessmentPeriod period) =>
        period.Kind == PeriodKind.Year ? $"assessment-{period}-year-center.xlsx" : $"assessment-{period}-center.xlsx";

    public async Task WriteAsync(Stream output, AssessmentPeriod period, CancellationToken ct = default)
    {
        var view = await periods.LoadAsync(period, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var center = await db.Centers.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        var title = string.Format(CultureInfo.InvariantCulture, "{0} {1} {2}", center, period.Label, period.Kind == PeriodKind.Year ? "年度量化考核" : "季度量化考核").Trim();
        var counted = view.Months.Where(m => m.Published).Select(m => MonthName(m.Month)).ToList();
        var unpublished = view.Unpublished.Select(m => MonthName(m.Month) + "（" + StateText(m) + "）").ToList();
        var info = string.Format(CultureInfo.InvariantCulture, "计算方法：{0}。计入：{1}。{2}导出时间：{3:yyyy-MM-dd HH:mm}",
            AssessmentLabels.Method(view.Method), counted.Count == 0 ? "无" : string.Join("、", counted),
            unpublished.Count == 0 ? "" : "未通报、不计入：" + string.Join("、", unpublished) + "。", clock.Now);

        using var xlsx = new XlsxWriter(output);
        var monthHeaders = view.Months.Select(m => m.Published ? MonthName(m.Month) : MonthName(m.Month) + "（" + NotPublished + "）").ToArray();

        var staffSheet = AssessmentWorkbook.Sheet(xlsx, StaffSheet, title + " " + StaffSheet, info,
            ["工号", "姓名", "部门", .. monthHeaders, "计分月数", "一票否决月数", "期间得分", "中心排名"]);
        foreach (var r in view.Staff)
            staffSheet.AddRow([new(r.Code, XlsxStyle.Centered), new(r.Name, XlsxStyle.Centered), new(r.Department, XlsxStyle.Normal),
                .. MonthCells(view, r), new(r.Months.Count, XlsxStyle.Integer), new(r.VetoedMonths, XlsxStyle.Integer),
                new(r.Total, XlsxStyle.Decimal), new(r.Rank, XlsxStyle.Integer)]);

        var windowSheet = AssessmentWorkbook.Sheet(xlsx, WindowSheet, title + " " + WindowSheet, info,
            ["窗口", "部门", .. monthHeaders, "计分月数", "一票否决月数", "期间得分", "中心排名"]);
        foreach (var r in view.Windows)
            windowSheet.AddRow([new(r.Code, XlsxStyle.Centered), new(r.Department, XlsxStyle.Normal),
                .. MonthCells(view, r), new(r.Months.Count, XlsxStyle.Integer), new(r.VetoedMonths, XlsxStyle.Integer),
                new(r.Total, XlsxStyle.Decimal), new(r.Rank, XlsxStyle.Integer)]);

        var departmentSheet = AssessmentWorkbook.Sheet(xlsx, DepartmentSheet, title + " " + DepartmentSheet, info, ["部门", "人数", "人员期间平均分", "最高分", "最低分", "排名"]);
        foreach (var d in view.Departments)
            departmentSheet.AddRow([new(d.Name, XlsxStyle.Normal), new(d.Count, XlsxStyle.Integer), new(d.Average, XlsxStyle.Decimal),
                new(d.Max, XlsxStyle.Decimal), new(d.Min, XlsxStyle.Decimal), new(d.Rank, XlsxStyle.Integer)]);

        var monthsSheet = AssessmentWorkbook.Sheet(xlsx, MonthsSheet, title + " " + MonthsSheet, info, ["月份", "状态", "版本", "通报时间", "是否计入"]);
        foreach (var m in view.Months)
            monthsSheet.AddRow([new(m.Month.ToString(), XlsxStyle.Centered), new(StateText(m), m.Published ? XlsxStyle.Centered : XlsxStyle.Warning),
                m.MonthId is null ? XlsxCell.Empty(XlsxStyle.Integer) : new(m.Version, XlsxStyle.Integer),
                new(m.PublishedAt is { } at ? clock.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "", XlsxStyle.Centered),
                new(m.Published ? "是" : "否", XlsxStyle.Centered)]);

        var names = view.Staff.ToDictionary(r => r.SubjectId, r => (r.Code, r.Name));
        var windowNames = view.Windows.ToDictionary(r => r.SubjectId, r => r.Code);
        var lines = AssessmentWorkbook.Sheet(xlsx, LinesSheet, title + " " + LinesSheet, info,
            ["月份", "对象", "工号/窗口", "姓名", "日期", "项目", "来源", "来源编号", "说明", "来源分值", "计入分值", "备注"]);
        foreach (var m in view.Months.Where(m => m.Published))
        {
            var (monthId, version) = (m.MonthId!.Value, m.Version);
            var monthText = m.Month.ToString();
            var scores = db.AssessmentScores.AsNoTracking().Where(s => s.AssessmentMonthId == monthId && s.Version == version)
                .OrderBy(s => s.Subject).ThenBy(s => s.SubjectId)
                .Select(s => new { s.Subject, s.SubjectId, s.LinesJson })
                .AsAsyncEnumerable();
            await foreach (var s in scores.WithCancellation(ct))
            {
                var (subject, who, name) = s.Subject == ItemSubject.Staff
                    ? ("人员", names.GetValueOrDefault(s.SubjectId).Code ?? "", names.GetValueOrDefault(s.SubjectId).Name ?? "")
                    : ("窗口", windowNames.GetValueOrDefault(s.SubjectId) ?? "", "");
                foreach (var l in AssessmentScoreRecord.ReadLines(s.LinesJson))
                    lines.AddRow([
                        new(monthText, XlsxStyle.Centered), new(subject, XlsxStyle.Centered), new(who, XlsxStyle.Centered), new(name, XlsxStyle.Centered),
                        l.Date is { } d ? new(d, XlsxStyle.Date) : XlsxCell.Empty(XlsxStyle.Date), new(l.ItemName, XlsxStyle.Normal),
                        new(AssessmentLabels.Source(l.SourceType), XlsxStyle.Centered), new(l.SourceId, XlsxStyle.Centered), new(l.Description, XlsxStyle.Normal),
                        new(l.SourcePoints, XlsxStyle.Decimal), new(l.Points, XlsxStyle.Decimal), new(AssessmentLabels.Note(l), XlsxStyle.Normal),
                    ]);
            }
        }
        xlsx.Complete();
    }

    private static IEnumerable<XlsxCell> MonthCells(PeriodAssessment.PeriodView view, PeriodAssessment.Row row) =>
        view.Months.Select(m => !m.Published ? new XlsxCell(NotPublished, XlsxStyle.Shaded)
            : row.Months.TryGetValue(m.Month, out var t) ? new XlsxCell(t.Total, XlsxStyle.Decimal) : XlsxCell.Empty(XlsxStyle.Centered));

    private static string MonthName(YearMonth month) => string.Format(CultureInfo.InvariantCulture, "{0}月", month.Month);

    private static string StateText(PeriodAssessment.MonthStatus m) => m.State is { } s ? AssessmentLabels.State(s) : "未开始";

    public const string Route = "/assessment/period.xlsx";

    /// <summary>The link to a period's workbook: ?period=2026-Q4 or ?period=2026.</summary>
    public static string Link(AssessmentPeriod period) => $"{Route}?period={period}";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Route, async (string? period, HttpContext http, PeriodWorkbook workbook) =>
        {
            if (!AssessmentPeriod.TryParse(period, out var p))
                return Results.BadRequest("期间格式不正确，应为 2026-Q4（季度）或 2026（年度）。");
            return await XlsxDownload.ResultAsync(http, (stream, ct) => workbook.WriteAsync(stream, p, ct), FileName(p), AsciiFileName(p));
        }).RequireAuthorization(Policies.HR);
}
