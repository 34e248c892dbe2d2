using System.Globalization;
using OpsConsole.Auth;
using OpsConsole.Exports;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Reports;

public static class ReportEndpoints
{
    /// <summary>GET ?from=2026-11-01&amp;to=2026-11-20: the daily operations report workbook (no dates: today).</summary>
    public const string DailyExportRoute = "/reports/daily/export.xlsx";

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(DailyExportRoute, ExportDailyAsync).RequireAuthorization(Policies.HR);
        return app;
    }

    private static async Task<IResult> ExportDailyAsync(string? from, string? to, HttpContext http, DailyReportExport export, CenterClock clock)
    {
        if (!TryDay(from, clock.Today, out var first) || !TryDay(to, first, out var last))
            return ApiProblems.Result(StatusCodes.Status400BadRequest, "invalid_date", "日期格式不正确，应为 yyyy-MM-dd，例如 2026-11-20。");
        if (last < first) (first, last) = (last, first);
        if (last.DayNumber - first.DayNumber >= DailyOperationsReport.MaxDays)
            return ApiProblems.Result(StatusCodes.Status400BadRequest, "range_too_long", string.Format(CultureInfo.InvariantCulture, "一次最多导出 {0} 天。", DailyOperationsReport.MaxDays));
        return await XlsxDownload.ResultAsync(http, (stream, ct) => export.WriteAsync(stream, first, last, ct),
            DailyReportExport.FileName(first, last), DailyReportExport.AsciiFileName(first, last));
    }

    private static bool TryDay(string? text, DateOnly fallback, out DateOnly day)
    {
        day = fallback;
        return string.IsNullOrEmpty(text) || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
