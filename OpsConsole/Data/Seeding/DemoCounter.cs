using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Queueing;

namespace OpsConsole.Data.Seeding;

/// <summary>
/// A month of the counter's paperwork for the demo: 一次性告知单 issued for about one completed ticket in 25 (missing
/// materials ticked from the item's guide) and a note on a few of them, so the records and the print view have data.
/// </summary>
public static class DemoCounter
{
    private const int Seed = 20261201;
    private const int WorkdaysBack = 22;

    private static readonly string[] Remarks = ["请于十个工作日内补齐", "复印件需加盖单位公章", "", "", "原件核验后退还"];
    private static readonly string[] Notes = ["缺材料，已出具一次性告知单", "群众去复印材料，约 15 分钟回来", "已核验身份证原件"];

    public static async Task GenerateAsync(IDbContextFactory<OpsDbContext> dbFactory, DateOnly today, CancellationToken ct = default)
    {
        var random = new Random(Seed);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calendar = new WorkCalendar(await db.CalendarEntries.AsNoTracking().ToListAsync(ct));
        var first = today;
        for (var n = 0; n < WorkdaysBack; ) if (calendar.IsWorkday(first = first.AddDays(-1))) n++;
        var itemsByQueue = (await db.Set<ServiceQueueItem>().AsNoTracking().ToListAsync(ct))
            .GroupBy(i => i.ServiceQueueId).ToDictionary(g => g.Key, g => g.Select(i => i.ServiceItemId).ToList());
        var items = await db.ServiceItems.AsNoTracking().Where(i => i.Active).ToDictionaryAsync(i => i.Id, ct);
        var tickets = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.ServiceDay >= first && t.ServiceDay < today && t.State == TicketState.Completed && t.ServiceStartedAt != null)
            .OrderBy(t => t.Id).ToListAsync(ct);
        foreach (var t in tickets.Where(_ => random.Next(25) == 0))
        {
            if (!itemsByQueue.TryGetValue(t.QueueId, out var ids)) continue;
            var item = items.GetValueOrDefault(ids[random.Next(ids.Count)]);
            if (item is null || item.Materials.Count == 0) continue;
            var guide = item.Materials.OrderBy(m => m.Order).Select(m => m.Name).ToList();
            var missing = guide.Where(_ => random.Next(3) == 0).DefaultIfEmpty(guide[random.Next(guide.Count)]).ToList();
            var at = t.ServiceStartedAt!.Value.AddMinutes(2 + random.Next(6));
            db.Add(MissingMaterialsNotice.Issue(t.Id, t.Number.ToString(), item.Id, item.Code, item.Name, guide, missing,
                Remarks[random.Next(Remarks.Length)], t.WindowId!.Value, t.StaffId!.Value, at));
            if (random.Next(3) == 0 && TicketNote.Write(t.Id, TicketNoteKind.Park, Notes[random.Next(Notes.Length)], t.WindowId.Value, t.StaffId.Value, at) is { } note)
                db.Add(note);
        }
        await db.SaveChangesAsync(ct);
    }
}
