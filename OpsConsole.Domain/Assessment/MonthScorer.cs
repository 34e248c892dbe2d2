using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Assessment;

/// <summary>
/// A source record the month is scored from: a rating, a card, a finding, an attendance line…, on a
/// staff member or a window, on a day. <see cref="Points"/> is set when the source carries its own
/// (an attendance line, an inspection finding); otherwise the scheme's points per occurrence apply.
/// </summary>
public sealed record AssessmentEvent(string ItemCode, ItemSubject Subject, int SubjectId, DateOnly Date, string SourceType,
    string SourceId, string Description, decimal? Points = null, int Occurrences = 1);

/// <summary>A manager's decision on an appealed line: its new points (null: the line no longer counts) and why.</summary>
public sealed record LineAdjustment(string ItemCode, string SourceType, string SourceId, decimal? NewPoints, string Reason);

/// <summary>Why a line's points differ from its source's.</summary>
public enum LineNote { None, CapReached, AppealUpheld }

/// <summary>One line of a score, naming its source (为什么扣了2分？ → this line).</summary>
public sealed record ScoreLine(string ItemCode, string ItemName, DateOnly? Date, string SourceType, string SourceId, string Description,
    decimal SourcePoints, decimal Points, LineNote Note, string? NoteText, bool IsVeto);

public sealed record SubjectScore(ItemSubject Subject, int SubjectId, decimal Base, IReadOnlyList<ScoreLine> Lines, decimal Total,
    bool Vetoed, bool FloorApplied)
{
    public decimal Deductions => Lines.Where(l => l.Points < 0).Sum(l => l.Points);
    public decimal Bonuses => Lines.Where(l => l.Points > 0).Sum(l => l.Points);
}

/// <summary>Days a staff member served at a window in the month (from rosters and window sessions).</summary>
public sealed record WindowDays(int WindowId, int StaffId, int Days);

/// <summary>A chief representative and the windows whose deductions they share.</summary>
public sealed record ChiefWindows(int StaffId, IReadOnlyCollection<int> WindowIds);

public sealed record MonthScores(YearMonth Month, IReadOnlyDictionary<int, SubjectScore> Staff, IReadOnlyDictionary<int, SubjectScore> Windows);

/// <summary>
/// Scores a month (PRODUCT.md §7): staff score = base + its lines within each item's monthly cap,
/// bonuses above the bonus cap not counted, a floor if the scheme has one; only events on days the
/// person was posted count. The chief representative bears a share of their windows' own deductions,
/// as lines of their own. Window score = the staff scores weighted by days served there, plus the
/// window's own lines. Pure: the same sources give the same scores.
/// </summary>
public static class MonthScorer
{
    public static MonthScores Score(AssessmentScheme scheme, YearMonth month, IEnumerable<int> postedStaff, Func<int, DateOnly, bool> isPosted,
        IEnumerable<AssessmentEvent> events, IEnumerable<WindowDays> windowDays, IEnumerable<ChiefWindows> chiefs,
        IEnumerable<LineAdjustment> adjustments)
    {
        var adjusted = adjustments.ToDictionary(a => (a.ItemCode, a.SourceType, a.SourceId));
        var staffIds = postedStaff.ToHashSet();
        var inMonth = events.Where(e => month.Contains(e.Date)).ToList();
        var staffEvents = inMonth.Where(e => e.Subject == ItemSubject.Staff && staffIds.Contains(e.SubjectId) && isPosted(e.SubjectId, e.Date))
            .ToLookup(e => e.SubjectId);
        var windowEvents = inMonth.Where(e => e.Subject == ItemSubject.Window).ToLookup(e => e.SubjectId);
        var days = windowDays.Where(d => d.Days > 0).ToList();
        var windowIds = windowEvents.Select(g => g.Key).Concat(days.Select(d => d.WindowId)).ToHashSet();

        var windowLines = windowIds.ToDictionary(w => w, w => Lines(scheme, windowEvents[w], adjusted));

        var shareLines = new Dictionary<int, List<ScoreLine>>();
        foreach (var chief in chiefs.Where(c => staffIds.Contains(c.StaffId)))
        {
            var lines = new List<ScoreLine>();
            foreach (var w in chief.WindowIds.Distinct().Order())
            {
                var deductions = windowLines.GetValueOrDefault(w)?.Where(l => l.Points < 0).Sum(l => l.Points) ?? 0m;
                var share = decimal.Round(deductions * scheme.ChiefShare, 2, MidpointRounding.AwayFromZero);
                if (share != 0)
                    lines.Add(new ScoreLine(ItemCodes.ChiefShare, "首席代表分担窗口扣分", null, "window", w.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        "", deductions, share, LineNote.None, null, false));
            }
            shareLines[chief.StaffId] = lines;
        }

        var staff = staffIds.ToDictionary(s => s, s =>
            Total(scheme, ItemSubject.Staff, s, [.. Lines(scheme, staffEvents[s], adjusted), .. shareLines.GetValueOrDefault(s) ?? []]));

        var daysByWindow = days.ToLookup(d => d.WindowId);
        var windows = windowIds.ToDictionary(w => w, w =>
        {
            var served = daysByWindow[w].Where(d => staff.ContainsKey(d.StaffId)).ToList();
            var totalDays = served.Sum(d => d.Days);
            var fromStaff = totalDays == 0 ? scheme.BaseScore : served.Sum(d => staff[d.StaffId].Total * d.Days) / totalDays;
            return Total(scheme, ItemSubject.Window, w, windowLines[w], decimal.Round(fromStaff, 2, MidpointRounding.AwayFromZero));
        });
        return new MonthScores(month, staff, windows);
    }

