namespace OpsConsole.Domain.Attendance;

/// <summary>What a half-day counts as. The order of Late/EarlyLeave/MissingPunch only decides the grid mark.</summary>
public enum HalfDayStatus
{
    Normal,
    Late,
    EarlyLeave,
    MissingPunch,
    HalfDayAbsence,  // 旷工半天
    OnLeave,
    OfficialAbsence,
    Holiday,
    RestDay,
    /// <summary>After the day the month is scored through: not judged yet.</summary>
    NotYetDue,
    /// <summary>A day the person was not posted to the center (before 入驻 or after 离驻): not judged.</summary>
    NotPosted,
}

public enum PunchSource { None, Terminal, MakeUp }

public enum SlotOutcome { OnTime, Late, EarlyLeave, Missing, NotScored }

/// <summary>
/// One slot of a workday: the punch that counts for it (first in an "in" window, last in an "out" window,
/// or an approved make-up at the on-time bound) and how it compares with the bound.
/// </summary>
public sealed record SlotResult(
    PunchSlot Slot,
    TimeOnly OnTime,
    PunchSource Source,
    TimeOnly? Time,
    Punch? Punch,
    MakeUpPunchRequest? MakeUp,
    SlotOutcome Outcome,
    int Minutes);

public sealed record HalfDayAttendance(
    DateOnly Date,
    HalfDay Half,
    HalfDayStatus Status,
    SlotResult? In,
    SlotResult? Out,
    LeaveKind? Leave,
    OfficialAbsenceKind? OfficialAbsence,
    decimal Deduction)
{
    /// <summary>The mark of the monthly grid (考勤汇总表).</summary>
    public string Symbol => AttendanceText.Symbol(Status);
}

/// <summary>One day of the month.</summary>
/// <param name="CalendarName">The calendar entry's name (国庆节, 国庆调休), if the day has one.</param>
/// <param name="Schedule">The schedule the day was judged by; null on days off.</param>
/// <param name="Punches">Every punch of the day in time order, used or not.</param>
public sealed record DayAttendance(
    DateOnly Date,
    DayKind Kind,
    string? CalendarName,
    WorkSchedule? Schedule,
    HalfDayAttendance Morning,
    HalfDayAttendance Afternoon,
    IReadOnlyList<Punch> Punches)
{
    public HalfDayAttendance this[HalfDay half] => half == HalfDay.Morning ? Morning : Afternoon;
}
