using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Auth;
using OpsConsole.Auth.Devices;
using OpsConsole.Data;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Queueing;

/// <summary>
/// The API of hardware calling pads (叫号器), each bound to one window by its token. The pad acts
/// as the staff member signed in at its window, through the same <see cref="CounterDesk"/> as the
/// workstation, and answers with the window's state. Documented in docs/device-api.md.
/// </summary>
public static class CounterPadEndpoints
{
    public const string NotStaffed = "窗口无人登录";

    public static void MapCounterPadEndpoints(this WebApplication app)
    {
        // Bearer token only (no staff cookie, no redirect to a login page): a missing, unknown or
        // revoked token gets a 401 problem from the device handler.
        var padOnly = new AuthorizationPolicyBuilder(DeviceAuthenticationHandler.SchemeName)
            .RequireClaim(DeviceAuthenticationHandler.DeviceKindClaim, nameof(DeviceKind.CounterPad)).Build();
        var api = app.MapGroup("/api/counter").RequireAuthorization(padOnly);

        api.MapPost("/call-next", (HttpContext http, CounterDesk desk) => ActAsync(http, desk, (d, w, s) => d.CallNextAsync(w, s)));
        api.MapPost("/recall", (HttpContext http, CounterDesk desk) => ActAsync(http, desk, (d, w, s) => d.RecallAsync(w, s)));
        api.MapPost("/start", (HttpContext http, CounterDesk desk) => ActAsync(http, desk, (d, w, s) => d.StartAsync(w, s)));
        api.MapPost("/complete", (HttpContext http, CounterDesk desk) => ActAsync(http, desk, (d, w, s) => d.CompleteAsync(w, s)));
        api.MapPost("/no-show", (HttpContext http, CounterDesk desk) => ActAsync(http, desk, (d, w, s) => d.NoShowAsync(w, s)));
        api.MapPost("/resume", (HttpContext http, CounterDesk desk) => ActAsync(http, desk, (d, w, s) => d.ResumeAsync(w, s)));
        api.MapPost("/pause", async (HttpContext http, CounterDesk desk) =>
        {
            var (request, problem) = await ReadPauseAsync(http.Request);
            if (problem is not null) return problem;
            return await ActAsync(http, desk, (d, w, s) => d.PauseAsync(w, s, request!.Value.Reason, request.Value.Note));
        });
    }

    /// <summary>The window's state as the pad shows it.</summary>
    public sealed record PadState(int Window, string WindowName, string State, string StateText, PadTicket? Current, int Waiting, string? Notice);

    public sealed record PadTicket(string Number, string State);

    private static async Task<IResult> ActAsync(HttpContext http, CounterDesk desk, Func<CounterDesk, int, int, Task<OpResult>> action)
    {
        var services = http.RequestServices;
        if (http.User.DeviceWindowId() is not { } windowId)
            return ApiProblems.Result(StatusCodes.Status403Forbidden, "pad_not_bound", "该叫号器未绑定窗口，请联系系统管理员。");
        var dbFactory = services.GetRequiredService<IDbContextFactory<OpsDbContext>>();
        int? staffId;
        await using (var db = await dbFactory.CreateDbContextAsync(http.RequestAborted))
        {
            staffId = await db.Set<WindowSession>().Where(s => s.WindowId == windowId && s.State != WindowState.Closed)
                .Select(s => s.StaffId).FirstOrDefaultAsync(http.RequestAborted);
        }
        if (staffId is null) return ApiProblems.Result(StatusCodes.Status409Conflict, "window_not_staffed", NotStaffed);

        var result = await action(desk, windowId, staffId.Value);
        if (!result.Succeeded) return Problem(result);
        var notice = result.NoticeText is null ? null : string.Format(result.NoticeText, result.Args ?? []);
        return Results.Json(await StateAsync(services, windowId, notice), ApiProblems.JsonOptions);
    }

