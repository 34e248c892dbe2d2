using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Attendance;

/// <summary>
/// Picks the schedule in force for a department on a day. A department's own schedules come first
/// (seasonal before all-year), then the center's (seasonal before all-year). A department with only
/// an all-year override therefore keeps it in summer unless it defines its own summer variant.
/// Only schedules in force on the day count; before the first center schedule started, the earliest one applies.
/// </summary>
public sealed class ScheduleResolver
{
    private readonly Dictionary<int, Group> _departments = [];
    private readonly Group _center;

    /// <exception cref="DomainException">No open-ended center-wide all-year schedule, two all-year schedules for the
    /// same scope in force together, or overlapping seasons for the same scope in force together.</exception>
    public ScheduleResolver(IEnumerable<WorkSchedule> schedules)
    {
        var list = schedules.ToList();
        _center = Group.Build(list.Where(s => s.DepartmentId is null));
        if (!_center.AllYear.Any(s => s.ValidUntil is null)) throw new DomainException("attendance.schedule.no-center-default");
        foreach (var byDepartment in list.Where(s => s.DepartmentId is not null).GroupBy(s => s.DepartmentId!.Value))
            _departments[byDepartment.Key] = Group.Build(byDepartment);
    }

    /// <summary>Never null: the constructor guarantees a center-wide all-year schedule. Safe to share across threads.</summary>
    public WorkSchedule For(int? departmentId, DateOnly day) =>
        (departmentId is { } id && _departments.TryGetValue(id, out var own) ? own.Find(day) : null)
        ?? _center.Find(day)
        ?? _center.AllYear.MinBy(s => s.ValidFrom ?? DateOnly.MinValue)!;

    private sealed record Group(IReadOnlyList<WorkSchedule> AllYear, IReadOnlyList<WorkSchedule> Seasonal)
    {
        public WorkSchedule? Find(DateOnly day) =>
            Seasonal.FirstOrDefault(s => s.AppliesOn(day)) ?? AllYear.FirstOrDefault(s => s.AppliesOn(day));

        public static Group Build(IEnumerable<WorkSchedule> schedules)
        {
            var list = schedules.ToList();
            var allYear = list.Where(s => !s.IsSeasonal).ToList();
            if (AnyPair(allYear, (a, b) => a.InForceTogetherWith(b))) throw new DomainException("attendance.schedule.duplicate-all-year");
            var seasonal = list.Where(s => s.IsSeasonal).ToList();
            if (AnyPair(seasonal, (a, b) => a.InForceTogetherWith(b) && a.Season!.Overlaps(b.Season!)))
                throw new DomainException("attendance.schedule.seasons-overlap");
            return new Group(allYear, seasonal);
        }

        private static bool AnyPair(List<WorkSchedule> list, Func<WorkSchedule, WorkSchedule, bool> clash)
        {
            for (var i = 0; i < list.Count; i++)
                for (var j = i + 1; j < list.Count; j++)
                    if (clash(list[i], list[j])) return true;
            return false;
        }
    }
}
