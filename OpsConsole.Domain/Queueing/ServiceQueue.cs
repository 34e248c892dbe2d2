using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Queueing;

/// <summary>
/// A queue applicants take tickets for (e.g. "A 不动产登记"): its prefix (one or two letters), the service items
/// it covers, its opening hours, service-level target, daily cap and whether the kiosk issues.
/// </summary>
public class ServiceQueue
{
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 60;
    public const int IssuingStoppedReasonMaxLength = 200;
    public static readonly TimeSpan DefaultTargetWait = TimeSpan.FromMinutes(20);

    private List<OpeningPeriod> _openingPeriods = [];
    private readonly List<ServiceQueueItem> _items = [];

    private ServiceQueue() { }

    public ServiceQueue(string code, QueuePrefix prefix, string name, IEnumerable<OpeningPeriod> openingPeriods,
        TimeSpan? targetWait = null, int? dailyCap = null)
    {
        Rename(code, name);
        ChangePrefix(prefix);
        SetOpeningHours(openingPeriods);
        SetTargetWait(targetWait ?? DefaultTargetWait);
        SetDailyCap(dailyCap);
        IsIssuing = true;
    }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public QueuePrefix Prefix { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>Service level: the share of tickets called within this wait is the queue's headline figure.</summary>
    public TimeSpan TargetWait { get; private set; }
    /// <summary>Most tickets the kiosk issues per day; null = no cap.</summary>
    public int? DailyCap { get; private set; }
    public bool IsIssuing { get; private set; }
    public string? IssuingStoppedReason { get; private set; }

    /// <summary>Sorted, non-overlapping; a lunch break is the gap between two periods.</summary>
    public IReadOnlyList<OpeningPeriod> OpeningPeriods => _openingPeriods;
    public IReadOnlyCollection<ServiceQueueItem> Items => _items;

    public TimeOnly OpensAt => _openingPeriods[0].Opens;
    public TimeOnly ClosesAt => _openingPeriods[^1].Closes;

    public bool Covers(int serviceItemId) => _items.Any(i => i.ServiceItemId == serviceItemId);

    public bool IsOpenAt(TimeOnly time) => _openingPeriods.Any(p => p.Contains(time));

    /// <summary>
    /// When service would begin if it waits <paramref name="wait"/> of open time from
    /// <paramref name="from"/> (breaks do not count); null when that falls at or after closing.
    /// </summary>
    public TimeOnly? OpenTimeAfter(TimeOnly from, TimeSpan wait)
    {
        var remaining = wait;
        foreach (var period in _openingPeriods)
        {
            if (from >= period.Closes) continue;
            var start = from > period.Opens ? from : period.Opens;
            var available = period.Closes - start;
            if (remaining < available) return start.Add(remaining);
            remaining -= available;
        }
        return null;
    }

    public void Rename(string code, string name)
    {
        code = code?.Trim() ?? "";
        name = name?.Trim() ?? "";
        if (code.Length is 0 or > CodeMaxLength) throw new DomainException(QueueingErrors.InvalidCode);
        if (name.Length is 0 or > NameMaxLength) throw new DomainException(QueueingErrors.InvalidName);
        Code = code;
        Name = name;
    }

    /// <summary>Takes effect for tickets issued afterwards; issued tickets keep their own prefix.</summary>
    public void ChangePrefix(QueuePrefix prefix)
    {
        if (prefix.Length == 0) throw new DomainException(QueueingErrors.InvalidPrefix);
        Prefix = prefix;
    }

    public void SetOpeningHours(IEnumerable<OpeningPeriod> periods)
    {
        var sorted = periods.OrderBy(p => p.Opens).ToList();
        if (sorted.Count == 0) throw new DomainException(QueueingErrors.InvalidOpeningHours);
        for (var i = 1; i < sorted.Count; i++)
            if (sorted[i].Opens < sorted[i - 1].Closes) throw new DomainException(QueueingErrors.InvalidOpeningHours);
        _openingPeriods.Clear();
        _openingPeriods.AddRange(sorted);
    }

    public void SetTargetWait(TimeSpan targetWait)
    {
        if (targetWait <= TimeSpan.Zero) throw new DomainException(QueueingErrors.InvalidTargetWait);
        TargetWait = targetWait;
    }

    public void SetDailyCap(int? dailyCap)
    {
        if (dailyCap is < 1 or > TicketNumber.MaxSequence) throw new DomainException(QueueingErrors.InvalidDailyCap);
        DailyCap = dailyCap;
    }

    public void AddServiceItem(int serviceItemId)
    {
        if (!Covers(serviceItemId)) _items.Add(new ServiceQueueItem(serviceItemId));
    }

    public void RemoveServiceItem(int serviceItemId) => _items.RemoveAll(i => i.ServiceItemId == serviceItemId);

    public void StopIssuing(string reason)
    {
        reason = reason?.Trim() ?? "";
        if (reason.Length is 0 or > IssuingStoppedReasonMaxLength) throw new DomainException(QueueingErrors.ReasonRequired);
        IsIssuing = false;
        IssuingStoppedReason = reason;
    }

    public void ResumeIssuing()
    {
        IsIssuing = true;
        IssuingStoppedReason = null;
    }
}

/// <summary>A service item (事项) a queue covers; the key is (queue, item).</summary>
public class ServiceQueueItem
{
    private ServiceQueueItem() { }

    internal ServiceQueueItem(int serviceItemId) => ServiceItemId = serviceItemId;

    public int ServiceQueueId { get; private set; }
    public int ServiceItemId { get; private set; }
}
