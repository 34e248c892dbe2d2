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

    private enum Screen { Menu, Guide, IdNumber, Booking, Phone, Issued }

    /// <summary>Items listed at once (the most frequent or the best matches).</summary>
    private const int MaxResults = 12;
    private const int ElderResults = 6;
    /// <summary>How old the item list may get before it is read again (the catalog changes rarely).</summary>
    private static readonly TimeSpan ItemsLifetime = TimeSpan.FromMinutes(5);

    [Inject] private KioskMenu Menu { get; set; } = default!;
    [Inject] private TicketIssuer Issuer { get; set; } = default!;
    [Inject] private KioskItems Items { get; set; } = default!;
    [Inject] private OpsConsole.Features.Notifications.NearTurnDesk Near { get; set; } = default!;
    [Inject] private HallEvents Events { get; set; } = default!;
    [Inject] private CenterClock Clock { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Auth { get; set; } = default!;
    [Inject] private ILogger<Kiosk> Log { get; set; } = default!;

    private Screen screen = Screen.Menu;
    private IReadOnlyList<KioskMenu.KioskZone> zones = [];
    private IReadOnlyList<KioskMenu.KioskQueue> queues = [];
    private IReadOnlyList<KioskItems.KioskItem> items = [];
    private IReadOnlyList<KioskItems.KioskDepartment> departments = [];
    private IReadOnlyList<KioskItems.KioskItem> results = [];
    private DateTimeOffset itemsLoadedAt;
    private bool byItem = true;
    private bool elder;
    private Screen? spokenScreen;
    private string query = "";
    private int? department;
    private KioskItems.KioskItem? chosenItem;
    private KioskItems.ItemGuide? guide;
    // An ID number read by the card reader before an item was chosen: it fills the ID screen.
    private string? idFromReader;
    private string? subscribedPhone;
    private DotNetObjectReference<Kiosk>? selfRef;
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

    private async Task LoadAsync()
    {
        queues = await Menu.QueuesAsync();
        zones = KioskMenu.ByZone(queues);
        if (Clock.Now - itemsLoadedAt > ItemsLifetime)
        {
            items = await Items.ItemsAsync();
            departments = KioskItems.Departments(items);
            itemsLoadedAt = Clock.Now;
            Search();
        }
    }

    private void Search() => results = KioskItems.Search(items, elder ? null : query, department, elder ? ElderResults : MaxResults);

    /// <summary>Elder-friendly mode: larger text, no letter keyboard, fewer items (the most frequent of a department).</summary>
    /// <summary>What elder-friendly mode reads aloud on each screen.</summary>
    private string VoicePrompt() => screen switch
    {
        Screen.Menu => L["请点选部门，再点选要办的事项"],
        Screen.Guide => L["请核对所需材料，备齐后点击取号"],
        Screen.IdNumber => L["请将身份证放在读卡区，或点击跳过"],
        Screen.Phone => L["请输入 11 位手机号码"],
        Screen.Booking => L["请输入预约码"],
        _ => L["取号成功，您的号码是 {0}，请取走凭条", issued?.Number ?? ""],
    };

    /// <summary>English mode (for the exit-entry queues' foreign applicants): the whole kiosk in English until it returns to the start.</summary>
    private static bool English => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private static string LanguageUrl(string culture) => $"culture/set?culture={culture}&redirectUri=%2Fkiosk";

    private void ToggleElder()
    {
        elder = !elder;
        query = "";
        Search();
        ArmReturn(IdleTimeout);
    }

    private void Letter(char letter)
    {
        if (query.Length < 12) query += letter;
        Search();
        ArmReturn(IdleTimeout);
    }

    private void LetterBack()
    {
        if (query.Length > 0) query = query[..^1];
        Search();
        ArmReturn(IdleTimeout);
    }

    private void ClearQuery()
    {
        query = "";
        Search();
    }

    private void PickDepartment(int? id)
    {
        department = id;
        Search();
        ArmReturn(IdleTimeout);
    }

    /// <summary>Shows the item's guide (what to bring) and the queue its ticket goes to, before any ticket is taken.</summary>
    private async Task OpenGuideAsync(KioskItems.KioskItem item)
    {
        chosenItem = item;
        chosen = KioskItems.QueueFor(item, queues);
        guide = await Items.GuideAsync(item.Id);
        if (guide is null)
        {
            error = OpResult.Fail("该事项已停止办理，请重新选择。");
            return;
        }
        error = null;
        screen = Screen.Guide;
        ArmReturn(IdleTimeout);
    }

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

    private void Choose(KioskMenu.KioskQueue queue, KioskItems.KioskItem? item)
    {
        chosen = queue;
        chosenItem = item;
        requestKey = null;
        entry = idFromReader ?? "";
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

    private void StartPhone()
    {
        entry = "";
        error = null;
        screen = Screen.Phone;
        ArmReturn(IdleTimeout);
    }

    private async Task SubscribeAsync()
    {
        if (issued is null || busy) return;
        busy = true;
        try
        {
            var (result, left) = await Near.SubscribeAsync(issued.PublicCode, entry);
            if (!result.Succeeded)
            {
                error = result;
                ArmReturn(IdleTimeout);
                return;
            }
            subscribedPhone = left!.PhoneMasked;
            entry = "";
            error = null;
            screen = Screen.Issued;
            ArmReturn(TimeSpan.FromSeconds(ReturnSeconds));
        }
        finally
        {
            busy = false;
        }
    }

    /// <summary>
    /// What an ID-card reader or a QR scanner typed (keyboard wedge: the characters, then Enter; docs/kiosk-devices.md).
    /// An ID number fills the ID screen (or waits for the item to be chosen); a booking code checks in.
    /// </summary>
    [JSInvokable]
    public async Task ScannedAsync(string text)
    {
        var id = KioskScan.IdNumber(text);
        var booking = id is null ? KioskScan.BookingCode(text) : null;
        switch (screen)
        {
            case Screen.IdNumber when id is not null:
                entry = id;
                break;
            case Screen.Phone:
                entry = new string(text.Where(char.IsAsciiDigit).Take(11).ToArray());
                break;
            case Screen.Menu or Screen.Guide or Screen.Booking when booking is not null:
                entry = booking;
                await CheckInAsync();
                break;
            case Screen.Menu or Screen.Guide when id is not null:
                idFromReader = id;
                break;
            default:
                error = OpResult.Fail("未能识别扫描内容，请重试或手动输入。");
                break;
        }
        ArmReturn(screen == Screen.Issued ? TimeSpan.FromSeconds(ReturnSeconds) : IdleTimeout);
        StateHasChanged();
    }

    private string ReasonText(KioskMenu.KioskQueue q)
    {
        if (q.ReasonDetail is { Length: > 0 } detail) return L["该业务暂停取号：{0}", detail];
        if (q.ReasonCode == "outside_hours")
            return q.NextOpening is { } next
                ? L["未开放 · 办理时间 {0} · 下次开放 {1}", q.Hours, NextText(next)]
                : L["未开放 · 办理时间 {0}", q.Hours];
        return L[q.Reason ?? "暂不能取号。"];
    }

    private static string ClosedLabel(KioskMenu.KioskQueue q) => q.ReasonCode == "outside_hours" ? "未开放" : "暂不能取号";

    private string NextText(DateTimeOffset next) => OpeningText.Next(L, next, Clock.Today);

    private string PlaceText(KioskMenu.KioskQueue q) =>
        string.IsNullOrEmpty(q.ZoneCode) ? L["其他业务"]
        : q.FloorLevel > 0 ? L["{0} 楼 {1} 区 {2}", q.FloorLevel, q.ZoneCode, q.ZoneName] : $"{q.ZoneCode} {q.ZoneName}";

    private static string FormText(OpsConsole.Domain.Catalog.MaterialForm form) => form switch
    {
        OpsConsole.Domain.Catalog.MaterialForm.Original => "原件",
        OpsConsole.Domain.Catalog.MaterialForm.Copy => "复印件",
        OpsConsole.Domain.Catalog.MaterialForm.OriginalAndCopy => "原件及复印件",
        _ => "电子材料",
    };

    private static string Masked(string id) => OpsConsole.Domain.People.ResidentIdNumber.Mask(id);

    private void Key(char key)
    {
        var max = screen switch { Screen.IdNumber => 18, Screen.Phone => 11, _ => Appointment.BookingCodeMaxLength };
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
            var itemId = chosenItem?.Id;
            var outcome = await RequestAsync(requestCode => Issuer.IssueAsync(code, TicketChannel.Kiosk, withId ? entry : null, requestCode: requestCode,
                serviceItemId: itemId));
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
            if (screen == Screen.IdNumber) entry = "";
            idFromReader = null;
            await LoadAsync();
            ArmReturn(IdleTimeout);
            return;
        }
        issued = outcome.Ticket!;
        if (queues.FirstOrDefault(q => q.Code == issued.QueueCode) is { ZoneCode.Length: > 0 } served)
            issued = issued with { Place = new QueuePlace(served.FloorLevel, served.ZoneCode, served.ZoneName) };
        idFromReader = null;
        subscribedPhone = null;
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
            selfRef = DotNetObjectReference.Create(this);
            module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/kiosk.js");
            await module.InvokeVoidAsync("listenForScans", selfRef);
            await JS.InvokeVoidAsync("opsConsole.markInteractive");
        }
        if (elder && spokenScreen != screen)
        {
            spokenScreen = screen;
            module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/kiosk.js");
            await module.InvokeVoidAsync("speak", VoicePrompt(), System.Globalization.CultureInfo.CurrentUICulture.Name);
        }
        if (!elder) spokenScreen = null;
        if (!printPending) return;
        printPending = false;
        module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/kiosk.js");
        await module.InvokeVoidAsync("printSlip");
    }

    private void Home()
    {
        returnTimer?.Cancel();
        // The next applicant starts in Chinese.
        if (English)
        {
            Nav.NavigateTo(LanguageUrl("zh-CN"), forceLoad: true);
            return;
        }
        screen = Screen.Menu;
        chosen = null;
        chosenItem = null;
        guide = null;
        requestKey = null;
        issued = null;
        entry = "";
        idFromReader = null;
        subscribedPhone = null;
        byItem = true;
        elder = false;
        query = "";
        department = null;
        Search();
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
        selfRef?.Dispose();
        _ = module?.DisposeAsync().AsTask().ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
