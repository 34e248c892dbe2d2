using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Attendance;

/// <summary>
/// Picks the schedule in force for a department on a day. A department's own schedules come first
/// (seasonal before all-year), then the center's (seasonal before all-year). A department with only
/// an all-year override therefore keeps it in summer unless it defines its own summer variant.
/// </summary>
public sealed class ScheduleResolver
{
    private readonly Dictionary<int, Group> _departments = [];
    private readonly Group _center;

    /// <exception cref="DomainException">No center-wide all-year schedule, two all-year schedules for the same
    /// scope, or overlapping seasons for the same scope.</exception>
    public ScheduleResolver(IEnumerable<WorkSchedule> schedules)
    {
        var list = schedules.ToList();
        _center = Group.Build(list.Where(s => s.DepartmentId is null));
        if (_center.AllYear is null) throw new DomainException("attendance.schedule.no-center-default");
        foreach (var byDepartment in list.Where(s => s.DepartmentId is not null).GroupBy(s => s.DepartmentId!.Value))
            _departments[byDepartment.Key] = Group.Build(byDepartment);
    }

    public IEnumerable<WorkSchedule> All =>
        _departments.Values.Prepend(_center).SelectMany(g => g.Seasonal.Append(g.AllYear).OfType<WorkSchedule>());

    /// <summary>Never null: the constructor guarantees a center-wide all-year schedule. Safe to share across threads.</summary>
    public WorkSchedule For(int? departmentId, DateOnly day) =>
        (departmentId is { } id && _departments.TryGetValue(id, out var own) ? own.Find(day) : null)
        ?? _center.Find(day)!;

    private sealed record Group(WorkSchedule? AllYear, IReadOnlyList<WorkSchedule> Seasonal)
    {
        public WorkSchedule? Find(DateOnly day) => Seasonal.FirstOrDefault(s => s.AppliesOn(day)) ?? AllYear;

        public static Group Build(IEnumerable<WorkSchedule> schedules)
        {
            var list = schedules.ToList();
            var allYear = list.Where(s => !s.IsSeasonal).ToList();
            if (allYear.Count > 1) throw new DomainException("attendance.schedule.duplicate-all-year");
            var seasonal = list.Where(s => s.IsSeasonal).ToList();
            for (var i = 0; i < seasonal.Count; i++)
                for (var j = i + 1; j < seasonal.Count; j++)
                    if (seasonal[i].Season!.Overlaps(seasonal[j].Season!))
                        throw new DomainException("attendance.schedule.seasons-overlap");
            return new Group(allYear.SingleOrDefault(), seasonal);
        }
    }
}
