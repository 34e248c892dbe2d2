using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using OpsConsole.Auth;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Common;
using OpsConsole.Features.Queueing;

namespace OpsConsole.Components.Pages.Appointments;

public sealed partial class Appointments
{
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;
    [Inject] private AppointmentBook Book { get; set; } = default!;
    [Inject] private QueueQueries Queries { get; set; } = default!;
    [Inject] private CenterClock Clock { get; set; } = default!;

    private IReadOnlyList<QueueQueries.QueueSummary> queues = [];
    private IReadOnlyList<AppointmentBook.SlotView> slots = [];
    private DateOnly day;
    private string filterQueue = "";
    private bool isManager;
    private OpResult? result;
    private OpResult? notice;

    private string slotQueue = "";
    private TimeOnly slotStart = new(9, 0);
    private TimeOnly slotEnd = new(9, 30);
    private int slotCapacity = 6;
    private int dayMinutes = 30;

    private AppointmentBook.SlotView? booking;
    private AppointmentBook.Booking? booked;
    private OpResult? bookingResult;
    private string idNumber = "";
    private bool busy;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthState).User;
        isManager = user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Admin);
        day = Clock.Today;
        queues = await Queries.QueuesAsync();
        slotQueue = queues.FirstOrDefault()?.Code ?? "";
        await LoadAsync();
    }

    private async Task LoadAsync() => slots = await Book.SlotsAsync(day, filterQueue == "" ? null : filterQueue);

    private async Task DayChangedAsync(ChangeEventArgs e)
    {
        if (DateOnly.TryParse(e.Value?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var d)) day = d;
        await LoadAsync();
    }

    private async Task FilterChangedAsync(ChangeEventArgs e)
    {
        filterQueue = e.Value?.ToString() ?? "";
        if (filterQueue != "") slotQueue = filterQueue;
        await LoadAsync();
    }

    private async Task AddSlotAsync() => await ShowAsync(isManager ? await Book.AddSlotAsync(slotQueue, day, slotStart, slotEnd, slotCapacity) : Denied);

    private async Task AddDayAsync() => await ShowAsync(isManager ? await Book.AddDaySlotsAsync(slotQueue, day, dayMinutes, slotCapacity) : Denied);

    private async Task MarkNoShowsAsync()
    {
        if (!isManager) { await ShowAsync(Denied); return; }
        var count = await Book.MarkNoShowsAsync(day);
        await ShowAsync(OpResult.Notice("已将 {0} 个未签到的预约标记为爽约。", count));
    }

    private static OpResult Denied => OpResult.Fail("只有中心管理人员可以设置时段。");

    private async Task ShowAsync(OpResult r)
    {
        result = r.Succeeded ? null : r;
        notice = r.Succeeded && r.NoticeText is not null ? r : null;
        await LoadAsync();
    }

    private void OpenBooking(AppointmentBook.SlotView slot)
    {
        booking = slot;
        booked = null;
        bookingResult = null;
        idNumber = "";
    }

    private async Task BookAsync()
    {
        if (booking is null || busy) return;
        busy = true;
        try
        {
            var r = await Book.BookAsync(booking.SlotId, idNumber, BookingSource.Console);
            bookingResult = r.Result.Succeeded ? null : r.Result;
            booked = r.Booking;
            idNumber = "";
            await LoadAsync();
        }
        finally
        {
            busy = false;
        }
    }

    // Labels passed as arguments ("工号") are localization keys too; numbers pass through.
    private object[] LocalizedArgs(OpResult r) => (r.Args ?? []).Select(a => a is string s ? (object)L[s].Value : a).ToArray();

    private void CloseBooking()
    {
        booking = null;
        booked = null;
        idNumber = "";
    }
}
