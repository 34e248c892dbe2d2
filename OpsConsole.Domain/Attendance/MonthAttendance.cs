namespace OpsConsole.Domain.Attendance;

public enum UnusedPunchReason { OutsideWindows, NotAWorkday }

/// <summary>A punch that counted for nothing; kept and shown so nobody wonders where it went.</summary>
public sealed record UnusedPunch(Punch Punch, UnusedPunchReason Reason);

/// <summary>
/// Counts over the scored workdays. Late and early-leave counts are occurrences not turned into absence;
/// a late arrival over the threshold counts once, as an absence half-day.
/// </summary>
public sealed record AttendanceTotals(
    int WorkdayHalfDays,
    int NormalHalfDays,
    int LateCount,
    int LateMinutes,
    int EarlyLeaveCount,
    int EarlyLeaveMinutes,
    int MissingPunchCount,
    int AbsenceHalfDays,
    int LeaveHalfDays,
    int OfficialAbsenceHalfDays,
    int MakeUpPunchesUsed);

/// <summary>A staff member's month: every day and half-day, the totals, and the deduction line by line.</summary>
/// <param name="GrossDeduction">The sum of the lines.</param>
/// <param name="Deduction">What the month deducts: the gross, limited by the monthly cap if the rule set has one.</param>
/// <param name="CapExplanation">Set when the cap cut the gross: why the deduction is less than the sum of the lines.</param>
public sealed record MonthAttendance(
    int StaffId,
    YearMonth Month,
    int RuleSetVersion,
    IReadOnlyList<DayAttendance> Days,
    AttendanceTotals Totals,
    IReadOnlyList<DeductionLine> Lines,
    decimal GrossDeduction,
    decimal Deduction,
    string? CapExplanation,
    IReadOnlyList<UnusedPunch> UnusedPunches)
{
    public DayAttendance Day(DateOnly date) => Days[date.Day - 1];

    public HalfDayAttendance HalfDay(DateOnly date, HalfDay half) => Day(date)[half];
}
