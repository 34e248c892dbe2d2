using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Assessment;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.People;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Attendance;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Assessment;

/// <summary>What a source reads the month from: the month, its scheme, the people assessed and their posted days.</summary>
/// <param name="Posted">Each assessed person's posted days (from posting in to posting out); null: the source reads them itself.</param>
public sealed record AssessmentSourceContext(OpsDbContext Db, YearMonth Month, AssessmentScheme Scheme, IReadOnlyList<Staff> Staff,
    DateTimeOffset MonthStart, DateTimeOffset MonthEnd, DateOnly Today, IReadOnlyDictionary<int, PostedDays>? Posted = null);

/// <summary>
/// One kind of record the month is scored from (attendance, ratings, rectifications, workload, manual items; cards,
/// complaints and inspections join the same way). Each names its records, so every line points at its source.
/// Register an implementation as <c>IAssessmentSource</c>; the month gathers them all.
/// </summary>
public interface IAssessmentSource
{
    Task<IReadOnlyList<AssessmentEvent>> ReadAsync(AssessmentSourceContext context, CancellationToken ct);
}

/// <summary>
/// The attendance score's lines as they are, each pointing at its day, half-day and punch: the attendance month of the
/// people assessed (already loaded, with their posted days), computed as the monthly attendance sheet computes it (one query per kind
/// of record for the whole month, each person scored by the attendance domain).
/// </summary>
public sealed class AttendanceLinesSource(AttendanceMonths attendance) : IAssessmentSource
{
    public async Task<IReadOnlyList<AssessmentEvent>> ReadAsync(AssessmentSourceContext context, CancellationToken ct)
    {
        var posted = context.Posted ?? (await AttendanceMonths.PostingsAsync(context.Db, context.Staff.Select(s => s.Id).ToList(), ct))
            .ToDictionary(g => g.Key, g => PostedDays.From(g));
        var months = await attendance.ForPeopleAsync(context.Db, context.Month, context.Staff, posted, ct);
        return months.SelectMany(m => m.Lines.Select(l => new AssessmentEvent(ItemCodes.Attendance, ItemSubject.Staff, m.StaffId, l.Date,
                l.PunchId is not null ? "punch" : "attendance",
                l.PunchId?.ToString(CultureInfo.InvariantCulture) ?? DaySourceId(l),
                l.Explanation, -l.Points)))
            .ToList();
    }

    /// <summary>A line without a punch (both punches missing) points at its day and half-day.</summary>
    private static string DaySourceId(DeductionLine line) =>
        string.Join('/', line.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), line.Half, line.Slot?.ToString() ?? nameof(line.Half));
}

/// <summary>Bad ratings: every bad rating of the month, except those whose misrating appeal was upheld.</summary>
public sealed class BadRatingSource(CenterClock clock) : IAssessmentSource
{
    private static readonly SatisfactionLevel[] Bad = Enum.GetValues<SatisfactionLevel>().Where(l => l.IsBad()).ToArray();

    public async Task<IReadOnlyList<AssessmentEvent>> ReadAsync(AssessmentSourceContext context, CancellationToken ct)
    {
        var rows = await (from e in context.Db.Set<Evaluation>().AsNoTracking()
                          join r in context.Db.Set<Rectification>() on e.Id equals r.EvaluationId into rs
                          from r in rs.DefaultIfEmpty()
                          where Bad.Contains(e.Level) && e.EvaluatedAt >= context.MonthStart && e.EvaluatedAt < context.MonthEnd
                                && (r == null || r.Appeal != MisratingAppealState.Upheld)
                          select new { e.Id, e.StaffId, e.TicketId, e.EvaluatedAt, e.Level })
            .ToListAsync(ct);
        return rows.Select(e =>
        {
            var at = TimeZoneInfo.ConvertTime(e.EvaluatedAt, clock.TimeZone);
            return new AssessmentEvent(ItemCodes.BadRating, ItemSubject.Staff, e.StaffId, DateOnly.FromDateTime(at.DateTime), "evaluation",
                e.Id.ToString(CultureInfo.InvariantCulture), string.Format(CultureInfo.InvariantCulture, "{0:MM-dd HH:mm} 差评（{1}），号票 {2}", at, e.Level == SatisfactionLevel.VeryDissatisfied ? "非常不满意" : "不满意", e.TicketId));
        }).ToList();
    }
}

