using System.Globalization;
using OpsConsole.Auth;
using OpsConsole.Exports;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Auditing;

/// <summary>The audit log as a workbook, with the page's filters: a document for the center, in Chinese.</summary>
public static class AuditEndpoints
{
    /// <summary>GET ?person=&amp;from=2026-11-01&amp;to=2026-11-30&amp;object=AppUser&amp;action=Modified</summary>
    public const string ExportRoute = "/admin/audit/export.xlsx";

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(ExportRoute, ExportAsync).RequireAuthorization(Policies.Admin);
        return app;
    }

    /// <summary>The export link of a filter (the page builds it from what is chosen).</summary>
    public static string ExportUrl(AuditFilter f) =>
        ExportRoute.TrimStart('/') + "?" + string.Join("&", new (string, string?)[]
            {
                ("person", f.Person), ("from", f.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("to", f.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("object", f.Object), ("action", f.Action),
            }.Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));

    private static async Task<IResult> ExportAsync(string? person, string? from, string? to, string? @object, string? action,
        HttpContext http, AuditLogReader reader, CenterClock clock)
    {
        if (!TryDay(from, out var first) || !TryDay(to, out var last))
            return ApiProblems.Result(StatusCodes.Status400BadRequest, "invalid_date", "日期格式不正确，应为 yyyy-MM-dd，例如 2026-11-20。");
        var filter = new AuditFilter(person, first, last, @object, action);
        var stamp = clock.Now.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        return await XlsxDownload.ResultAsync(http, (stream, ct) => WriteAsync(stream, reader, filter, clock, ct),
            "审计日志-" + stamp + ".xlsx", "audit-log-" + stamp + ".xlsx");
    }

    private static async Task WriteAsync(Stream output, AuditLogReader reader, AuditFilter filter, CenterClock clock, CancellationToken ct)
    {
        using var xlsx = new XlsxWriter(output);
        var sheet = xlsx.AddSheet("审计日志", new XlsxSheetOptions { ColumnWidths = [20, 12, 10, 22, 14, 10, 70], FrozenRows = 2, Landscape = true, FitToWidth = true });
        sheet.AddRow(new XlsxCell("审计日志", XlsxStyle.Title));
        sheet.Merge(1, 1, 1, 7);
        sheet.AddRow(Header("时间", "工号", "姓名", "动作", "对象", "编号", "变更"));
        await foreach (var row in reader.AllAsync(filter, ct))
        {
            sheet.AddRow(row.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), row.Actor, row.ActorName ?? "",
                row.Action, row.Object, row.ObjectId, Describe(row.Changes));
        }
        sheet.AddRow(new XlsxCell(string.Format(CultureInfo.InvariantCulture, "导出时间：{0}", clock.Now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)), XlsxStyle.Note));
    }

    /// <summary>One line per change: the field, then old → new.</summary>
    public static string Describe(IReadOnlyList<AuditChange> changes) =>
        string.Join("\n", changes.Select(c =>
            (c.Field.Length > 0 ? AuditLabels.Field(c.Field) + "：" : "") + (c.Old is null && c.New is not null ? c.New : $"{c.Old ?? "（空）"} → {c.New ?? "（空）"}")));

    private static XlsxCell[] Header(params string[] titles) => titles.Select(t => new XlsxCell(t, XlsxStyle.Header)).ToArray();

    private static bool TryDay(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        day = d;
        return true;
    }
}
