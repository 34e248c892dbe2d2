using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Queueing;

namespace OpsConsole.Features.Displays;

/// <summary>
/// What the hall's screens show: a window's public state (window screen, evaluator) and the
/// lobby's snapshot. Plain data, no text: the pages word it, so it stays localizable.
/// </summary>
public sealed class DisplayQueries(IDbContextFactory<OpsDbContext> dbFactory, QueueQueries queues)
{
    /// <summary>A window as the hall sees it. <see cref="State"/> is a <see cref="WindowState"/> name, <see cref="PauseReason"/> a <see cref="Domain.Windows.PauseReason"/> name.</summary>
    public sealed record WindowDisplay(int WindowId, int WindowNumber, string WindowName, string? StaffName, string? StaffPhotoUrl,
        string? Current, string State, bool Paused, string? PauseReason, string? PauseNote)
    {
        /// <summary>The service item the current ticket was taken for at the kiosk; null when it names none.</summary>
        public string? CurrentItem { get; init; }
    }

    public sealed record CallDisplay(string Number, int WindowNumber, string QueueName, bool Recall, DateTimeOffset At);

    public sealed record QueueWaiting(string Code, string Prefix, string Name, int Waiting, int WindowsOpen);

    public sealed record LobbySnapshot(IReadOnlyList<CallDisplay> Calls, IReadOnlyList<QueueWaiting> Waiting, string? Notice);

    public const int LobbyCalls = 6;

    public async Task<WindowDisplay?> WindowAsync(int windowId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var window = await db.Windows.AsNoTracking().FirstOrDefaultAsync(w => w.Id == windowId, ct);
        if (window is null) return null;
        var session = await db.Set<WindowSession>().AsNoTracking().FirstOrDefaultAsync(s => s.WindowId == windowId, ct);
        var staff = session?.StaffId is { } sid ? await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sid, ct) : null;
        string? current = null, item = null;
        if (session?.CurrentTicketId is { } tid)
        {
            var t = await db.Set<Ticket>().AsNoTracking().Where(x => x.Id == tid).Select(x => new { x.Prefix, x.Sequence, x.ServiceItemId }).FirstOrDefaultAsync(ct);
            if (t is not null) current = new TicketNumber(t.Prefix, t.Sequence).ToString();
            if (t?.ServiceItemId is { } itemId) item = await db.ServiceItems.AsNoTracking().Where(i => i.Id == itemId).Select(i => i.Name).FirstOrDefaultAsync(ct);
        }
        var state = session?.State ?? WindowState.Closed;
        return new WindowDisplay(window.Id, window.Number, window.Name, staff?.Name, string.IsNullOrWhiteSpace(staff?.PhotoUrl) ? null : staff.PhotoUrl,
            current, state.ToString(), state == WindowState.Paused,
            state == WindowState.Paused ? session?.PauseReason?.ToString() : null, state == WindowState.Paused ? session?.PauseNote : null)
        {
            CurrentItem = item,
        };
    }

    /// <summary>Every window a screen may show.</summary>
    public async Task<IReadOnlyList<int>> WindowIdsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Windows.AsNoTracking().OrderBy(w => w.Id).Select(w => w.Id).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<QueueWaiting>> WaitingAsync(CancellationToken ct = default) =>
        (await queues.QueuesAsync(ct)).Select(q => new QueueWaiting(q.Code, q.Prefix.Value, q.Name, q.Waiting, q.WindowsOpen)).ToList();

    public async Task<LobbySnapshot> LobbyAsync(string? notice, CancellationToken ct = default)
    {
        var calls = await queues.RecentCallsAsync(LobbyCalls, ct);
        return new LobbySnapshot(calls.Select(c => new CallDisplay(c.Number, c.WindowNumber, c.QueueName, false, c.At)).ToList(),
            await WaitingAsync(ct), notice);
    }

    /// <summary>The name of a queue (calls carry only its id).</summary>
    public async Task<string> QueueNameAsync(int queueId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ServiceQueue>().Where(q => q.Id == queueId).Select(q => q.Name).FirstOrDefaultAsync(ct) ?? "";
    }

    /// <summary>The center's name for the screens' header.</summary>
    public async Task<string> CenterNameAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Centers.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
    }
}
