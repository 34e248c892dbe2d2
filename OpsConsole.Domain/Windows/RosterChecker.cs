using OpsConsole.Domain.Attendance;

namespace OpsConsole.Domain.Windows;

/// <summary>What is wrong with a roster cell or week.</summary>
public enum RosterConflictKind
{
    /// <summary>Rostered on a half-day with approved leave or official absence.</summary>
    OnLeave,
    /// <summary>A window person not rostered at all in the week.</summary>
    NotRostered,
    /// <summary>One person on two or more windows in the same half-day.</summary>
    TwoWindows,
    /// <summary>A queue open that half-day with no rostered window serving it.</summary>
    QueueUncovered,
    /// <summary>The person lacks skills for service items of the queues the window serves.</summary>
    SkillsMissing,
}

/// <summary>One conflict; the fields that do not apply are null.</summary>
public sealed record RosterConflict(RosterConflictKind Kind, DateOnly? Day = null, HalfDay? HalfDay = null,
    int? WindowId = null, int? StaffId = null, int? QueueId = null, int MissingItems = 0);

/// <summary>A roster cell as plain data.</summary>
public sealed record RosterCell(DateOnly Day, HalfDay HalfDay, int WindowId, int StaffId);

/// <summary>A half-day someone is away with approved leave or official absence.</summary>
public sealed record AwayHalfDay(int StaffId, DateOnly Day, HalfDay HalfDay);

/// <summary>A queue as the checker needs it: when it opens and which service items it takes.</summary>
public sealed record RosterQueue(int QueueId, bool OpensMorning, bool OpensAfternoon, IReadOnlyCollection<int> ItemIds);

/// <summary>Everything the checker reads for one week.</summary>
public sealed record RosterWeek(
    IReadOnlyList<DateOnly> Workdays,
    IReadOnlyList<RosterCell> Cells,
    IReadOnlyCollection<int> WindowStaff,
    IReadOnlyList<AwayHalfDay> Away,
    IReadOnlyList<WindowQueueRoute> Routes,
    IReadOnlyList<RosterQueue> Queues,
    IReadOnlyDictionary<int, IReadOnlySet<int>> Skills);

/// <summary>Finds the conflicts of a week's roster (pure: every fact is passed in).</summary>
public static class RosterChecker
{
    public static readonly HalfDay[] HalfDays = [HalfDay.Morning, HalfDay.Afternoon];

    public static IReadOnlyList<RosterConflict> Check(RosterWeek week)
    {
        var conflicts = new List<RosterConflict>();
        var workdays = week.Workdays.ToHashSet();
        var cells = week.Cells.Where(c => workdays.Contains(c.Day)).ToList();
        var away = week.Away.Select(a => (a.StaffId, a.Day, a.HalfDay)).ToHashSet();
        var routesByWindow = week.Routes.GroupBy(r => r.WindowId).ToDictionary(g => g.Key, g => g.Select(r => r.QueueId).ToList());
        var queues = week.Queues.ToDictionary(q => q.QueueId);

        foreach (var c in cells.Where(c => away.Contains((c.StaffId, c.Day, c.HalfDay))))
            conflicts.Add(new RosterConflict(RosterConflictKind.OnLeave, c.Day, c.HalfDay, c.WindowId, c.StaffId));

        foreach (var g in cells.GroupBy(c => (c.StaffId, c.Day, c.HalfDay)).Where(g => g.Count() > 1))
            foreach (var c in g.OrderBy(c => c.WindowId))
                conflicts.Add(new RosterConflict(RosterConflictKind.TwoWindows, c.Day, c.HalfDay, c.WindowId, c.StaffId));

        foreach (var c in cells)
        {
            var items = routesByWindow.GetValueOrDefault(c.WindowId, [])
                .SelectMany(q => queues.TryGetValue(q, out var queue) ? queue.ItemIds : []).Distinct();
            var skills = week.Skills.GetValueOrDefault(c.StaffId);
            var missing = items.Count(i => skills is null || !skills.Contains(i));
            if (missing > 0) conflicts.Add(new RosterConflict(RosterConflictKind.SkillsMissing, c.Day, c.HalfDay, c.WindowId, c.StaffId, MissingItems: missing));
        }

        foreach (var day in week.Workdays.Order())
            foreach (var half in HalfDays)
            {
                var served = cells.Where(c => c.Day == day && c.HalfDay == half)
                    .SelectMany(c => routesByWindow.GetValueOrDefault(c.WindowId, [])).ToHashSet();
                foreach (var q in week.Queues.Where(q => (half == HalfDay.Morning ? q.OpensMorning : q.OpensAfternoon) && !served.Contains(q.QueueId)))
                    conflicts.Add(new RosterConflict(RosterConflictKind.QueueUncovered, day, half, QueueId: q.QueueId));
            }

        var rostered = cells.Select(c => c.StaffId).ToHashSet();
        foreach (var staffId in week.WindowStaff.Where(s => !rostered.Contains(s)).Order())
            conflicts.Add(new RosterConflict(RosterConflictKind.NotRostered, StaffId: staffId));

        return conflicts;
    }

    /// <summary>Whether opening periods include time in the morning (before noon) or the afternoon.</summary>
    public static (bool Morning, bool Afternoon) Opens(IEnumerable<Queueing.OpeningPeriod> periods)
    {
        var noon = new TimeOnly(12, 0);
        var list = periods.ToList();
        return (list.Any(p => p.Opens < noon), list.Any(p => p.Closes > noon));
    }
}
