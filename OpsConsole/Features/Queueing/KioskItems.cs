using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Queueing;

/// <summary>
/// The kiosk's service items (事项): every active item some queue handles, with its pinyin initials for search
/// and how often it was chosen in the last <see cref="FrequencyDays"/> days (most frequent first, issue 10).
/// </summary>
public sealed class KioskItems(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock)
{
    public const int FrequencyDays = 30;

    /// <param name="QueueCodes">The queues that handle the item, the most specific (fewest items) first.</param>
    public sealed record KioskItem(int Id, string Code, string Name, string Initials, int DepartmentId, string DepartmentName,
        int DepartmentOrder, int Frequency, IReadOnlyList<string> QueueCodes);

    public sealed record KioskDepartment(int Id, string Name);

    /// <summary>What the applicant reads before taking a ticket: the materials to bring and the promise.</summary>
    public sealed record ItemGuide(int Id, string Code, string Name, string DepartmentName, IReadOnlyList<RequiredMaterial> Materials,
        int PromisedLimitDays, string Fees, int VisitsNeeded);

    public async Task<IReadOnlyList<KioskItem>> ItemsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var links = await db.Set<ServiceQueueItem>().AsNoTracking().Select(l => new { l.ServiceQueueId, l.ServiceItemId }).ToListAsync(ct);
        var queueCodes = await db.Set<ServiceQueue>().AsNoTracking().ToDictionaryAsync(q => q.Id, q => q.Code, ct);
        var itemsPerQueue = links.GroupBy(l => l.ServiceQueueId).ToDictionary(g => g.Key, g => g.Count());
        var queuesOf = links.GroupBy(l => l.ServiceItemId).ToDictionary(g => g.Key,
            g => (IReadOnlyList<string>)g.OrderBy(l => itemsPerQueue[l.ServiceQueueId]).ThenBy(l => queueCodes[l.ServiceQueueId], StringComparer.Ordinal)
                .Select(l => queueCodes[l.ServiceQueueId]).ToList());
        var since = clock.Today.AddDays(-FrequencyDays);
        var frequency = await db.Set<Ticket>().Where(t => t.ServiceDay >= since && t.ServiceItemId != null)
            .GroupBy(t => t.ServiceItemId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var items = await db.ServiceItems.AsNoTracking().Where(i => i.Active)
            .Select(i => new { i.Id, i.Code, i.Name, i.DepartmentId, Department = i.Department!.ShortName, FullName = i.Department.Name, i.Department.SortOrder })
            .ToListAsync(ct);
        return items.Where(i => queuesOf.ContainsKey(i.Id))
            .Select(i => new KioskItem(i.Id, i.Code, i.Name, PinyinInitials.Of(i.Name), i.DepartmentId,
                string.IsNullOrEmpty(i.Department) ? i.FullName : i.Department, i.SortOrder, frequency.GetValueOrDefault(i.Id), queuesOf[i.Id]))
            .OrderBy(i => i.DepartmentOrder).ThenBy(i => i.DepartmentId).ThenByDescending(i => i.Frequency).ThenBy(i => i.Id).ToList();
    }

    /// <summary>The departments that have items at the kiosk, in the center's order.</summary>
    public static IReadOnlyList<KioskDepartment> Departments(IEnumerable<KioskItem> items) =>
        items.GroupBy(i => (i.DepartmentOrder, i.DepartmentId, i.DepartmentName)).OrderBy(g => g.Key.DepartmentOrder).ThenBy(g => g.Key.DepartmentId)
            .Select(g => new KioskDepartment(g.Key.DepartmentId, g.Key.DepartmentName)).ToList();

    /// <summary>
    /// The items matching <paramref name="query"/> (pinyin initials such as "BDC", or part of the name or code) within
    /// <paramref name="departmentId"/>, most frequent first; without a query, the most frequent items.
    /// </summary>
    public static IReadOnlyList<KioskItem> Search(IEnumerable<KioskItem> items, string? query, int? departmentId, int max)
    {
        var q = (query ?? "").Trim();
        var scoped = departmentId is { } d ? items.Where(i => i.DepartmentId == d) : items;
        if (q.Length > 0)
        {
            // Item codes mix letters and digits: only a query with a digit is read as (part of) a code.
            var codeLike = q.Any(char.IsAsciiDigit);
            scoped = scoped.Where(i => PinyinInitials.Matches(i.Name, q) || i.Name.Contains(q, StringComparison.Ordinal)
                                       || codeLike && i.Code.Contains(q, StringComparison.OrdinalIgnoreCase));
        }
        var letters = new string(q.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return scoped
            .OrderByDescending(i => letters.Length > 0 && i.Initials.StartsWith(letters, StringComparison.Ordinal))
            .ThenByDescending(i => i.Frequency).ThenBy(i => i.DepartmentOrder).ThenBy(i => i.Id)
            .Take(max).ToList();
    }

    /// <summary>The queue a ticket for <paramref name="item"/> goes to: the most specific one that issues now, else the most specific.</summary>
    public static KioskMenu.KioskQueue? QueueFor(KioskItem item, IReadOnlyList<KioskMenu.KioskQueue> queues)
    {
        var candidates = item.QueueCodes.Select(c => queues.FirstOrDefault(q => q.Code == c)).OfType<KioskMenu.KioskQueue>().ToList();
        return candidates.FirstOrDefault(q => q.Issuing) ?? candidates.FirstOrDefault();
    }

    public async Task<ItemGuide?> GuideAsync(int itemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.ServiceItems.AsNoTracking().Include(i => i.Department)
            .FirstOrDefaultAsync(i => i.Id == itemId && i.Active, ct);
        return item is null ? null : new ItemGuide(item.Id, item.Code, item.Name, item.Department?.Name ?? "",
            item.Materials.OrderBy(m => m.Order).ToList(), item.PromisedLimitDays, item.Fees, item.VisitsNeeded);
    }
}
