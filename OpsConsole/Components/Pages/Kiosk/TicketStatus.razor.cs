using Microsoft.AspNetCore.Components;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Queueing;
using OpsConsole.Realtime;

namespace OpsConsole.Components.Pages.Kiosk;

public sealed partial class TicketStatus
{
    /// <summary>The ticket's public code from the slip's QR code (required, from the route).</summary>
    [Parameter] public string Code { get; set; } = "";

    [Inject] private QueueQueries Queries { get; set; } = default!;
    [Inject] private KioskMenu Menu { get; set; } = default!;
    [Inject] private HallEvents Events { get; set; } = default!;
    [Inject] private TicketExtras Extras { get; set; } = default!;
    [Inject] private OpsConsole.Features.Notifications.NearTurnDesk Near { get; set; } = default!;

    private QueueQueries.PublicTicketStatus? status;
    private TicketExtras.Extras? extras;
    private (string PhoneMasked, NearTurnState State)? notice;
    private string phone = "";
    private string? phoneError;
    private bool busy;
    private string centerName = "";
    private bool loaded;
    private IDisposable? subscription;
    private CoalescedRefresh? refresh;
    private Timer? timer;

    protected override async Task OnParametersSetAsync()
    {
        status = await Queries.StatusAsync(Code);
        if (status is not null && centerName == "") centerName = await Menu.CenterNameAsync();
        if (status is not null)
        {
            extras = await Extras.ByPublicCodeAsync(Code);
            notice = await Near.CurrentAsync(Code);
        }
        loaded = true;
        if (status is null || subscription is not null) return;
        refresh = new CoalescedRefresh(TimeSpan.FromMilliseconds(200), async ct =>
        {
            var fresh = await Queries.StatusAsync(Code, ct);
            var freshNotice = await Near.CurrentAsync(Code, ct);
            await InvokeAsync(() =>
            {
                status = fresh;
                notice = freshNotice;
                StateHasChanged();
            });
        }, DispatchExceptionAsync);
        // Only this ticket's queue moves its place; anyone holding a slip can open this page, so
        // it reloads at most once per burst and never holds up the hall (HallEvents).
        var queueId = status.QueueId;
        subscription = Events.Subscribe(e =>
        {
            if (e is TicketIssued { QueueId: var a } && a == queueId || e is TicketCalled { QueueId: var b } && b == queueId
                || e is TicketChanged { QueueId: var c } && c == queueId || e is HallResync) refresh.Request();
            return Task.CompletedTask;
        });
        // Forecasts drift with time even when nothing is called.
        timer = new Timer(_ => refresh.Request(), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
    }

    private async Task SubscribeAsync()
    {
        if (busy) return;
        busy = true;
        try
        {
            var (result, left) = await Near.SubscribeAsync(Code, phone);
            phoneError = result.Succeeded ? null : result.Error;
            if (left is null) return;
            notice = (left.PhoneMasked, NearTurnState.Pending);
            phone = "";
        }
        finally
        {
            busy = false;
        }
    }

    private string StateText => status!.State switch
    {
        TicketState.Waiting => L["等候中"],
        TicketState.Called => L["请到 {0} 号窗口办理", status.WindowNumber ?? 0],
        TicketState.Serving => L["正在 {0} 号窗口办理", status.WindowNumber ?? 0],
        TicketState.Completed => L["已办结"],
        TicketState.NoShow => L["已过号"],
        TicketState.Parked => L["暂停办理，请留意窗口通知"],
        _ => L["已取消"],
    };

    private string StateClass => status!.State switch
    {
        TicketState.Waiting => "is-waiting",
        TicketState.Called or TicketState.Serving => "is-called",
        TicketState.NoShow or TicketState.Parked => "is-missed",
        _ => "is-done",
    };

    public void Dispose()
    {
        subscription?.Dispose();
        timer?.Dispose();
        refresh?.Dispose();
    }
}
