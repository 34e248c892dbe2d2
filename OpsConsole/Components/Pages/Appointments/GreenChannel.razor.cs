using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Common;
using OpsConsole.Features.Queueing;

namespace OpsConsole.Components.Pages.Appointments;

public sealed partial class GreenChannel : IAsyncDisposable
{
    /// <summary>The reasons a manager may choose; only used to decide, never stored.</summary>
    private static readonly (string Key, string Icon, string Label)[] Reasons =
    [
        ("elderly", MudBlazor.Icons.Material.Filled.Elderly, "老年人"),
        ("disabled", MudBlazor.Icons.Material.Filled.Accessible, "残疾人"),
        ("pregnant", MudBlazor.Icons.Material.Filled.PregnantWoman, "孕妇"),
        ("military", MudBlazor.Icons.Material.Filled.MilitaryTech, "军人"),
    ];

    [Inject] private TicketIssuer Issuer { get; set; } = default!;
    [Inject] private KioskMenu Menu { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private IReadOnlyList<KioskMenu.KioskQueue> queues = [];
    private string centerName = "";
    private string? reason;
    private string? queue;
    private IssuedTicket? issued;
    private string statusUrl = "";
    private OpResult? result;
    private bool busy;
    private IJSObjectReference? module;

    protected override async Task OnInitializedAsync()
    {
        queues = await Menu.QueuesAsync();
        centerName = await Menu.CenterNameAsync();
    }

    private async Task IssueAsync()
    {
        if (queue is null || reason is null || busy) return;
        busy = true;
        try
        {
            var outcome = await Issuer.IssueAsync(queue, TicketChannel.ManagerIssued, priority: PriorityClass.GreenChannel);
            result = outcome.Result.Succeeded ? null : outcome.Result;
            issued = outcome.Ticket;
            if (issued is not null) statusUrl = Menu.StatusUrl(issued.PublicCode, Nav.BaseUri);
            reason = null;
            queues = await Menu.QueuesAsync();
        }
        finally
        {
            busy = false;
        }
    }

    private async Task PrintAsync()
    {
        module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/kiosk.js");
        await module.InvokeVoidAsync("printSlip");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (module is not null) await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
        }
    }
}
