using OpsConsole.Domain.Attendance;

namespace OpsConsole.Features.Attendance;

/// <summary>The rule editor's fields, bound by the page; <see cref="ToValues"/> hands them to the domain, which validates them.</summary>
public sealed class AttendanceRuleForm
{
    public int LateMinorMaxMinutes { get; set; }
    public int LateMajorMaxMinutes { get; set; }
    public decimal LateMinorPoints { get; set; }
    public decimal LateMajorPoints { get; set; }
    public int EarlyMinorMaxMinutes { get; set; }
    public int EarlyMajorMaxMinutes { get; set; }
    public decimal EarlyMinorPoints { get; set; }
    public decimal EarlyMajorPoints { get; set; }
    public decimal MissingPunchPoints { get; set; }
    public decimal HalfDayAbsencePoints { get; set; }
    public bool HasMonthlyCap { get; set; }
    public decimal MonthlyDeductionCap { get; set; }
    public int MakeUpRequestsPerMonth { get; set; }

    public static AttendanceRuleForm From(AttendanceRuleValues v) => new()
    {
        LateMinorMaxMinutes = v.LateMinorMaxMinutes, LateMajorMaxMinutes = v.LateMajorMaxMinutes,
        LateMinorPoints = v.LateMinorPoints, LateMajorPoints = v.LateMajorPoints,
        EarlyMinorMaxMinutes = v.EarlyMinorMaxMinutes, EarlyMajorMaxMinutes = v.EarlyMajorMaxMinutes,
        EarlyMinorPoints = v.EarlyMinorPoints, EarlyMajorPoints = v.EarlyMajorPoints,
        MissingPunchPoints = v.MissingPunchPoints, HalfDayAbsencePoints = v.HalfDayAbsencePoints,
        HasMonthlyCap = v.MonthlyDeductionCap is not null, MonthlyDeductionCap = v.MonthlyDeductionCap ?? 20,
        MakeUpRequestsPerMonth = v.MakeUpRequestsPerMonth,
    };

    public AttendanceRuleValues ToValues() => new()
    {
        LateMinorMaxMinutes = LateMinorMaxMinutes, LateMajorMaxMinutes = LateMajorMaxMinutes,
        LateMinorPoints = LateMinorPoints, LateMajorPoints = LateMajorPoints,
        EarlyMinorMaxMinutes = EarlyMinorMaxMinutes, EarlyMajorMaxMinutes = EarlyMajorMaxMinutes,
        EarlyMinorPoints = EarlyMinorPoints, EarlyMajorPoints = EarlyMajorPoints,
        MissingPunchPoints = MissingPunchPoints, HalfDayAbsencePoints = HalfDayAbsencePoints,
        MonthlyDeductionCap = HasMonthlyCap ? MonthlyDeductionCap : null,
        MakeUpRequestsPerMonth = MakeUpRequestsPerMonth,
    };
}
