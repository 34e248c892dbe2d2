using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Queueing;

/// <summary>
/// The lists the counter workstation offers besides its own view: windows to sign in to,
/// places to transfer a ticket to, and the service items of the ticket at the counter.
/// </summary>
public sealed class CounterChoices(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock)
{
    /// <summary>A window to sign in to; <see cref="OccupiedBy"/> is the name of whoever is signed in there.</summary>
    public sealed record WindowChoice(int WindowId, int Number, string Name, string? Department, bool OwnDepartment, string? OccupiedBy);

    /// <summary>Active windows, those of the staff member's department first, then by number.</summary>
    public async Task<IReadOnlyList<WindowChoice>> WindowsAsync(int staffId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var departmentId = await db.Staff.Where(s => s.Id == staffId).Select(s => s.DepartmentId).FirstOrDefaultAsync(ct);
        var windows = await db.Windows.AsNoTracking().Include(w => w.Department).Where(w => w.Active).ToListAsync(ct);
        var occupants = await (from s in db.Set<WindowSession>()
                               join p in db.Staff on s.StaffId equals p.Id
                               where s.State != WindowState.Closed && s.StaffId != staffId
                               select new { s.WindowId, p.Name }).ToDictionaryAsync(x => x.WindowId, x => x.Name, ct);
        return windows
            .Select(w => new WindowChoice(w.Id, w.Number, w.Name, w.Department?.Name, departmentId is not null && w.DepartmentId == departmentId,
                occupants.GetValueOrDefault(w.Id)))
            .OrderByDescending(w => w.OwnDepartment).ThenBy(w => w.Number).ToList();
    }

    /// <param name="OpenWindows">Windows signed in now that serve the queue: 0 means nobody would call a ticket sent there.</param>
    public sealed record QueueTarget(int QueueId, QueuePrefix Prefix, string Name, int OpenWindows = 0);

    public sealed record WindowTarget(int WindowId, int Number, string Name, bool Open);

    /// <summary>Where a ticket at <paramref name="windowId"/> can go: every queue, every other active window.</summary>
    public async Task<(IReadOnlyList<QueueTarget> Queues, IReadOnlyList<WindowTarget> Windows)> TransferTargetsAsync(int windowId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.Set<WindowSession>().Where(s => s.State != WindowState.Closed).Select(s => s.WindowId).ToListAsync(ct);
        var openByQueue = (await db.Set<WindowQueueRoute>().Where(r => open.Contains(r.WindowId)).Select(r => new { r.QueueId, r.WindowId }).ToListAsync(ct))
            .GroupBy(r => r.QueueId).ToDictionary(g => g.Key, g => g.Select(r => r.WindowId).Distinct().Count());
        var queues = (await db.Set<ServiceQueue>().AsNoTracking().OrderBy(q => q.Prefix).Select(q => new { q.Id, q.Prefix, q.Name }).ToListAsync(ct))
            .Select(q => new QueueTarget(q.Id, q.Prefix, q.Name, openByQueue.GetValueOrDefault(q.Id))).ToList();
        var windows = await db.Windows.AsNoTracking().Where(w => w.Active && w.Id != windowId).OrderBy(w => w.Number)
            .Select(w => new { w.Id, w.Number, w.Name }).ToListAsync(ct);
        return (queues, windows.Select(w => new WindowTarget(w.Id, w.Number, w.Name, open.Contains(w.Id))).ToList());
    }

    /// <summary>The names of the service items a queue covers (what the person at the counter came for).</summary>
    public async Task<IReadOnlyList<string>> ServiceItemsAsync(int queueId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from i in db.Set<ServiceQueueItem>()
                      join s in db.ServiceItems on i.ServiceItemId equals s.Id
                      where i.ServiceQueueId == queueId
                      orderby s.Name
                      select s.Name).ToListAsync(ct);
    }

    /// <summary>The service item an applicant chose at the kiosk, as the counter shows it (its code opens the public guide).</summary>
    public sealed record ChosenItem(int Id, string Code, string Name);

    /// <summary>The item a ticket was taken for; null when the ticket names none or the item is gone.</summary>
    public async Task<ChosenItem?> ChosenItemAsync(int? serviceItemId, CancellationToken ct = default)
    {
        if (serviceItemId is not { } id) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ServiceItems.AsNoTracking().Where(s => s.Id == id).Select(s => new ChosenItem(s.Id, s.Code, s.Name)).FirstOrDefaultAsync(ct);
    }

    /// <summary>Tickets waiting for this window by name (transferred to it), not counted in its queues.</summary>
    public async Task<int> WaitingForWindowAsync(int windowId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = clock.Today;
        return await db.Set<Ticket>().CountAsync(t => t.ServiceDay == today && t.State == TicketState.Waiting && t.TargetWindowId == windowId, ct);
    }

    /// <summary>One ticket this window may call, in the order it would call them.</summary>
    public sealed record WaitingEntry(int TicketId, string Number, string QueueName, PriorityClass Priority, DateTimeOffset IssuedAt,
        bool ForThisWindow, bool Reinstated, bool HasNotes);

    /// <summary>The tickets this window may call, in call order (transferred to it first, then by route and priority), at most <paramref name="take"/>.</summary>
    public async Task<(IReadOnlyList<WaitingEntry> Entries, int Total)> WaitingListAsync(int windowId, int take = 50, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = clock.Today;
        var routes = await db.Set<WindowQueueRoute>().Where(r => r.WindowId == windowId).Select(r => new QueueRoute(r.QueueId, r.Precedence)).ToListAsync(ct);
        var queueIds = routes.Select(r => r.QueueId).ToList();
        var candidates = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.ServiceDay == today && t.State == TicketState.Waiting && (queueIds.Contains(t.QueueId) || t.TargetWindowId == windowId))
            .ToListAsync(ct);
        var ordered = CallPolicy.Order(windowId, routes, candidates).ToList();
        var shown = ordered.Take(take).ToList();
        var shownIds = shown.Select(t => t.Id).ToList();
        var names = await db.Set<ServiceQueue>().AsNoTracking().Select(q => new { q.Id, q.Name }).ToDictionaryAsync(q => q.Id, q => q.Name, ct);
        var noted = (await db.Set<TicketNote>().Where(n => shownIds.Contains(n.TicketId)).Select(n => n.TicketId).Distinct().ToListAsync(ct)).ToHashSet();
        return (shown.Select(t => new WaitingEntry(t.Id, t.Number.ToString(), names.GetValueOrDefault(t.QueueId, ""), t.Priority, clock.ToLocal(t.IssuedAt),
            t.TargetWindowId == windowId, t.ReinstatedAt is not null, noted.Contains(t.Id))).ToList(), ordered.Count);
    }

    /// <summary>A note as the next counter reads it: who wrote it, where, when.</summary>
    public sealed record NoteView(TicketNoteKind Kind, string Text, int WindowNumber, string StaffName, DateTimeOffset WrittenAt);

    /// <summary>The notes written on a ticket, oldest first.</summary>
    public async Task<IReadOnlyList<NoteView>> NotesAsync(int ticketId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from n in db.Set<TicketNote>()
                          join w in db.Windows on n.WindowId equals w.Id
                          join s in db.Staff on n.StaffId equals s.Id
                          where n.TicketId == ticketId
                          select new { n.Kind, n.Text, w.Number, s.Name, n.WrittenAt, n.Id }).ToListAsync(ct);
        return rows.OrderBy(r => r.Id).Select(r => new NoteView(r.Kind, r.Text, r.Number, r.Name, clock.ToLocal(r.WrittenAt))).ToList();
    }
}
