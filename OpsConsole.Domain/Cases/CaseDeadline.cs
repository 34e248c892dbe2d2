using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Cases;

/// <summary>
/// The deadline rules of a case from the few values they need, so that lists can compute due dates and days left
/// from projected columns (with a <see cref="WorkdayIndex"/>) by the same rule <see cref="ServiceCase"/> applies.
/// </summary>
public static class CaseDeadline
{
    /// <summary>The promised working days plus those spent in 补正 after acceptance; with none, the day of acceptance (or the next workday).</summary>
    public static DateOnly DueOn(DateOnly acceptedOn, int promisedDays, int suspendedDays, IWorkingDayCalendar calendar)
    {
        var days = promisedDays + suspendedDays;
        if (days == 0) return calendar.IsWorkday(acceptedOn) ? acceptedOn : calendar.AddWorkingDays(acceptedOn, 1);
        return calendar.AddWorkingDays(acceptedOn, days);
    }

    /// <summary>
    /// Working days left on <paramref name="today"/>: 0 on the due date, negative when overdue. While the case waits
    /// for materials, the count stands still at the day the 补正 began.
    /// </summary>
    public static int DaysLeft(DateOnly due, DateOnly? suspendedSince, DateOnly today, IWorkingDayCalendar calendar)
    {
        var asOf = suspendedSince is { } since && since < today ? since : today;
        return asOf <= due ? WorkdayIndex.WorkdaysBetween(calendar, asOf, due) : -WorkdayIndex.WorkdaysBetween(calendar, due, asOf);
    }
}
