using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Auth;
using OpsConsole.Auth.Devices;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Attendance;

/// <summary>
/// POST /api/attendance/punches: a face clock terminal uploads a batch (live or its offline buffer). Idempotent by
/// (terminal, terminalEventId): a replay is answered as duplicates and stores no second punch. Every item is kept
/// as a raw record whatever its outcome.
/// </summary>
public static class AttendanceEndpoints
{
    public const string Route = "/api/attendance/punches";
    public const int MaxBatch = 5000;
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    public sealed record RejectedItem(int Index, string? TerminalEventId, string Code, string Reason);

    public sealed record Answer(int Received, int Accepted, int Duplicates, int Rejected, int OutsideWindows, IReadOnlyList<RejectedItem> RejectedItems);

    public static void MapAttendanceEndpoints(this WebApplication app)
    {
        app.MapPost(Route, UploadAsync)
            .RequireAuthorization(DevicePrincipal.DevicePolicy(DeviceKind.ClockTerminal))
            .DisableAntiforgery();
        // HR downloads the rows of an import that need attention, to fix them at the source.
        app.MapGet("/attendance/imports/{id:int}/problems.csv", async (int id, Import.PunchFileImport imports, CancellationToken ct) =>
            Results.File(await imports.ProblemRowsCsvAsync(id, ct), "text/csv; charset=utf-8", $"import-{id}-problems.csv"))
            .RequireAuthorization(Policies.HR);
        app.MapGet(SheetExportRoute, ExportSheetAsync).RequireAuthorization(Policies.HR);
    }

    /// <summary>GET ?month=2026-10&amp;department=&lt;id|office&gt;: the monthly sheet workbook (no month: this month; no department: everyone).</summary>
    public const string SheetExportRoute = "/attendance/monthly/export.xlsx";

    private static async Task<IResult> ExportSheetAsync(string? month, string? department, HttpContext http, AttendanceSheetExport export, CenterClock clock)
    {
        if (!TryMonth(month, clock.Today, out var m))
            return ApiProblems.Result(StatusCodes.Status400BadRequest, "invalid_month", "月份格式不正确，应为 yyyy-MM，例如 2026-10。");
        int? departmentId = null;
        var office = string.Equals(department, "office", StringComparison.OrdinalIgnoreCase);
        if (!office && !string.IsNullOrEmpty(department))
        {
            if (!int.TryParse(department, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                return ApiProblems.Result(StatusCodes.Status400BadRequest, "invalid_department", "部门参数不正确，应为部门编号或 office。");
            departmentId = id;
        }

        return await Exports.XlsxDownload.ResultAsync(http, (stream, ct) => export.WriteAsync(stream, m, departmentId, office, ct),
            AttendanceSheetExport.FileName(m), AttendanceSheetExport.AsciiFileName(m));
    }

    private static bool TryMonth(string? text, DateOnly today, out YearMonth month)
    {
        month = YearMonth.Of(today);
        if (string.IsNullOrEmpty(text)) return true;
        if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)) return false;
        month = YearMonth.Of(first);
        return true;
    }

