using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using OpsConsole.Auth.Devices;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Common;
using OpsConsole.Features.Displays;
using OpsConsole.Features.Satisfaction;
using OpsConsole.Realtime;

namespace OpsConsole.Components.Pages.Displays;

public partial class Evaluator
{
    /// <summary>How long the thank-you screen stays before the idle screen returns.</summary>
    public static readonly TimeSpan ThanksFor = TimeSpan.FromSeconds(5);
    /// <summary>An unanswered rating screen returns to idle after this long.</summary>
    public static readonly TimeSpan RatingTimeout = TimeSpan.FromMinutes(2);

    public enum Screen { Idle, Rate, Reasons, Thanks }

    internal static readonly (SatisfactionLevel Level, string Label, string Icon)[] Levels =
    [
        (SatisfactionLevel.VerySatisfied, "非常满意", "emoji-laughing"),
        (SatisfactionLevel.Satisfied, "满意", "emoji-smile"),
        (SatisfactionLevel.Basic, "基本满意", "emoji-neutral"),
        (SatisfactionLevel.Dissatisfied, "不满意", "emoji-frown"),
        (SatisfactionLevel.VeryDissatisfied, "非常不满意", "emoji-angry"),
    ];

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;
    [Inject] private HallEvents Events { get; set; } = default!;
    [Inject] private DisplayQueries Queries { get; set; } = default!;
    [Inject] private EvaluationDesk Desk { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private IDisposable? subscription;
    private CancellationTokenSource? timer;
    private int? windowId;
    private DisplayQueries.WindowDisplay? window;
    private Screen screen = Screen.Idle;
    private EvaluationDesk.RateableTicket? ticket;
    private SatisfactionLevel chosen;
    private OpResult? result;
    private bool busy;

    private string FamilyName => window?.StaffName is { Length: > 0 } name ? name[..1] : "";

    protected override async Task OnInitializedAsync()
    {
        windowId = (await AuthState).User.DeviceWindowId();
        if (windowId is not { } id) return;
        subscription = Events.Subscribe(OnHallEventAsync);
        window = await Queries.WindowAsync(id);
        // A completion just before this page (re)loaded can still be rated.
        if (await Desk.PendingAsync(id) is { } pending) ShowRating(pending);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The device layout has no staff chrome to do it: tests wait for this mark.
        if (firstRender && RendererInfo.IsInteractive) await JS.InvokeVoidAsync("opsConsole.markInteractive");
    }

    private Task OnHallEventAsync(HallEvent e) => e switch
    {
        TicketChanged { State: nameof(TicketState.Completed) } c when c.WindowId == windowId =>
            InvokeAsync(() => { ShowRating(new EvaluationDesk.RateableTicket(c.TicketId, c.Number)); StateHasChanged(); }),
        WindowChanged w when w.WindowId == windowId => ReloadWindowAsync(w.WindowId),
        HallResync when windowId is { } id => ReloadWindowAsync(id),
        _ => Task.CompletedTask,
    };

    private Task ReloadWindowAsync(int id) => InvokeAsync(async () =>
    {
        try
        {
            window = await Queries.WindowAsync(id);
            StateHasChanged();
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    });

    private void ShowRating(EvaluationDesk.RateableTicket next)
    {
        ticket = next;
        result = null;
        busy = false;
        screen = Screen.Rate;
        ReturnToIdleAfter(RatingTimeout);
    }

    private async Task ChooseAsync(SatisfactionLevel level)
    {
        chosen = level;
        result = null;
        if (level.IsBad())
        {
            screen = Screen.Reasons;
            ReturnToIdleAfter(RatingTimeout);
            return;
        }
        await SubmitAsync(level, [], null);
    }

    private Task SubmitBadAsync((IReadOnlyList<EvaluationReason> Reasons, string? Comment) input) =>
        SubmitAsync(chosen, input.Reasons, input.Comment);

    private void BackToLevels()
    {
        result = null;
        screen = Screen.Rate;
    }

    private async Task SubmitAsync(SatisfactionLevel level, IReadOnlyList<EvaluationReason> reasons, string? comment)
    {
        if (ticket is null || windowId is not { } id || busy) return;
        busy = true;
        try
        {
            result = await Desk.SubmitAsync(id, ticket.TicketId, level, reasons, comment);
        }
        finally
        {
            busy = false;
        }
        if (!result.Succeeded) return;
        ticket = null;
        screen = Screen.Thanks;
        ReturnToIdleAfter(ThanksFor);
    }

    private void ReturnToIdleAfter(TimeSpan delay)
    {
        timer?.Cancel();
        timer?.Dispose();
        timer = new CancellationTokenSource();
        var token = timer.Token;
        _ = Task.Delay(delay, token).ContinueWith(t =>
        {
            if (t.IsCanceled) return Task.CompletedTask;
            return InvokeAsync(() =>
            {
                if (token.IsCancellationRequested) return;
                screen = Screen.Idle;
                ticket = null;
                result = null;
                StateHasChanged();
            });
        }, TaskScheduler.Default);
    }

    public void Dispose()
    {
        subscription?.Dispose();
        timer?.Cancel();
        timer?.Dispose();
    }
}
