using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Components.Shared;
using OpsConsole.Data;
using OpsConsole.Exports;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Reports;

/// <summary>
/// The daily operations report (运行日报) as a workbook: the day's (or range's) totals and satisfaction, one line per
/// queue, tickets by queue and hour, wait and service time distributions, and the busiest windows. A document of the
/// center, so in Chinese whatever the reader's UI language.
/// </summary>
public sealed class DailyReportExport(DailyOperationsReport reports, IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string SummarySheet = "概况";
    public const string QueuesSheet = "各队列";
    public const string HoursSheet = "各时段取号";
    public const string DistributionSheet = "时长分布";
    public const string WindowsSheet = "窗口";

    /// <summary>The Chinese download name: the report's name, then the day or the first and last day.</summary>
    public static string FileName(DateOnly first, DateOnly last) => "运行日报-" + Span(first, last, "_") + ".xlsx";

    /// <summary>The same name in ASCII, for clients that ignore filename*.</summary>
    public static string AsciiFileName(DateOnly first, DateOnly last) => "daily-report-" + Span(first, last, "_") + ".xlsx";

    private static string Span(DateOnly first, DateOnly last, string between) =>
        first == last ? Day(first) : Day(first) + between + Day(last);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object? Minutes(TimeSpan? t) => t is { } v ? Math.Round((decimal)v.TotalMinutes, 1) : null;

    private static object? Percent(double? rate) => rate is { } r ? Math.Round((decimal)r * 100, 1) : null;

    public async Task WriteAsync(Stream output, DateOnly first, DateOnly last, CancellationToken ct = default)
    {
        var report = await reports.ForAsync(first, last, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var center = await db.Centers.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        var title = string.Format(CultureInfo.InvariantCulture, "{0} 运行日报 {1}", center, Span(report.From, report.To, " – ")).Trim();
        var info = string.Format(CultureInfo.InvariantCulture, "导出时间：{0}", clock.Now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

        using var xlsx = new XlsxWriter(output);
        var summary = xlsx.AddSheet(SummarySheet, new XlsxSheetOptions { ColumnWidths = [34, 16], FitToWidth = true });
        Heading(summary, title, info, 2);
        summary.AddRow(new XlsxCell("指标", XlsxStyle.Header), new XlsxCell("数值", XlsxStyle.Header));
        foreach (var (label, value) in new (string, object?)[]
                 {
                     ("取号（张）", report.Issued), ("办结（件）", report.Served), ("过号（张）", report.NoShows), ("取消（张）", report.Cancelled),
                     ("过号率（%）", Percent(report.NoShowRate)), ("平均等候（分钟）", Minutes(report.MeanWait)),
                     ("平均办理（分钟）", Minutes(report.MeanService)), ("满意率（%）", Percent(report.SatisfiedRate)),
                 })
            summary.AddRow(label, Number(value));
        summary.AddRow();
        summary.AddRow(new XlsxCell("评价", XlsxStyle.Header), new XlsxCell("次数", XlsxStyle.Header));
        foreach (var level in Enum.GetValues<Domain.Queueing.SatisfactionLevel>())
            summary.AddRow(SatisfactionNames.Of(level), new XlsxCell(report.Satisfaction.GetValueOrDefault(level), XlsxStyle.Integer));

        var queues = xlsx.AddSheet(QueuesSheet, new XlsxSheetOptions { ColumnWidths = [6, 20, 8, 8, 8, 16, 16, 14], FrozenRows = 3, FitToWidth = true });
        Heading(queues, title, info, 8);
        queues.AddRow(Headers("前缀", "队列", "取号", "办结", "过号", "平均等候（分钟）", "平均办理（分钟）", "服务水平（%）"));
        foreach (var q in report.Queues)
            queues.AddRow(new XlsxCell(q.Prefix.Value, XlsxStyle.Centered), q.Name, Number(q.Issued), Number(q.Served), Number(q.NoShows),
                Number(Minutes(q.MeanWait)), Number(Minutes(q.MeanService)), Number(Percent(q.ServiceLevel)));
        queues.AddRow(new XlsxCell("合计", XlsxStyle.Header), new XlsxCell("", XlsxStyle.Header), Number(report.Queues.Sum(q => q.Issued)),
            Number(report.Queues.Sum(q => q.Served)), Number(report.Queues.Sum(q => q.NoShows)), Number(Minutes(report.MeanWait)), Number(Minutes(report.MeanService)), "");

        var hours = xlsx.AddSheet(HoursSheet, new XlsxSheetOptions { ColumnWidths = [18, .. report.Hours.Select(_ => 7.0), 8], FrozenRows = 3, FrozenColumns = 1, Landscape = true, FitToWidth = true });
        Heading(hours, title, info, report.Hours.Count + 2);
        hours.AddRow(Headers(["队列", .. report.Hours.Select(h => $"{h}:00"), "合计"]));
        foreach (var (queue, counts) in report.IssuedByQueueAndHour)
            hours.AddRow([queue, .. counts.Select(c => Number(c)), Number(counts.Sum())]);

        var distribution = xlsx.AddSheet(DistributionSheet, new XlsxSheetOptions { ColumnWidths = [20, 14, 14], FitToWidth = true });
        Heading(distribution, title, info, 3);
        distribution.AddRow(Headers("时长", "等候（张）", "办理（件）"));
        for (var i = 0; i <= DailyOperationsReport.Buckets.Length; i++)
        {
            var buckets = DailyOperationsReport.Buckets;
            var label = i == 0 ? string.Format(CultureInfo.InvariantCulture, "{0} 分钟以内", buckets[0])
                : i < buckets.Length ? string.Format(CultureInfo.InvariantCulture, "{0}–{1} 分钟", buckets[i - 1], buckets[i])
                : string.Format(CultureInfo.InvariantCulture, "{0} 分钟以上", buckets[^1]);
            distribution.AddRow(label, Number(report.WaitBuckets[i]), Number(report.ServiceBuckets[i]));
        }

        var windows = xlsx.AddSheet(WindowsSheet, new XlsxSheetOptions { ColumnWidths = [8, 24, 12, 18], FitToWidth = true });
        Heading(windows, title, info, 4);
        windows.AddRow(Headers("窗口号", "窗口", "办结（件）", "平均办理（分钟）"));
        foreach (var w in report.BusiestWindows)
            windows.AddRow(Number(w.Number), w.Name, Number(w.Served), Number(Minutes(w.MeanService)));
        xlsx.Complete();
    }

    private static XlsxCell Number(object? value) => value switch
    {
        null => XlsxCell.Empty(),
        int i => new XlsxCell(i, XlsxStyle.Integer),
        _ => new XlsxCell(value, XlsxStyle.Decimal),
    };

    private static XlsxCell[] Headers(params string[] labels) => labels.Select(l => new XlsxCell(l, XlsxStyle.Header)).ToArray();

    private static void Heading(XlsxSheet sheet, string title, string info, int columns)
    {
        sheet.AddRow(new XlsxCell(title, XlsxStyle.Title));
        sheet.AddRow(new XlsxCell(info, XlsxStyle.Note));
        if (columns > 1)
        {
            sheet.Merge(1, 1, 1, columns);
            sheet.Merge(2, 1, 2, columns);
        }
    }
}