/// <summary>Overdue rectifications: a rectification whose deadline fell in the month and that was not closed by it.</summary>
public sealed class OverdueRectificationSource : IAssessmentSource
{
    public async Task<IReadOnlyList<AssessmentEvent>> ReadAsync(AssessmentSourceContext context, CancellationToken ct)
    {
        var first = context.Month.FirstDay;
        var last = context.Month.LastDay;
        var rows = await context.Db.Set<Rectification>().AsNoTracking()
            .Where(r => r.Deadline >= first && r.Deadline <= last && r.Deadline < context.Today && r.Appeal != MisratingAppealState.Upheld)
            .Select(r => new { r.Id, r.StaffId, r.Deadline, r.State, r.ClosedAt })
            .ToListAsync(ct);
        // Closed after the day of its deadline (center time) counts as not closed in time.
        var endOfDeadline = rows.ToDictionary(r => r.Id, r => context.MonthStart.AddDays(r.Deadline.DayNumber - first.DayNumber + 1));
        return rows.Where(r => r.State != RectificationState.Closed || r.ClosedAt >= endOfDeadline[r.Id])
            .Select(r => new AssessmentEvent(ItemCodes.RectificationOverdue, ItemSubject.Staff, r.StaffId, r.Deadline, "rectification",
                r.Id.ToString(CultureInfo.InvariantCulture), string.Format(CultureInfo.InvariantCulture, "整改期限 {0:yyyy-MM-dd} 未按期办结", r.Deadline)))
            .ToList();
    }
}

/// <summary>
/// Workload: tickets served in the month against the median of the department's assessed staff; one occurrence for
/// a person below the configured share of the median (Assessment:WorkloadBelowMedianShare, default 0.5). Only when
/// the scheme has the workload item.
/// </summary>
public sealed class WorkloadSource(IConfiguration configuration) : IAssessmentSource
{
    public async Task<IReadOnlyList<AssessmentEvent>> ReadAsync(AssessmentSourceContext context, CancellationToken ct)
    {
        if (context.Scheme.Item(ItemCodes.Workload) is null) return [];
        var share = configuration.GetValue<decimal?>("Assessment:WorkloadBelowMedianShare") ?? 0.5m;
        var first = context.Month.FirstDay;
        var last = context.Month.LastDay;
        var served = await context.Db.Set<Ticket>().AsNoTracking()
            .Where(t => t.State == TicketState.Completed && t.ServiceDay >= first && t.ServiceDay <= last && t.StaffId != null)
            .GroupBy(t => t.StaffId!.Value).Select(g => new { StaffId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.StaffId, x => x.Count, ct);
        var events = new List<AssessmentEvent>();
        foreach (var department in context.Staff.Where(s => s.DepartmentId is not null).GroupBy(s => s.DepartmentId))
        {
            var counts = department.Select(s => (s, n: served.GetValueOrDefault(s.Id))).ToList();
            var median = Median(counts.Select(c => c.n).ToList());
            if (median == 0) continue;
            foreach (var (s, n) in counts.Where(c => c.n < median * share))
                events.Add(new AssessmentEvent(ItemCodes.Workload, ItemSubject.Staff, s.Id, last, "workload",
                    $"{context.Month}/{s.Id}", string.Format(CultureInfo.InvariantCulture, "本月办结 {0} 件，低于部门中位数 {1:0.#} 件的 {2:P0}", n, median, share)));
        }
        return events;
    }

    internal static decimal Median(List<int> values)
    {
        if (values.Count == 0) return 0;
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2m;
    }
}

/// <summary>Manual items managers entered, each with its evidence and reason.</summary>
public sealed class ManualItemSource : IAssessmentSource
{
    public async Task<IReadOnlyList<AssessmentEvent>> ReadAsync(AssessmentSourceContext context, CancellationToken ct)
    {
        var first = context.Month.FirstDay;
        var last = context.Month.LastDay;
        var items = await context.Db.ManualAssessmentItems.AsNoTracking().Where(i => i.Date >= first && i.Date <= last).ToListAsync(ct);
        return items.Select(i => i.ToEvent(context.Scheme.Item(i.ItemCode)?.Name ?? i.ItemCode)).ToList();
    }
}
