using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;

namespace OpsConsole.Features.Attendance;

/// <summary>The configuration a month is judged by: calendar, schedules and rule versions, loaded together.</summary>
public sealed record AttendanceSetup(WorkCalendar Calendar, ScheduleResolver Schedules, RuleSetSelector RuleSets)
{
    public static async Task<AttendanceSetup> LoadAsync(OpsDbContext db, CancellationToken ct = default)
    {
        var entries = await db.CalendarEntries.AsNoTracking().ToListAsync(ct);
        var schedules = await db.WorkSchedules.AsNoTracking().ToListAsync(ct);
        var rules = await db.AttendanceRuleSets.AsNoTracking().ToListAsync(ct);
        // A fresh database without attendance setup still works with the example defaults.
        if (schedules.Count == 0) schedules = [WorkSchedule.Standard(), WorkSchedule.Summer()];
        if (rules.Count == 0) rules = [AttendanceRuleSet.Default(new YearMonth(2000, 1))];
        return new AttendanceSetup(new WorkCalendar(entries), new ScheduleResolver(schedules), new RuleSetSelector(rules));
    }
}
