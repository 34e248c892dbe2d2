using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Auth;
using OpsConsole.Auth.Devices;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Features.Attendance.Import;
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

    private static IResult TooLarge() =>
        ApiProblems.Result(StatusCodes.Status413PayloadTooLarge, "batch_too_large", string.Format("上传内容过大：单次最多 {0} 条、4 MB，请分批上传。", MaxBatch));

    private static async Task<IResult> UploadAsync(HttpContext http, IDbContextFactory<OpsDbContext> dbFactory, PunchIngestion ingestion, CenterClock clock)
    {
        var body = await ReadBodyAsync(http);
        if (body is null) return TooLarge();
        if (body.Problem is { } unreadable) return unreadable;
        var bytes = body.Bytes;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            var where = BrokenItem(bytes.Span) is { } item ? string.Format("第 {0} 项（从 0 起计）", item) : string.Format("第 {0} 行附近", (e.LineNumber ?? 0) + 1);
            var encoding = Utf8.IsValid(bytes.Span) ? "" : "；内容含有无效的 UTF-8 字节（疑似 GBK 编码），请将考勤机的上传编码设为 UTF-8";
            return ApiProblems.Result(StatusCodes.Status400BadRequest, "invalid_json", string.Format("请求内容不是有效的 JSON（{0}）{1}。", where, encoding));
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
            if (array.GetArrayLength() > MaxBatch) return TooLarge();

            var deviceId = http.User.DeviceId();
            await using var db = await dbFactory.CreateDbContextAsync(http.RequestAborted);
            var terminal = await db.Set<Device>().AsNoTracking().Where(d => d.Id == deviceId).Select(d => d.TerminalId).FirstOrDefaultAsync(http.RequestAborted) ?? "";
            var notUtf8 = new HashSet<int>();
            var candidates = array.EnumerateArray().Select((item, i) =>
            {
                var utf8 = Utf8.IsValid(JsonMarshal.GetRawUtf8Value(item));
                if (!utf8) notUtf8.Add(i);
                return Read(item, i, terminal, clock.Now.Offset, utf8);
            }).ToList();
            var result = await ingestion.StoreAsync(candidates, PunchChannel.DeviceApi, deviceId, null, http.RequestAborted);

            var rejected = result.Verdicts.Select((v, i) => (v, i))
                .Where(x => x.v.Outcome is not (RawPunchOutcome.Imported or RawPunchOutcome.OutsideWindows or RawPunchOutcome.Duplicate))
                .Select(x => new RejectedItem(x.i, x.v.Candidate.Fields.TerminalEventId, notUtf8.Contains(x.i) ? "invalid_encoding" : Code(x.v.Outcome), x.v.Reason)).ToList();
            var accepted = result.Count(RawPunchOutcome.Imported) + result.Count(RawPunchOutcome.OutsideWindows);
            var answer = new Answer(candidates.Count, accepted, result.Count(RawPunchOutcome.Duplicate), rejected.Count,
                result.Count(RawPunchOutcome.OutsideWindows), rejected);
            if (notUtf8.Count == 0) return Results.Json(answer, ApiProblems.JsonOptions);

            // The batch is stored (a replay only adds duplicates), but a terminal sending GBK needs its setting changed:
            // a problem the terminal's operator sees, carrying the usual answer.
            var named = string.Join("、", notUtf8.Order().Take(5)) + (notUtf8.Count > 5 ? string.Format(" 等 {0} 项", notUtf8.Count) : "");
            var report = JsonSerializer.SerializeToElement(answer, ApiProblems.JsonOptions).EnumerateObject()
                .Select(p => KeyValuePair.Create(p.Name, (object?)p.Value));
            return ApiProblems.Result(StatusCodes.Status400BadRequest, "invalid_encoding", string.Format(
                "第 {0} 项（从 0 起计）含有无效的 UTF-8 字节（疑似 GBK 编码）：已原样保存，未记为打卡；其余 {1} 项已处理（接收 {2} 条），重传不会重复记录。请将考勤机的上传编码设为 UTF-8。",
                named, candidates.Count - notUtf8.Count, accepted), report);
        }
    }

    /// <summary>
    /// The body, read up to the limit whatever the framing: a chunked body has no Content-Length to check, so the
    /// bytes are counted here. Null when over the limit. The rest of a body over the limit is read and dropped, up
    /// to <see cref="MaxDrainBytes"/>, so that a terminal still sending gets the 413 rather than a broken connection.
    /// </summary>
    private static async Task<BodyRead?> ReadBodyAsync(HttpContext http)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxDrainBytes;
        var buffer = new byte[64 * 1024];
        if (http.Request.ContentLength is > MaxBodyBytes)
        {
            await DrainAsync(http, buffer, 0);
            return null;
        }
        var body = new MemoryStream();
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
            {
                if (body.Length + read > MaxBodyBytes)
                {
                    await DrainAsync(http, buffer, body.Length + read);
                    return null;
                }
                body.Write(buffer, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        catch (BadHttpRequestException)
        {
            return new BodyRead(default, ApiProblems.Result(StatusCodes.Status400BadRequest, "invalid_json", "请求内容不完整（上传被中断），请重新上传。"));
        }
        return new BodyRead(body.GetBuffer().AsMemory(0, (int)body.Length), null);
    }

    private const long MaxDrainBytes = 64 * 1024 * 1024;

    private static async Task DrainAsync(HttpContext http, byte[] buffer, long read)
    {
        try
        {
            int n;
            while (read <= MaxDrainBytes && (n = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0) read += n;
        }
        catch (BadHttpRequestException)
        {
            read = MaxDrainBytes + 1;
        }
        // Too much to read: answer anyway and close, rather than read without end.
        if (read > MaxDrainBytes) http.Response.Headers.Connection = "close";
    }

    private sealed record BodyRead(ReadOnlyMemory<byte> Bytes, IResult? Problem);

    /// <summary>The item (from 0) in which a body stops being JSON, for the message; null when it is not an array of items.</summary>
    private static int? BrokenItem(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        int? arrayDepth = null;
        var item = -1;
        try
        {
            while (reader.Read())
            {
                if (arrayDepth is null && reader.TokenType == JsonTokenType.StartArray) arrayDepth = reader.CurrentDepth;
                else if (reader.CurrentDepth == arrayDepth + 1 && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray)) item++;
            }
            return null;
        }
        catch (JsonException)
        {
            return arrayDepth is null ? null : Math.Max(item, 0);
        }
    }

    private static PunchCandidate Read(JsonElement item, int index, string deviceTerminal, TimeSpan offset, bool utf8)
    {
        // Not UTF-8: each value and the raw text are read as GBK where they are valid GBK (JsonElement cannot transcode them).
        string Text(string name) => item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => StringOf(v, utf8),
                JsonValueKind.Number => v.GetRawText(),
                _ => "",
            }
            : "";
        var raw = utf8 ? item.GetRawText() : TerminalEncodings.DecodeLenient(JsonMarshal.GetRawUtf8Value(item));
        var terminal = Text("terminalId");
        // The token says which terminal is talking; an item naming another terminal is refused below, not trusted.
        var fields = new RawPunchFields(Text("employeeNo"), Text("time"), terminal.Length == 0 ? deviceTerminal : terminal,
            Text("terminalEventId") is { Length: > 0 } e ? e : null, "", Text("method"), raw);
        var refusal = item.ValueKind != JsonValueKind.Object ? PunchIntake.NotAnItem
            : !utf8 ? PunchIntake.NotUtf8
            : deviceTerminal.Length > 0 && !string.Equals(fields.TerminalId, deviceTerminal, StringComparison.OrdinalIgnoreCase)
                ? PunchIntake.OtherTerminal(fields.TerminalId, deviceTerminal)
                : null;
        return new PunchCandidate(fields with { TerminalId = deviceTerminal.Length > 0 ? deviceTerminal : fields.TerminalId },
            PunchTimeText.Parse(fields.TimeText, offset), PunchMethodText.Parse(fields.MethodText), index + 1, refusal);
    }

    private static string StringOf(JsonElement value, bool utf8)
    {
        if (utf8)
        {
            try
            {
                return value.GetString() ?? "";
            }
            catch (InvalidOperationException)
            {
                // An escaped lone surrogate ("\ud83d"): keep the value as written.
                return System.Text.Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8Value(value)[1..^1]);
            }
        }
        return TerminalEncodings.DecodeLenient(JsonMarshal.GetRawUtf8Value(value)[1..^1]);
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
