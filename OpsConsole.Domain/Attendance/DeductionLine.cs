namespace OpsConsole.Domain.Attendance;

public enum DeductionReason
{
    LateMinor,
    LateMajor,
    LateAsAbsence,
    EarlyLeaveMinor,
    EarlyLeaveMajor,
    EarlyLeaveAsAbsence,
    MissingPunch,
    BothPunchesMissing,
}

/// <summary>
/// One deduction and what caused it. <see cref="Slot"/> is null only when both punches of the half-day
/// are missing; <see cref="PunchTime"/> is null when the cause is a missing punch.
/// </summary>
public sealed record DeductionLine(
    DateOnly Date,
    HalfDay Half,
    PunchSlot? Slot,
    TimeOnly? PunchTime,
    int? PunchId,
    DeductionReason Reason,
    int Minutes,
    decimal Points,
    string Explanation)
{
    public const int ExplanationMaxLength = 120;
}
