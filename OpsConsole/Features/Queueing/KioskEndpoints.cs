using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using OpsConsole.Auth;
using OpsConsole.Auth.Devices;
using OpsConsole.Domain.Queueing;

namespace OpsConsole.Features.Queueing;

/// <summary>
/// The device API of kiosks and of the online booking portal (bearer token of a Kiosk device).
/// Errors are problem details with a Chinese title and a stable code (docs/kiosk-api.md).
/// </summary>
public static class KioskEndpoints
{
    public sealed record QueueDto(string Code, string Prefix, string Name, int Waiting, int? EstimatedWaitMinutes, bool Issuing, string? Reason, string? ReasonCode);

    /// <param name="Item">A service item's implementation code: the ticket carries it and goes to its queue when <paramref name="Queue"/> is not given.</param>
    public sealed record TicketRequest(string? Queue, string? BookingCode, string? IdNumber, string? Item = null);

    public sealed record TicketDto(string Number, string Queue, string QueueCode, int PeopleAhead, int? EstimatedWaitMinutes, string StatusUrl, DateTimeOffset IssuedAt,
        string? Item = null, string? IdNumberMasked = null);

    public sealed record BookingRequest(string? Queue, string? Date, string? Start, string? IdNumber);

    public sealed record BookingDto(string BookingCode, string Queue, string QueueCode, string Date, string Start, string End);

    public sealed record SlotDto(string Start, string End, int Capacity, int Remaining);

    /// <summary>Kiosk devices only, authenticated by the device scheme (so a missing token is a 401 problem, not a sign-in page).</summary>
    private static readonly AuthorizationPolicy KioskDevice = new AuthorizationPolicyBuilder(DeviceAuthenticationHandler.SchemeName)
        .RequireClaim(DeviceAuthenticationHandler.DeviceKindClaim, nameof(DeviceKind.Kiosk)).Build();

    public static void MapKioskEndpoints(this WebApplication app)
    {
        var kiosk = app.MapGroup("/api/kiosk").RequireAuthorization(KioskDevice);
        // From the shared snapshot (rebuilt at most once a second): many kiosks poll this.
        kiosk.MapGet("/queues", async (PublicQueueSnapshot snapshot) =>
            Results.Json((await snapshot.KioskQueuesAsync()).Select(q => new QueueDto(q.Code, q.Prefix.Value, q.Name, q.Waiting,
                WaitText.Minutes(q.EstimatedWait), q.Issuing, q.ReasonDetail is { Length: > 0 } d ? string.Format(CultureInfo.InvariantCulture, "该业务暂停取号：{0}", d) : q.Reason, q.ReasonCode)), ApiProblems.JsonOptions));
        kiosk.MapPost("/tickets", IssueAsync);

        var appointments = app.MapGroup("/api/appointments").RequireAuthorization(KioskDevice);
        appointments.MapGet("/slots", SlotsAsync);
        appointments.MapPost("/", BookAsync);
    }