    private static async Task<IResult> UploadAsync(HttpContext http, IDbContextFactory<OpsDbContext> dbFactory, PunchIngestion ingestion, CenterClock clock)
    {
        if (http.Request.ContentLength is > MaxBodyBytes)
            return ApiProblems.Result(StatusCodes.Status413PayloadTooLarge, "batch_too_large", string.Format("上传内容过大：单次最多 {0} 条、4 MB，请分批上传。", MaxBatch));
        JsonDocument doc;
        try
        {
            doc = await JsonDocument.ParseAsync(http.Request.Body, default, http.RequestAborted);
        }
        catch (JsonException e)
        {
            return ApiProblems.Result(StatusCodes.Status400BadRequest, "invalid_json", string.Format("请求内容不是有效的 JSON（第 {0} 行附近）。", (e.LineNumber ?? 0) + 1));
        }
        using (doc)
        {
            var items = doc.RootElement.ValueKind switch
            {
                JsonValueKind.Array => doc.RootElement,
                JsonValueKind.Object when doc.RootElement.TryGetProperty("punches", out var p) && p.ValueKind == JsonValueKind.Array => p,
                _ => (JsonElement?)null,
            };
            if (items is not { } array)
                return ApiProblems.Result(StatusCodes.Status400BadRequest, "invalid_batch", "请求内容应为打卡记录数组：[{\"terminalEventId\", \"employeeNo\", \"time\", \"terminalId\", \"method\"}]。");
            if (array.GetArrayLength() > MaxBatch)
                return ApiProblems.Result(StatusCodes.Status413PayloadTooLarge, "batch_too_large", string.Format("单次最多上传 {0} 条打卡记录，请分批上传。", MaxBatch));

            var deviceId = http.User.DeviceId();
            await using var db = await dbFactory.CreateDbContextAsync(http.RequestAborted);
            var terminal = await db.Set<Device>().AsNoTracking().Where(d => d.Id == deviceId).Select(d => d.TerminalId).FirstOrDefaultAsync(http.RequestAborted) ?? "";
            var candidates = array.EnumerateArray().Select((item, i) => Read(item, i, terminal, clock.Now.Offset)).ToList();
            var result = await ingestion.StoreAsync(candidates, PunchChannel.DeviceApi, deviceId, null, http.RequestAborted);

            var rejected = result.Verdicts.Select((v, i) => (v, i))
                .Where(x => x.v.Outcome is not (RawPunchOutcome.Imported or RawPunchOutcome.OutsideWindows or RawPunchOutcome.Duplicate))
                .Select(x => new RejectedItem(x.i, x.v.Candidate.Fields.TerminalEventId, Code(x.v.Outcome), x.v.Reason)).ToList();
            var accepted = result.Count(RawPunchOutcome.Imported) + result.Count(RawPunchOutcome.OutsideWindows);
            return Results.Json(new Answer(candidates.Count, accepted, result.Count(RawPunchOutcome.Duplicate), rejected.Count,
                result.Count(RawPunchOutcome.OutsideWindows), rejected), ApiProblems.JsonOptions);
        }
    }

    private static PunchCandidate Read(JsonElement item, int index, string deviceTerminal, TimeSpan offset)
    {
        string Text(string name) => item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var v)
            ? v.ValueKind switch { JsonValueKind.String => v.GetString() ?? "", JsonValueKind.Number => v.GetRawText(), _ => "" }
            : "";
        var raw = item.GetRawText();
        var terminal = Text("terminalId");
        // The token says which terminal is talking; an item naming another terminal is refused below, not trusted.
        var fields = new RawPunchFields(Text("employeeNo"), Text("time"), terminal.Length == 0 ? deviceTerminal : terminal,
            Text("terminalEventId") is { Length: > 0 } e ? e : null, "", Text("method"), raw);
        var refusal = item.ValueKind != JsonValueKind.Object ? PunchIntake.NotAnItem
            : deviceTerminal.Length > 0 && !string.Equals(fields.TerminalId, deviceTerminal, StringComparison.OrdinalIgnoreCase)
                ? PunchIntake.OtherTerminal(fields.TerminalId, deviceTerminal)
                : null;
        return new PunchCandidate(fields with { TerminalId = deviceTerminal.Length > 0 ? deviceTerminal : fields.TerminalId },
            PunchTimeText.Parse(fields.TimeText, offset), PunchMethodText.Parse(fields.MethodText), index + 1, refusal);
    }

    private static string Code(RawPunchOutcome outcome) => outcome switch
    {
        RawPunchOutcome.UnknownEmployee => "unknown_employee",
        RawPunchOutcome.UnparseableTime => "bad_time",
        RawPunchOutcome.FutureTime => "future_time",
        RawPunchOutcome.ImplausibleTime => "implausible_time",
        _ => "invalid_item",
    };
}