    private static async Task<PadState> StateAsync(IServiceProvider services, int windowId, string? notice)
    {
        var view = (await services.GetRequiredService<QueueQueries>().CounterAsync(windowId))!;
        var state = view.Session.State;
        var stateText = state switch
        {
            WindowState.Idle => "空闲",
            WindowState.Serving => "办理中",
            WindowState.Paused => "暂停服务",
            _ => "未登录",
        };
        var current = view.Current is { } t ? new PadTicket(t.Number.ToString(), t.State.ToString()) : null;
        return new PadState(view.Window.Number, view.Window.Name, state.ToString(), stateText, current, view.Queues.Sum(q => q.Waiting), notice);
    }

    private static readonly Dictionary<string, (int Status, string Code)> Codes = new()
    {
        ["当前没有等候的号。"] = (StatusCodes.Status409Conflict, "no_ticket_waiting"),
        [QueueingMessages.Of(WindowErrors.TicketAtCounter)] = (StatusCodes.Status409Conflict, "ticket_at_counter"),
        [QueueingMessages.Of(WindowErrors.NoTicketAtCounter)] = (StatusCodes.Status409Conflict, "no_ticket_at_counter"),
        [QueueingMessages.Of(WindowErrors.Paused)] = (StatusCodes.Status409Conflict, "window_paused"),
        [QueueingMessages.Of(WindowErrors.NotPaused)] = (StatusCodes.Status409Conflict, "window_not_paused"),
        [QueueingMessages.Of(WindowErrors.NoteTooLong)] = (StatusCodes.Status400BadRequest, "note_too_long"),
        [QueueingMessages.Of(Domain.Queueing.QueueingErrors.NotCalled)] = (StatusCodes.Status409Conflict, "ticket_not_called"),
        [QueueingMessages.Of(Domain.Queueing.QueueingErrors.NotServing)] = (StatusCodes.Status409Conflict, "ticket_not_serving"),
        ["请先登录窗口。"] = (StatusCodes.Status409Conflict, "window_not_staffed"),
        ["该窗口已由其他工作人员登录。"] = (StatusCodes.Status409Conflict, "window_occupied"),
        ["该号刚被其他窗口处理，请刷新后重试。"] = (StatusCodes.Status409Conflict, "ticket_conflict"),
    };

    private static IResult Problem(OpResult result)
    {
        var message = string.Format(result.Error ?? "操作未能完成，请刷新后重试。", result.Args ?? []);
        var (status, code) = Codes.GetValueOrDefault(result.Error ?? "", (StatusCodes.Status409Conflict, "action_refused"));
        return ApiProblems.Result(status, code, message);
    }

    private static readonly Dictionary<string, PauseReason> ChineseReasons = new()
    {
        ["休息"] = PauseReason.Break,
        ["会议"] = PauseReason.Meeting,
        ["后台办件"] = PauseReason.BackOffice,
        ["其他"] = PauseReason.Other,
    };

    private static async Task<((PauseReason Reason, string? Note)? Request, IResult? Problem)> ReadPauseAsync(HttpRequest request)
    {
        JsonElement body;
        try
        {
            using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            body = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return (null, ApiProblems.Result(StatusCodes.Status400BadRequest, "malformed_json", "请求内容不是有效的 JSON。"));
        }
        var reasonText = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String
            ? r.GetString()!.Trim() : null;
        PauseReason? reason = reasonText is null ? null
            : ChineseReasons.TryGetValue(reasonText, out var zh) ? zh
            : Enum.GetNames<PauseReason>().FirstOrDefault(n => n.Equals(reasonText, StringComparison.OrdinalIgnoreCase)) is { } name
                ? Enum.Parse<PauseReason>(name) : null;
        if (reason is null)
        {
            return (null, ApiProblems.Result(StatusCodes.Status400BadRequest, "invalid_pause_reason",
                "暂停原因无效，应为 Break、Meeting、BackOffice、Other 或 休息、会议、后台办件、其他。"));
        }
        string? note = null;
        if (body.TryGetProperty("note", out var n))
        {
            if (n.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                return (null, ApiProblems.Result(StatusCodes.Status400BadRequest, "invalid_note", "暂停说明应为文字。"));
            note = n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        }
        return ((reason.Value, note), null);
    }
}
