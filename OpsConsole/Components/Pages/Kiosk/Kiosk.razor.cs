using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using OpsConsole.Auth.Devices;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Common;
using OpsConsole.Features.Queueing;
using OpsConsole.Realtime;

namespace OpsConsole.Components.Pages.Kiosk;

public sealed partial class Kiosk
{
    /// <summary>Seconds the success screen stays before the kiosk returns to the start.</summary>
    public const int ReturnSeconds = 10;
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(60);
    /// <summary>How old an unanswered request may be for the page to fetch its ticket after a reload.</summary>
    private static readonly TimeSpan ResumeWithin = TimeSpan.FromMinutes(3);

    private enum Screen { Menu, IdNumber, Booking, Issued }

    [Inject] private KioskMenu Menu { get; set; } = default!;
    [Inject] private TicketIssuer Issuer { get; set; } = default!;
    [Inject] private HallEvents Events { get; set; } = default!;
    [Inject] private CenterClock Clock { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Auth { get; set; } = default!;
    [Inject] private ILogger<Kiosk> Log { get; set; } = default!;

    private Screen screen = Screen.Menu;
    private IReadOnlyList<KioskMenu.KioskZone> zones = [];
    private string centerName = "";
    private KioskMenu.KioskQueue? chosen;
    private string entry = "";
    private IssuedTicket? issued;
    private string statusUrl = "";
    private OpResult? error;
    private bool busy;
    private bool printPending;
    private int deviceId;
    // The Idempotency-Key of the request being made: kept until it is answered, so pressing again retries it.
    private string? requestKey;
    private readonly CoalescedRefresh refresh;

    public Kiosk() => refresh = new CoalescedRefresh(TimeSpan.FromMilliseconds(300), _ => InvokeAsync(async () =>
    {
        await LoadAsync();
        StateHasChanged();
    }), DispatchExceptionAsync);
    private IDisposable? subscription;
    private volatile bool disposed;
    private CancellationTokenSource? returnTimer;
    private Timer? clockTimer;
    private IJSObjectReference? module;

    private object[] LocalizedArgs => (error?.Args ?? []).Select(a => a is string s ? (object)L[s].Value : a).ToArray();

    protected override async Task OnInitializedAsync()
    {
        deviceId = (await Auth.GetAuthenticationStateAsync()).User.DeviceId() ?? 0;
        centerName = await Menu.CenterNameAsync();
        await LoadAsync();
        subscription = Events.Subscribe(OnHallEvent);
        // The clock and the refusals (opening hours) move with time even when nothing happens.
        clockTimer = new Timer(_ => _ = RefreshAsync(), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
    }

    private async Task LoadAsync() => zones = KioskMenu.ByZone(await Menu.QueuesAsync());

    private Task OnHallEvent(HallEvent e) => e switch
    {
        // This kiosk was revoked: it stops at once rather than at the next revalidation.
        DeviceRevoked revoked when revoked.DeviceId == deviceId =>
            InvokeAsync(() => Nav.NavigateTo(DeviceAuthenticationHandler.StoppedPath, forceLoad: true)),
        TicketIssued or TicketCalled or TicketChanged or WindowChanged or QueueChanged or HallResync => RefreshAsync(),
        _ => Task.CompletedTask,
    };

    /// <summary>Reloads the menu soon, a burst of events coalescing into one reload.</summary>
    private Task RefreshAsync()
    {
        if (!disposed) refresh.Request();
        return Task.CompletedTask;
    }

    private void Choose(KioskMenu.KioskQueue queue)
    {
        chosen = queue;
        requestKey = null;
        entry = "";
        error = null;
        screen = Screen.IdNumber;
        ArmReturn(IdleTimeout);
    }

    private void StartCheckIn()
    {
        requestKey = null;
        entry = "";
        error = null;
        screen = Screen.Booking;
        ArmReturn(IdleTimeout);
    }

    private void Key(char key)
    {
        var max = screen == Screen.IdNumber ? 18 : Appointment.BookingCodeMaxLength;
        // X is only the last character of an ID number.
        if (entry.Length < max && (key != 'X' || entry.Length == 17)) entry += key;
        ArmReturn(IdleTimeout);
    }

    private void Backspace()
    {
        if (entry.Length > 0) entry = entry[..^1];
        ArmReturn(IdleTimeout);
    }

    // Two letters need a smaller size to keep a margin inside the square badge.
    private static string PrefixClass(QueuePrefix prefix) =>
        prefix.Length > 1 ? "kiosk-tile-prefix kiosk-tile-prefix--two" : "kiosk-tile-prefix";

    private static string Grouped(string id) =>
        id.Length <= 6 ? id : id.Length <= 14 ? $"{id[..6]} {id[6..]}" : $"{id[..6]} {id[6..14]} {id[14..]}";

    private async Task TakeAsync(bool withId)
    {
        if (chosen is null || busy) return;
        busy = true;
        try
        {
            var code = chosen.Code;
            var outcome = await RequestAsync(requestCode => Issuer.IssueAsync(code, TicketChannel.Kiosk, withId ? entry : null, requestCode: requestCode));
            if (outcome is not null) await ShowAsync(outcome, fallback: withId ? Screen.IdNumber : Screen.Menu);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task CheckInAsync()
    {
        if (busy) return;
        busy = true;
        try
        {
            var bookingCode = entry;
            var outcome = await RequestAsync(requestCode => Issuer.CheckInAsync(bookingCode, requestCode: requestCode));
            if (outcome is not null) await ShowAsync(outcome, fallback: Screen.Booking);
        }
        finally
        {
            busy = false;
        }
    }

    /// <summary>
    /// Makes an idempotent request: its key is stored in the browser first and forgotten once answered. When the
    /// request fails unanswered the key stays, so pressing again (or a reload) gets the ticket if one was committed.
    /// Null when it failed.
    /// </summary>
    private async Task<IssueOutcome?> RequestAsync(Func<string, Task<IssueOutcome>> request)
    {
        requestKey ??= Guid.NewGuid().ToString("N");
        module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/kiosk.js");
        await module.InvokeVoidAsync("rememberRequest", requestKey);
        IssueOutcome outcome;
        try
        {
            outcome = await request(Issuer.RequestCode(deviceId, requestKey));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LogWarning(ex, "A kiosk ticket request failed unanswered; the same key is used again");
            error = OpResult.Fail("取号未完成，请再按一次；不会重复出号。");
            ArmReturn(IdleTimeout);
            return null;
        }
        requestKey = null;
        await module.InvokeVoidAsync("forgetRequest");
        return outcome;
    }

    /// <summary>After a reload: a request left unanswered (a crash between commit and answer) shows and prints its ticket.</summary>
    private async Task ResumeUnansweredAsync()
    {
        module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/kiosk.js");
        var key = await module.InvokeAsync<string?>("unansweredRequest", ResumeWithin.TotalMilliseconds);
        if (key is null) return;
        var found = await Issuer.FindAsync(Issuer.RequestCode(deviceId, key));
        await module.InvokeVoidAsync("forgetRequest");
        if (found is { Result.Succeeded: true })
        {
            await ShowAsync(found, fallback: Screen.Menu);
            StateHasChanged();
        }
    }

    private async Task ShowAsync(IssueOutcome outcome, Screen fallback)
    {
        entry = "";
        if (!outcome.Result.Succeeded)
        {
            error = outcome.Result;
            // A refused queue goes back to the menu, where its tile now says why.
            screen = KioskMenu.CodeOf(outcome.Result) is "invalid_id_number" or "invalid_booking_code" or "unknown_booking" or "booking_too_early"
                ? fallback : Screen.Menu;
            await LoadAsync();
            ArmReturn(IdleTimeout);
            return;
        }
        issued = outcome.Ticket!;
        statusUrl = Menu.StatusUrl(issued.PublicCode, Nav.BaseUri);
        error = null;
        screen = Screen.Issued;
        printPending = true;
        ArmReturn(TimeSpan.FromSeconds(ReturnSeconds));
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // DeviceLayout does not mark the page; the reconnect script and tests rely on the mark.
        if (firstRender && RendererInfo.IsInteractive)
        {
            await ResumeUnansweredAsync();
            await JS.InvokeVoidAsync("opsConsole.markInteractive");
        }
        if (!printPending) return;
        printPending = false;
        module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/kiosk.js");
        await module.InvokeVoidAsync("printSlip");
    }

    private void Home()
    {
        returnTimer?.Cancel();
        screen = Screen.Menu;
        chosen = null;
        requestKey = null;
        issued = null;
        entry = "";
        _ = RefreshAsync();
    }

    /// <summary>Goes back to the start after <paramref name="after"/> without a touch.</summary>
    private void ArmReturn(TimeSpan after)
    {
        returnTimer?.Cancel();
        returnTimer = new CancellationTokenSource();
        var token = returnTimer.Token;
        _ = ReturnLaterAsync(after, token);
    }

    private async Task ReturnLaterAsync(TimeSpan after, CancellationToken token)
    {
        try
        {
            await Task.Delay(after, token);
            await InvokeAsync(() =>
            {
                if (token.IsCancellationRequested) return;
                error = null;
                Home();
                StateHasChanged();
            });
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    public void Dispose()
    {
        disposed = true;
        subscription?.Dispose();
        refresh.Dispose();
        clockTimer?.Dispose();
        returnTimer?.Cancel();
        _ = module?.DisposeAsync().AsTask().ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
