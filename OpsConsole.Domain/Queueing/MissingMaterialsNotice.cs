using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Queueing;

/// <summary>
/// 一次性告知单: the counter tells the applicant, once and in writing, every material still missing for an item, from
/// the item's guide. It keeps what was printed (item, materials) as it was then, and who issued it, when, for which ticket.
/// </summary>
public class MissingMaterialsNotice
{
    public const int NoteMaxLength = TicketNote.TextMaxLength;
    public const int MaterialMaxLength = 200;
    public const int ItemNameMaxLength = 120;
    public const int ItemCodeMaxLength = 40;

    private MissingMaterialsNotice() { }

    public int Id { get; private set; }
    public int TicketId { get; private set; }
    public string TicketNumber { get; private set; } = "";
    public int ServiceItemId { get; private set; }
    public string ItemCode { get; private set; } = "";
    public string ItemName { get; private set; } = "";
    /// <summary>The missing materials as the guide named them, in the guide's order.</summary>
    public List<string> Materials { get; private set; } = [];
    public string Note { get; private set; } = "";
    public int WindowId { get; private set; }
    public int StaffId { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>The notice's number as printed: date and id ("20261123-0007").</summary>
    public string DocumentNumber => $"{IssuedAt:yyyyMMdd}-{Id:D4}";

    /// <param name="guideMaterials">The item's materials in guide order; every missing one must be among them.</param>
    public static MissingMaterialsNotice Issue(int ticketId, string ticketNumber, int serviceItemId, string itemCode, string itemName,
        IReadOnlyList<string> guideMaterials, IEnumerable<string> missing, string? note, int windowId, int staffId, DateTimeOffset at)
    {
        if (ticketId <= 0 || windowId <= 0 || staffId <= 0 || serviceItemId <= 0) throw new DomainException(QueueingErrors.InvalidWindowOrStaff);
        var ticked = missing.ToHashSet(StringComparer.Ordinal);
        if (ticked.Count == 0) throw new DomainException(QueueingErrors.NoticeWithoutMaterials);
        if (!ticked.IsSubsetOf(guideMaterials)) throw new DomainException(QueueingErrors.NoticeMaterialNotInGuide);
        var trimmed = note?.Trim() ?? "";
        if (trimmed.Length > NoteMaxLength) throw new DomainException(QueueingErrors.NoteTooLong);
        return new MissingMaterialsNotice
        {
            TicketId = ticketId, TicketNumber = ticketNumber, ServiceItemId = serviceItemId, ItemCode = itemCode, ItemName = itemName,
            Materials = guideMaterials.Where(ticked.Contains).Distinct().ToList(), Note = trimmed,
            WindowId = windowId, StaffId = staffId, IssuedAt = at,
        };
    }
}
