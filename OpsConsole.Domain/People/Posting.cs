using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.People;

/// <summary>
/// 入驻: a period a person is posted to the center (from 入驻 to 离驻, both days included; no end while
/// still posted), for a department and the windows they were rostered to. Attendance and assessment count
/// only posted days.
/// </summary>
public class Posting
{
    public const int WindowsMaxLength = 200;
    public const int NoteMaxLength = 200;

    private Posting() { }

    public Posting(int staffId, int? departmentId, DateOnly from, DateOnly? to, string? windows, string? note)
    {
        StaffId = staffId;
        Change(departmentId, from, to, windows, note);
    }

    public long Id { get; private set; }
    public int StaffId { get; private set; }
    public int? DepartmentId { get; private set; }
    /// <summary>入驻日期.</summary>
    public DateOnly From { get; private set; }
    /// <summary>离驻日期 (the last day posted), or null while posted.</summary>
    public DateOnly? To { get; private set; }
    /// <summary>The window codes the person was rostered to, as written (for example "A01、A02").</summary>
    public string Windows { get; private set; } = "";
    public string Note { get; private set; } = "";

    public bool Covers(DateOnly day) => day >= From && (To is null || day <= To);

    public void Change(int? departmentId, DateOnly from, DateOnly? to, string? windows, string? note)
    {
        if (to is { } end && end < from) throw new DomainException(PostingErrors.EndBeforeStart);
        DepartmentId = departmentId;
        From = from;
        To = to;
        Windows = DomainText.Optional(windows, WindowsMaxLength, PostingErrors.TooLong) ?? "";
        Note = DomainText.Optional(note, NoteMaxLength, PostingErrors.TooLong) ?? "";
    }

    /// <summary>Ends the posting on <paramref name="lastDay"/> (离驻).</summary>
    public void End(DateOnly lastDay) => Change(DepartmentId, From, lastDay, Windows, Note);
}

public static class PostingErrors
{
    public const string EndBeforeStart = "posting.end_before_start";
    public const string Overlaps = "posting.overlaps";
    public const string TooLong = "posting.too_long";
}

/// <summary>
/// The days a person is posted, from their postings. A person with no posting at all is taken as posted
/// on every day (people who were in the hall before postings were kept; ADR 0029).
/// </summary>
public sealed class PostedDays
{
    private readonly IReadOnlyList<(DateOnly From, DateOnly? To)> _periods;

    private PostedDays(IReadOnlyList<(DateOnly, DateOnly?)> periods) => _periods = periods;

    public static PostedDays From(IEnumerable<Posting> postings) => new(postings.Select(p => (p.From, p.To)).ToList());

    public static PostedDays Always { get; } = new([]);

    public bool HasPostings => _periods.Count > 0;

    public bool Contains(DateOnly day) => _periods.Count == 0 || _periods.Any(p => day >= p.From && (p.To is null || day <= p.To));

    /// <summary>Whether any day of the month is posted (whether the person belongs on the month's sheets).</summary>
    public bool AnyIn(YearMonth month) =>
        _periods.Count == 0 || _periods.Any(p => p.From <= month.LastDay && (p.To is null || p.To >= month.FirstDay));

    public int DaysIn(YearMonth month) => month.Days().Count(Contains);

    /// <summary>Refuses a posting whose period overlaps another of the same person's.</summary>
    public static void CheckNoOverlap(IEnumerable<Posting> others, DateOnly from, DateOnly? to)
    {
        foreach (var o in others)
            if (from <= (o.To ?? DateOnly.MaxValue) && o.From <= (to ?? DateOnly.MaxValue))
                throw new DomainException(PostingErrors.Overlaps);
    }
}
