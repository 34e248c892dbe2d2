using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using OpsConsole.Auth;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Common;
using OpsConsole.Features.Queueing;
using OpsConsole.Realtime;

namespace OpsConsole.Components.Pages.Counter;

/// <summary>
/// The counter workstation (叫号工作台): sign in to a window, then call and serve tickets with
/// buttons or F-keys. The view reloads after each action and, coalesced, when the hall changes.
/// </summary>
public sealed partial class Workstation
{
    /// <summary>Bursts of hall events (a busy hall) cause at most one reload per this interval.</summary>
    private static readonly TimeSpan RefreshDelay = TimeSpan.FromMilliseconds(300);

    [Inject] private CounterDesk Desk { get; set; } = default!;
    [Inject] private QueueQueries Queries { get; set; } = default!;
    [Inject] private CounterChoices Choices { get; set; } = default!;
    [Inject] private OpsConsole.Features.Windows.RosterQueries Roster { get; set; } = default!;
    [Inject] private OpsConsole.Features.Common.CenterClock Clock { get; set; } = default!;
    [Inject] private HallEvents Events { get; set; } = default!;
    [Inject] private MaterialNotices Notices { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private readonly CancellationTokenSource disposed = new();
    private IDisposable? subscription;
    private CoalescedRefresh? refresh;
    private DotNetObjectReference<Workstation>? selfRef;
    private IJSObjectReference? shortcuts;

    private bool loaded;
    private bool busy;
    private int? staffId;
    private QueueQueries.CounterView? view;
    private HashSet<int> routedQueues = [];
    private IReadOnlyList<string> serviceItems = [];
    private int? serviceItemsQueueId;
    private int forThisWindow;
    private IReadOnlyList<CounterChoices.WindowChoice> choices = [];
    private int? rosteredWindowId;
    private OpResult? result;
    private bool transferOpen;
    private bool pauseOpen;
    private IReadOnlyList<CounterChoices.QueueTarget> transferQueues = [];
    private IReadOnlyList<CounterChoices.WindowTarget> transferWindows = [];
    private IReadOnlyList<CounterChoices.WaitingEntry> waitingList = [];
    private int waitingTotal;
    private IReadOnlyList<CounterChoices.NoteView> notes = [];
    private int? notesTicketId;
    private CounterChoices.ChosenItem? chosenItem;
    private bool parkOpen;
    private bool noticeOpen;
    private IReadOnlyList<MaterialNotices.ItemGuide> guides = [];
    private int? issuedNoticeId;
    private OpResult? noticeResult;
    private ConfirmKind confirm;
    private string? typedNumber;

    private enum ConfirmKind { None, NoShow, SignOut }

    private string CurrentNumber => view?.Current?.Number.ToString() ?? "";

    /// <summary>The window may call a ticket now: signed in, not paused, nothing at the counter.</summary>
    private bool CanCallNow => view is { Current: null } v && v.Session.State == WindowState.Idle;

    private int Waiting => (view?.Queues.Sum(q => q.Waiting) ?? 0) + forThisWindow;

    private string? Subtitle => view is null ? L["请选择并登录您的窗口"]
        : L["{0} · {1}（{2}）", view.Window.Name, view.Staff?.Name ?? "", view.Staff?.EmployeeNo ?? ""];

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthState).User;
        staffId = int.TryParse(user.FindFirstValue(AppClaimsPrincipalFactory.StaffIdClaim), out var id) ? id : null;
        if (staffId is not null)
        {
            await ReloadAsync();
            // Live updates only for the interactive page, not for its prerendered copy.
            if (RendererInfo.IsInteractive)
            {
                refresh = new CoalescedRefresh(RefreshDelay, _ => InvokeAsync(async () =>
                {
                    await ReloadAsync();
                    StateHasChanged();
                }), DispatchExceptionAsync);
                subscription = Events.Subscribe(OnHallEventAsync);
            }
        }
        loaded = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || staffId is null) return;
        selfRef = DotNetObjectReference.Create(this);
        var module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/counter-shortcuts.js");
        shortcuts = await module.InvokeAsync<IJSObjectReference>("register", selfRef);
        await module.DisposeAsync();
    }

    /// <summary>Called by counter-shortcuts.js for F1–F9 (never while typing or in a dialog).</summary>
    [JSInvokable]
    public async Task OnShortcut(string key)
    {
        if (CounterActionRules.ByKey(key) is not { } action) return;
        await DoAsync(action);
        StateHasChanged();
    }

    private async Task ReloadAsync()
    {
        if (staffId is not { } me) return;
        var windowId = await Queries.SignedInWindowAsync(me, disposed.Token);
        var next = windowId is { } w ? await Queries.CounterAsync(w, disposed.Token) : null;
        if (next is not null && next.Session.StaffId != me) next = null;
        if (next is null)
        {
            choices = await Choices.WindowsAsync(me, disposed.Token);
            // The window the roster gives this person now is proposed first.
            var now = Clock.Now;
            rosteredWindowId = await Roster.RosteredWindowAsync(me, Clock.Today,
                OpsConsole.Features.Windows.RosterQueries.HalfDayOf(TimeOnly.FromDateTime(now.DateTime)), disposed.Token);
            (transferOpen, pauseOpen, parkOpen, noticeOpen, confirm) = (false, false, false, false, ConfirmKind.None);
        }
        else
        {
            routedQueues = next.Queues.Select(q => q.QueueId).ToHashSet();
            forThisWindow = await Choices.WaitingForWindowAsync(next.Window.Id, disposed.Token);
            if (next.Current is { } t && t.QueueId != serviceItemsQueueId)
            {
                serviceItems = await Choices.ServiceItemsAsync(t.QueueId, disposed.Token);
                serviceItemsQueueId = t.QueueId;
            }
            if (next.Current is null) (transferOpen, parkOpen) = (false, false);
            if (next.Current is null && confirm == ConfirmKind.NoShow) confirm = ConfirmKind.None;
            (waitingList, waitingTotal) = await Choices.WaitingListAsync(next.Window.Id, ct: disposed.Token);
            if (next.Current?.Id != notesTicketId)
            {
                notes = next.Current is { } current ? await Choices.NotesAsync(current.Id, disposed.Token) : [];
                chosenItem = await Choices.ChosenItemAsync(next.Current?.ServiceItemId, disposed.Token);
                notesTicketId = next.Current?.Id;
            }
        }
        view = next;
    }

    private async Task DoAsync(CounterAction action)
    {
        if (view is null || busy || !CounterActionRules.Can(action, view, Waiting)) return;
        var (w, s) = (view.Window.Id, staffId!.Value);
        switch (action)
        {
            case CounterAction.CallNext: await RunAsync(() => Desk.CallNextAsync(w, s)); break;
            case CounterAction.Recall: await RunAsync(() => Desk.RecallAsync(w, s)); break;
            case CounterAction.Start: await RunAsync(() => Desk.StartAsync(w, s)); break;
            case CounterAction.Complete: await RunAsync(() => Desk.CompleteAsync(w, s)); break;
            case CounterAction.NoShow: confirm = ConfirmKind.NoShow; break;
            case CounterAction.Park: parkOpen = true; break;
            case CounterAction.Transfer: await OpenTransferAsync(); break;
            case CounterAction.PauseOrResume when view.Session.State == WindowState.Paused: await RunAsync(() => Desk.ResumeAsync(w, s)); break;
            case CounterAction.PauseOrResume: pauseOpen = true; break;
        }
    }

    /// <summary>Runs one action at a time: a double click or a held key does not act twice.</summary>
    private async Task RunAsync(Func<Task<OpResult>> action)
    {
        if (busy) return;
        busy = true;
        result = null;
        StateHasChanged();
        try
        {
            result = await action();
            await ReloadAsync();
        }
        finally
        {
            busy = false;
        }
    }

    private async Task OpenTransferAsync()
    {
        (transferQueues, transferWindows) = await Choices.TransferTargetsAsync(view!.Window.Id, disposed.Token);
        transferOpen = true;
    }

    private Task SignInAsync(int windowId) => RunAsync(() => Desk.SignInAsync(windowId, staffId!.Value));

    private Task SignOutAsync() => view is null ? Task.CompletedTask : RunAsync(() => Desk.SignOutAsync(view.Window.Id, staffId!.Value));

    private Task ResumeParkedAsync(int ticketId) => RunAsync(() => Desk.ResumeParkedAsync(view!.Window.Id, staffId!.Value, ticketId));

    private Task ReinstateAsync(int ticketId) => RunAsync(() => Desk.ReinstateAsync(view!.Window.Id, staffId!.Value, ticketId));

    private async Task TransferAsync(TransferRequest target)
    {
        var (w, s) = (view!.Window.Id, staffId!.Value);
        await RunAsync(() => target.QueueId is { } q
            ? Desk.TransferToQueueAsync(w, s, q, target.Note)
            : Desk.TransferToWindowAsync(w, s, target.WindowId!.Value, target.Note));
        if (result?.Succeeded == true) transferOpen = false;
    }

    private async Task ParkAsync(string? note)
    {
        await RunAsync(() => Desk.ParkAsync(view!.Window.Id, staffId!.Value, note));
        if (result?.Succeeded == true) parkOpen = false;
    }

    private async Task ConfirmNoShowAsync()
    {
        confirm = ConfirmKind.None;
        if (view?.Current is null) return;
        await RunAsync(() => Desk.NoShowAsync(view.Window.Id, staffId!.Value));
    }

    private async Task ConfirmSignOutAsync()
    {
        confirm = ConfirmKind.None;
        await SignOutAsync();
    }

    private Task CallNumberAsync(string number) => RunAsync(() => Desk.CallNumberAsync(view!.Window.Id, staffId!.Value, number));

    private async Task CallTypedNumberAsync()
    {
        if (view is null || !CanCallNow) return;
        await CallNumberAsync(typedNumber ?? "");
        if (result?.Succeeded == true) typedNumber = null;
    }

    private async Task OpenNoticeAsync()
    {
        if (view?.Current is not { } ticket) return;
        guides = await Notices.GuidesAsync(ticket.QueueId, disposed.Token);
        (issuedNoticeId, noticeResult, noticeOpen) = (null, null, true);
    }

    private void CloseNotice() => (noticeOpen, issuedNoticeId, noticeResult) = (false, null, null);

    private async Task IssueNoticeAsync((int ItemId, IReadOnlyCollection<string> Missing, string? Note) notice)
    {
        if (view is null || busy) return;
        busy = true;
        try
        {
            (noticeResult, issuedNoticeId) = await Notices.IssueAsync(view.Window.Id, staffId!.Value, notice.ItemId, notice.Missing, notice.Note, disposed.Token);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task PauseAsync((PauseReason Reason, string? Note) pause)
    {
        await RunAsync(() => Desk.PauseAsync(view!.Window.Id, staffId!.Value, pause.Reason, pause.Note));
        if (result?.Succeeded == true) pauseOpen = false;
    }

    private bool IsRelevant(HallEvent e)
    {
        var windowId = view?.Window.Id;
        // Choosing a window: only who sits where matters, not each call at every window (400 such pages
        // reloading on every call was most of the soak's server work).
        if (windowId is null) return e is WindowChanged { Staffing: true } or HallResync;
        return e switch
        {
            HallResync => true,
            WindowChanged c => c.WindowId == windowId,
            TicketIssued i => routedQueues.Contains(i.QueueId),
            TicketCalled c => c.WindowId == windowId || routedQueues.Contains(c.QueueId),
            // A transfer or a reinstated no-show may land here without touching our queues' windows.
            TicketChanged c => c.WindowId == windowId || routedQueues.Contains(c.QueueId) || c.State is "Transferred" or "Waiting",
            QueueChanged q => routedQueues.Contains(q.QueueId),
            _ => false,
        };
    }

    private Task OnHallEventAsync(HallEvent e)
    {
        if (IsRelevant(e)) refresh?.Request();
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        subscription?.Dispose();
        refresh?.Dispose();
        await disposed.CancelAsync();
        if (shortcuts is not null)
        {
            try
            {
                await shortcuts.InvokeVoidAsync("dispose");
                await shortcuts.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone; so is its listener.
            }
        }
        selfRef?.Dispose();
    }
}