    /// <summary>The lines of one subject: items in date order, each within its monthly cap, appealed lines as decided.</summary>
    private static List<ScoreLine> Lines(AssessmentScheme scheme, IEnumerable<AssessmentEvent> events,
        IReadOnlyDictionary<(string, string, string), LineAdjustment> adjusted)
    {
        var lines = new List<ScoreLine>();
        foreach (var group in events.GroupBy(e => scheme.Item(e.ItemCode)?.Code ?? throw new DomainException(AssessmentErrors.UnknownItem)))
        {
            var item = scheme.Item(group.Key)!;
            var room = item.MonthlyCap;
            foreach (var e in group.OrderBy(e => e.Date).ThenBy(e => e.SourceType, StringComparer.Ordinal).ThenBy(e => e.SourceId, StringComparer.Ordinal))
            {
                var source = e.Points ?? item.PointsPerOccurrence * e.Occurrences;
                var points = source;
                var note = LineNote.None;
                string? noteText = null;
                var veto = item.IsVeto;
                if (adjusted.TryGetValue((e.ItemCode, e.SourceType, e.SourceId), out var adjustment))
                {
                    points = adjustment.NewPoints ?? 0m;
                    note = LineNote.AppealUpheld;
                    noteText = adjustment.Reason;
                    veto = veto && adjustment.NewPoints is not null;
                }
                if (room is { } left)
                {
                    var allowed = Math.Min(Math.Abs(points), left);
                    if (allowed < Math.Abs(points))
                    {
                        points = Math.Sign(points) * allowed;
                        note = LineNote.CapReached;
                    }
                    room = left - allowed;
                }
                lines.Add(new ScoreLine(e.ItemCode, item.Name, e.Date, e.SourceType, e.SourceId, e.Description, source, points, note, noteText, veto));
            }
        }
        return lines;
    }

    private static SubjectScore Total(AssessmentScheme scheme, ItemSubject subject, int id, List<ScoreLine> lines, decimal? baseScore = null)
    {
        var start = baseScore ?? scheme.BaseScore;
        var bonuses = lines.Where(l => l.Points > 0).Sum(l => l.Points);
        if (bonuses > scheme.BonusCap)
            lines.Add(new ScoreLine(ItemCodes.BonusCapped, "加分超出上限部分不计", null, "scheme", "", "", 0m, scheme.BonusCap - bonuses, LineNote.CapReached, null, false));
        var total = start + lines.Sum(l => l.Points);
        var floored = scheme.Floor is { } floor && total < floor;
        if (floored) total = scheme.Floor!.Value;
        return new SubjectScore(subject, id, start, lines, decimal.Round(total, 2, MidpointRounding.AwayFromZero), lines.Any(l => l.IsVeto), floored);
    }
}

/// <summary>Ranks and period totals.</summary>
public static class Rankings
{
    /// <summary>Competition ranking (1, 2, 2, 4) by score, highest first; ties share a rank.</summary>
    public static IReadOnlyDictionary<int, int> Rank(IEnumerable<(int Id, decimal Score)> scores)
    {
        var ordered = scores.OrderByDescending(s => s.Score).ThenBy(s => s.Id).ToList();
        var ranks = new Dictionary<int, int>();
        for (var i = 0; i < ordered.Count; i++)
            ranks[ordered[i].Id] = i > 0 && ordered[i].Score == ordered[i - 1].Score ? ranks[ordered[i - 1].Id] : i + 1;
        return ranks;
    }

    /// <summary>A quarter's or year's score: the average of the months scored (months without a score are left out); null if none.</summary>
    public static decimal? AverageOfMonths(IEnumerable<decimal> monthTotals)
    {
        var list = monthTotals.ToList();
        return list.Count == 0 ? null : decimal.Round(list.Average(), 2, MidpointRounding.AwayFromZero);
    }
}
