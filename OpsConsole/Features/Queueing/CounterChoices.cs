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

    public sealed record QueueTarget(int QueueId, QueuePrefix Prefix, string Name);

    public sealed record WindowTarget(int WindowId, int Number, string Name, bool Open);

    /// <summary>Where a ticket at <paramref name="windowId"/> can go: every queue, every other active window.</summary>
    public async Task<(IReadOnlyList<QueueTarget> Queues, IReadOnlyList<WindowTarget> Windows)> TransferTargetsAsync(int windowId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var queues = await db.Set<ServiceQueue>().AsNoTracking().OrderBy(q => q.Prefix)
            .Select(q => new QueueTarget(q.Id, q.Prefix, q.Name)).ToListAsync(ct);
        var open = await db.Set<WindowSession>().Where(s => s.State != WindowState.Closed).Select(s => s.WindowId).ToListAsync(ct);
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

    /// <summary>Tickets waiting for this window by name (transferred to it), not counted in its queues.</summary>
    public async Task<int> WaitingForWindowAsync(int windowId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = clock.Today;
        return await db.Set<Ticket>().CountAsync(t => t.ServiceDay == today && t.State == TicketState.Waiting && t.TargetWindowId == windowId, ct);
    }
}
