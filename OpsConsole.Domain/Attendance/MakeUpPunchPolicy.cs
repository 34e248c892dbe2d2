using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Attendance;

public enum MakeUpRefusal { MonthlyLimitReached, AlreadyRequested, FutureDate, NotAWorkday, ReasonRequired, ReasonTooLong }

/// <summary>The answer to a make-up request: the new (unsaved) request, or why none was created.</summary>
public sealed record MakeUpRequestOutcome(MakeUpPunchRequest? Request, MakeUpRefusal? Refusal)
{
    public bool Accepted => Request is not null;

    /// <summary>Stable key the UI localizes.</summary>
    public string? RefusalKey => Refusal switch
    {
        null => null,
        MakeUpRefusal.MonthlyLimitReached => "attendance.makeup.monthly-limit",
        MakeUpRefusal.AlreadyRequested => "attendance.makeup.already-requested",
        MakeUpRefusal.FutureDate => "attendance.makeup.future-date",
        MakeUpRefusal.NotAWorkday => "attendance.makeup.not-a-workday",
        MakeUpRefusal.ReasonRequired => "attendance.request.reason-required",
        _ => "attendance.request.reason-too-long",
    };
}

/// <summary>Who may ask for a make-up punch, and how often: at most N per month of the day being made up.</summary>
public static class MakeUpPunchPolicy
{
    /// <param name="existing">The staff member's earlier make-up requests (any month; others are ignored).</param>
    /// <param name="maxPerMonth">From the rule set in force: <see cref="AttendanceRuleValues.MakeUpRequestsPerMonth"/>.</param>
    public static MakeUpRequestOutcome Request(int staffId, DateOnly date, PunchSlot slot, string reason,
        DateTime requestedAt, IEnumerable<MakeUpPunchRequest> existing, int maxPerMonth, IWorkingDayCalendar calendar)
    {
        reason = reason.Trim();
        if (reason.Length == 0) return Refused(MakeUpRefusal.ReasonRequired);
        if (reason.Length > ApprovalRequest.ReasonMaxLength) return Refused(MakeUpRefusal.ReasonTooLong);
        if (date > DateOnly.FromDateTime(requestedAt)) return Refused(MakeUpRefusal.FutureDate);
        if (!calendar.IsWorkday(date)) return Refused(MakeUpRefusal.NotAWorkday);

        var month = YearMonth.Of(date);
        var sameMonth = existing.Where(r => r.StaffId == staffId && month.Contains(r.Date) && r.CountsTowardLimit).ToList();
        if (sameMonth.Any(r => r.Date == date && r.Slot == slot)) return Refused(MakeUpRefusal.AlreadyRequested);
        if (sameMonth.Count >= maxPerMonth) return Refused(MakeUpRefusal.MonthlyLimitReached);

        return new MakeUpRequestOutcome(new MakeUpPunchRequest(staffId, date, slot, reason, requestedAt), null);
    }

    private static MakeUpRequestOutcome Refused(MakeUpRefusal refusal) => new(null, refusal);
}
