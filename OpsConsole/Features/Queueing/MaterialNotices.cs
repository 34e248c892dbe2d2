using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.Common;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Queueing;

/// <summary>
/// The one-time notice of missing materials at the counter: the guides of the ticket's items to tick missing materials from, issuing the notice
/// (kept as printed: who, when, ticket, items) and reading it back for the print view.
/// </summary>
public sealed class MaterialNotices(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock)
{
    public sealed record ItemGuide(int ItemId, string Code, string Name, IReadOnlyList<RequiredMaterial> Materials);

    /// <summary>The active items of a queue with their guide materials, in guide order; items without materials are left out.</summary>
    public async Task<IReadOnlyList<ItemGuide>> GuidesAsync(int queueId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.Set<ServiceQueueItem>().Where(i => i.ServiceQueueId == queueId).Select(i => i.ServiceItemId).ToListAsync(ct);
        var items = await db.ServiceItems.AsNoTracking().Where(s => ids.Contains(s.Id) && s.Active)
            .OrderBy(s => s.Name).ToListAsync(ct);
        return items.Where(i => i.Materials.Count > 0)
            .Select(i => new ItemGuide(i.Id, i.Code, i.Name, i.Materials.OrderBy(m => m.Order).ToList())).ToList();
    }

    /// <summary>Issues a notice for the ticket at the window's counter; returns its id to print.</summary>
    public async Task<(OpResult Result, int? NoticeId)> IssueAsync(int windowId, int staffId, int itemId, IReadOnlyCollection<string> missing, string? note,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Set<WindowSession>().AsNoTracking().FirstOrDefaultAsync(s => s.WindowId == windowId, ct);
        if (session is null || session.State == WindowState.Closed || session.StaffId != staffId) return (OpResult.Fail("请先登录窗口。"), null);
        if (session.CurrentTicketId is not { } ticketId) return (OpResult.Fail(QueueingMessages.Of(WindowErrors.NoTicketAtCounter)), null);
        var ticket = await db.Set<Ticket>().AsNoTracking().FirstAsync(t => t.Id == ticketId, ct);
        var item = await db.ServiceItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.Active, ct);
        if (item is null) return (OpResult.FailOn("Item", "请选择事项。"), null);
        try
        {
            var notice = MissingMaterialsNotice.Issue(ticket.Id, ticket.Number.ToString(), item.Id, item.Code, item.Name,
                item.Materials.OrderBy(m => m.Order).Select(m => m.Name).ToList(), missing, note, windowId, staffId, clock.Now);
            db.Add(notice);
            await db.SaveChangesAsync(ct);
            return (OpResult.Notice("已出具一次性告知单（{0} 项材料）。", notice.Materials.Count), notice.Id);
        }
        catch (DomainException ex)
        {
            return (OpResult.FailOn("Materials", QueueingMessages.Of(ex.Message)), null);
        }
    }

    /// <summary>A notice as printed: the record, the item's department, the window and the person who issued it.</summary>
    public sealed record PrintedNotice(MissingMaterialsNotice Notice, string CenterName, string DepartmentName, int WindowNumber, string WindowName,
        string StaffName, string StaffNo, DateTimeOffset IssuedAtLocal, string Place, string Phone, int PromisedDays);

    public async Task<PrintedNotice?> FindAsync(int noticeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var notice = await db.Set<MissingMaterialsNotice>().AsNoTracking().FirstOrDefaultAsync(n => n.Id == noticeId, ct);
        if (notice is null) return null;
        var item = await db.ServiceItems.AsNoTracking().Include(i => i.Department).FirstAsync(i => i.Id == notice.ServiceItemId, ct);
        var window = await db.Windows.AsNoTracking().FirstAsync(w => w.Id == notice.WindowId, ct);
        var staff = await db.Staff.AsNoTracking().FirstAsync(s => s.Id == notice.StaffId, ct);
        var center = await db.Centers.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        return new PrintedNotice(notice, center, item.Department?.Name ?? "", window.Number, window.Name, staff.Name, staff.EmployeeNo,
            clock.ToLocal(notice.IssuedAt), item.Place, item.Phone, item.PromisedLimitDays);
    }

    /// <summary>The notices a window issued for a ticket (newest first), to print one again.</summary>
    public async Task<IReadOnlyList<(int Id, string ItemName, DateTimeOffset IssuedAt)>> ForTicketAsync(int ticketId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<MissingMaterialsNotice>().AsNoTracking().Where(n => n.TicketId == ticketId)
            .Select(n => new { n.Id, n.ItemName, n.IssuedAt }).ToListAsync(ct);
        return rows.OrderByDescending(r => r.Id).Select(r => (r.Id, r.ItemName, clock.ToLocal(r.IssuedAt))).ToList();
    }
}