    private static async Task<IResult> IssueAsync(HttpContext context, KioskMenu menu, KioskItems kioskItems, TicketIssuer issuer, CancellationToken ct)
    {
        var request = context.Request;
        // The same Idempotency-Key from the same kiosk gets the same ticket, also after a crash (ADR 0018).
        string? requestCode = null;
        if (request.Headers.TryGetValue(KioskRequestKey.Header, out var keys))
        {
            var key = keys.ToString();
            if (keys.Count != 1 || !KioskRequestKey.IsValid(key))
                return Problem(400, "invalid_idempotency_key", "Idempotency-Key 应为 1 至 {0} 个可见 ASCII 字符（建议使用 UUID）。", KioskRequestKey.MaxLength);
            requestCode = issuer.RequestCode(context.User.DeviceId()!.Value, key);
        }
        var (body, invalid) = await ReadAsync<TicketRequest>(request, ct);
        if (invalid is not null) return invalid;
        IssueOutcome outcome;
        if (!string.IsNullOrWhiteSpace(body!.BookingCode))
        {
            outcome = await issuer.CheckInAsync(body.BookingCode, ct, requestCode);
        }
        else
        {
            KioskItems.KioskItem? item = null;
            if (!string.IsNullOrWhiteSpace(body.Item))
            {
                item = (await kioskItems.ItemsAsync(ct)).FirstOrDefault(i => string.Equals(i.Code, body.Item.Trim(), StringComparison.OrdinalIgnoreCase));
                if (item is null) return Problem(404, "unknown_item", "没有该事项：{0}", body.Item);
            }
            var queueKey = body.Queue ?? (item is null ? null : KioskItems.QueueFor(item, await menu.QueuesAsync(ct))?.Code);
            var queue = await menu.ResolveQueueAsync(queueKey, ct);
            if (queue is null) return Problem(404, "unknown_queue", "没有该业务队列：{0}", body.Queue ?? "");
            outcome = await issuer.IssueAsync(queue.Code, TicketChannel.Kiosk, string.IsNullOrWhiteSpace(body.IdNumber) ? null : body.IdNumber, ct: ct,
                requestCode: requestCode, serviceItemId: item?.Id);
        }
        if (!outcome.Result.Succeeded)
        {
            var errorCode = KioskMenu.CodeOf(outcome.Result);
            var status = errorCode switch
            {
                "unknown_queue" or "unknown_booking" => 404,
                "invalid_id_number" or "invalid_booking_code" or "item_not_in_queue" => 400,
                "idempotency_key_reused" => 422,
                _ => 409,
            };
            return Problem(status, errorCode, outcome.Result.Error!, outcome.Result.Args ?? []);
        }
        var t = outcome.Ticket!;
        if (outcome.Replayed) context.Response.Headers["Idempotent-Replayed"] = "true";
        var statusUrl = menu.StatusUrl(t.PublicCode, $"{request.Scheme}://{request.Host}{request.PathBase}");
        return Results.Json(new TicketDto(t.Number, t.QueueName, t.QueueCode, t.PeopleAhead, WaitText.Minutes(t.EstimatedWait), statusUrl, t.IssuedAt,
                t.ItemCode, t.IdNumberMasked),
            ApiProblems.JsonOptions, statusCode: 201);
    }

    private static async Task<IResult> SlotsAsync(string? queue, string? date, KioskMenu menu, AppointmentBook book, CancellationToken ct)
    {
        var resolved = await menu.ResolveQueueAsync(queue, ct);
        if (resolved is null) return Problem(404, "unknown_queue", "没有该业务队列：{0}", queue ?? "");
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return Problem(400, "invalid_date", "日期格式应为 yyyy-MM-dd。");
        var slots = await book.SlotsAsync(day, resolved.Code, ct);
        return Results.Json(slots.Select(s => new SlotDto(s.Start.ToString("HH:mm"), s.End.ToString("HH:mm"), s.Capacity, Math.Max(0, s.Capacity - s.Booked))),
            ApiProblems.JsonOptions);
    }

    private static async Task<IResult> BookAsync(HttpRequest request, KioskMenu menu, AppointmentBook book, CancellationToken ct)
    {
        var (body, invalid) = await ReadAsync<BookingRequest>(request, ct);
        if (invalid is not null) return invalid;
        var queue = await menu.ResolveQueueAsync(body!.Queue, ct);
        if (queue is null) return Problem(404, "unknown_queue", "没有该业务队列：{0}", body.Queue ?? "");
        if (!DateOnly.TryParseExact(body.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return Problem(400, "invalid_date", "日期格式应为 yyyy-MM-dd。");
        if (!TimeOnly.TryParseExact(body.Start, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            return Problem(400, "invalid_time", "时间格式应为 HH:mm。");
        var result = await book.BookAsync(queue.Id, day, start, body.IdNumber, BookingSource.Api, ct);
        if (!result.Result.Succeeded)
        {
            var status = result.Code switch { "invalid_id_number" => 400, "unknown_slot" => 404, _ => 409 };
            return Problem(status, result.Code, result.Result.Error!, result.Result.Args ?? []);
        }
        var b = result.Booking!;
        return Results.Json(new BookingDto(b.BookingCode, b.QueueName, b.QueueCode, b.Day.ToString("yyyy-MM-dd"), b.Start.ToString("HH:mm"), b.End.ToString("HH:mm")),
            ApiProblems.JsonOptions, statusCode: 201);
    }

    /// <summary>Reads a JSON body; anything that is not a JSON object of the expected shape is a 400 invalid_json.</summary>
    private static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, ApiProblems.JsonOptions, ct);
            return body is null ? (null, Problem(400, "invalid_json", "请求体不是有效的 JSON。")) : (body, null);
        }
        catch (JsonException)
        {
            return (null, Problem(400, "invalid_json", "请求体不是有效的 JSON。"));
        }
    }

    /// <summary>A problem whose title is the Chinese message with its arguments filled in.</summary>
    private static IResult Problem(int status, string code, string message, params object[] args) =>
        ApiProblems.Result(status, code, args.Length == 0 ? message : string.Format(CultureInfo.InvariantCulture, message, args));
}
