using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Queueing;

namespace OpsConsole.Features.Queueing;

/// <summary>
/// What a ticket carries besides its place in line: the chosen item (with its public guide's code) and the masked
/// ID number. For the status page and, once it shows them, the counter (issue 10).
/// </summary>
public sealed class TicketExtras(IDbContextFactory<OpsDbContext> dbFactory)
{
    public sealed record Extras(string? ItemName, string? ItemCode, string? IdNumberMasked, QueuePlace? Place);

    public async Task<Extras?> ByPublicCodeAsync(string publicCode, CancellationToken ct = default)
    {
        if (!Ticket.IsValidPublicCode(publicCode)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Set<Ticket>().AsNoTracking().Where(t => t.PublicCode == publicCode)
            .Select(t => new { t.QueueId, t.ServiceItemId, t.IdNumberMasked }).FirstOrDefaultAsync(ct);
        return row is null ? null : await DescribeAsync(db, row.QueueId, row.ServiceItemId, row.IdNumberMasked, ct);
    }

    public async Task<Extras?> ByIdAsync(int ticketId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Set<Ticket>().AsNoTracking().Where(t => t.Id == ticketId)
            .Select(t => new { t.QueueId, t.ServiceItemId, t.IdNumberMasked }).FirstOrDefaultAsync(ct);
        return row is null ? null : await DescribeAsync(db, row.QueueId, row.ServiceItemId, row.IdNumberMasked, ct);
    }

    private static async Task<Extras> DescribeAsync(OpsDbContext db, int queueId, int? itemId, string? masked, CancellationToken ct)
    {
        var item = itemId is { } id
            ? await db.ServiceItems.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Name, i.Code }).FirstOrDefaultAsync(ct)
            : null;
        return new Extras(item?.Name, item?.Code, masked, await QueuePlace.OfAsync(db, queueId, ct));
    }
}
