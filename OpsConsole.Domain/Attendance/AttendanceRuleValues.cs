using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Attendance;

/// <summary>
/// Every number of the attendance rules. Defaults are the example rules: late or early ≤10 min −1,
/// ≤30 min −2, beyond that a half-day absence −5; a missing punch −2; no monthly cap; 3 make-ups a month.
/// </summary>
public sealed record AttendanceRuleValues
{
    public int LateMinorMaxMinutes { get; init; } = 10;
    public int LateMajorMaxMinutes { get; init; } = 30;
    public decimal LateMinorPoints { get; init; } = 1;
    public decimal LateMajorPoints { get; init; } = 2;

    public int EarlyMinorMaxMinutes { get; init; } = 10;
    public int EarlyMajorMaxMinutes { get; init; } = 30;
    public decimal EarlyMinorPoints { get; init; } = 1;
    public decimal EarlyMajorPoints { get; init; } = 2;

    public decimal MissingPunchPoints { get; init; } = 2;
    public decimal HalfDayAbsencePoints { get; init; } = 5;

    /// <summary>Most a month's attendance can deduct in total; null for no cap.</summary>
    public decimal? MonthlyDeductionCap { get; init; }

    public int MakeUpRequestsPerMonth { get; init; } = 3;

    public static AttendanceRuleValues Defaults { get; } = new();

    /// <exception cref="DomainException">A threshold out of order or a negative number.</exception>
    public void Validate()
    {
        if (LateMinorMaxMinutes < 0 || LateMajorMaxMinutes < LateMinorMaxMinutes
            || EarlyMinorMaxMinutes < 0 || EarlyMajorMaxMinutes < EarlyMinorMaxMinutes)
            throw new DomainException("attendance.rules.thresholds-out-of-order");
        decimal[] points = [LateMinorPoints, LateMajorPoints, EarlyMinorPoints, EarlyMajorPoints, MissingPunchPoints, HalfDayAbsencePoints];
        if (points.Any(p => p < 0) || MonthlyDeductionCap < 0 || MakeUpRequestsPerMonth < 0)
            throw new DomainException("attendance.rules.negative");
    }
}
