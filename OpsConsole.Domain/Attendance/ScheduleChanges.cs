using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Attendance;

/// <summary>The windows of one schedule as an admin edits them: name, season (null for all year) and the four slots.</summary>
public sealed record ScheduleDraft(string Name, AnnualDateRange? Season, PunchWindow MorningIn, PunchWindow MorningOut,
    PunchWindow AfternoonIn, PunchWindow AfternoonOut);

/// <summary>
/// Schedule changes take effect from a month, never earlier than the current one, so a month already worked is always
/// judged by the windows it was worked under. A schedule already in force before that month is closed and succeeded by
/// a changed copy; one that starts in that month or later is changed in place.
/// </summary>
public static class ScheduleChanges
{
    /// <summary>A new center-wide or department schedule, in force from <paramref name="from"/>.</summary>
    /// <exception cref="DomainException">The month is in the past, or the draft is invalid.</exception>
    public static WorkSchedule Add(ScheduleDraft draft, int? departmentId, YearMonth from, YearMonth currentMonth)
    {
        RequireNotPast(from, currentMonth);
        var schedule = new WorkSchedule(draft.Name, draft.MorningIn, draft.MorningOut, draft.AfternoonIn, draft.AfternoonOut, departmentId, draft.Season);
        schedule.StartFrom(from);
        return schedule;
    }

    /// <summary>Applies the draft from <paramref name="from"/> on. Returns the successor when one was needed, otherwise null
    /// (the schedule itself was changed). The kind (seasonal or all-year) and the scope never change.</summary>
    /// <exception cref="DomainException">The month is in the past, the schedule ended before it, or the draft is invalid.</exception>
    public static WorkSchedule? Revise(WorkSchedule current, ScheduleDraft draft, YearMonth from, YearMonth currentMonth)
    {
        RequireNotPast(from, currentMonth);
        if (current.ValidUntil is { } until && until < from.FirstDay) throw new DomainException("attendance.schedule.ended");
        if ((draft.Season is null) != (current.Season is null)) throw new DomainException("attendance.schedule.kind-fixed");
        var target = current.ValidFrom is { } start && start >= from.FirstDay ? current : current.Successor(from);
        target.Rename(draft.Name);
        target.SetWindows(draft.MorningIn, draft.MorningOut, draft.AfternoonIn, draft.AfternoonOut);
        target.SetSeason(draft.Season);
        if (ReferenceEquals(target, current)) return null;
        current.EndBefore(from);
        return target;
    }

    /// <summary>Takes the schedule out of force from <paramref name="from"/>. Returns true when it never was in force
    /// before that month, so it can be deleted outright.</summary>
    /// <exception cref="DomainException">The month is in the past, or it is the center-wide all-year schedule (change it instead).</exception>
    public static bool Retire(WorkSchedule current, YearMonth from, YearMonth currentMonth)
    {
        RequireNotPast(from, currentMonth);
        if (current.DepartmentId is null && !current.IsSeasonal) throw new DomainException("attendance.schedule.center-default-required");
        if (current.ValidUntil is { } until && until < from.FirstDay) throw new DomainException("attendance.schedule.ended");
        if (current.ValidFrom is { } start && start >= from.FirstDay) return true;
        current.EndBefore(from);
        return false;
    }

    private static void RequireNotPast(YearMonth from, YearMonth currentMonth)
    {
        if (from < currentMonth) throw new DomainException("attendance.schedule.effective-in-past");
    }
}
