using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Queueing;

namespace OpsConsole.Data.Seeding;

/// <summary>
/// The demo's past tickets carry the service item chosen at the kiosk (issue 10), so the kiosk's "most frequent
/// items first" has a month to count: in each queue a few items take most tickets (40 %, 20 %, then 10 % each),
/// as in a real hall. One statement per queue.
/// </summary>
public static class DemoHallItems
{
    public static async Task GenerateAsync(IDbContextFactory<OpsDbContext> dbFactory, DateOnly today, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var links = await db.Set<ServiceQueueItem>().AsNoTracking().ToListAsync(ct);
        foreach (var queue in links.GroupBy(l => l.ServiceQueueId))
        {
            var items = queue.Select(l => l.ServiceItemId).Order().ToList();
            // The department's own queue sorts its items by id; a varied pick: every third item leads.
            int Pick(int rank) => items[(rank * 3) % items.Count];
            int a = Pick(0), b = Pick(1), c = Pick(2), d = Pick(3), e = Pick(4), f = Pick(5), g = Pick(6);
            await db.Set<Ticket>().Where(t => t.IssuedQueueId == queue.Key && t.ServiceDay < today && t.Channel == TicketChannel.Kiosk)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ServiceItemId, t => (int?)(
                    t.Sequence % 10 < 4 ? a : t.Sequence % 10 < 6 ? b : t.Sequence % 10 == 6 ? c : t.Sequence % 10 == 7 ? d
                    : t.Sequence % 10 == 8 ? e : t.Sequence % 20 == 9 ? f : g)), ct);
        }
    }
}
