using System.Globalization;

namespace OpsConsole.Domain.Attendance;

/// <summary>
/// The Chinese wording of attendance: grid marks, labels and deduction explanations. Explanations are
/// stored with the score, so they are produced here, once, in the center's language.
/// </summary>
public static class AttendanceText
{
    public static string Symbol(HalfDayStatus status) => status switch
    {
        HalfDayStatus.Normal => "√",
        HalfDayStatus.Late => "迟",
        HalfDayStatus.EarlyLeave => "早",
        HalfDayStatus.MissingPunch => "缺",
        HalfDayStatus.HalfDayAbsence => "旷",
        HalfDayStatus.OnLeave => "假",
        HalfDayStatus.OfficialAbsence => "公",
        HalfDayStatus.Holiday or HalfDayStatus.RestDay => "休",
        HalfDayStatus.NotPosted => "－",
        _ => "",
    };

    public static string Label(this LeaveKind kind) => kind switch
    {
        LeaveKind.Personal => "事假",
        LeaveKind.Sick => "病假",
        LeaveKind.Annual => "年休假",
        LeaveKind.Marriage => "婚假",
        LeaveKind.Maternity => "产假",
        LeaveKind.Paternity => "陪产假",
        LeaveKind.Bereavement => "丧假",
        LeaveKind.FamilyVisit => "探亲假",
        LeaveKind.WorkInjury => "工伤假",
        _ => "调休假",
    };

    public static string Label(this OfficialAbsenceKind kind) => kind switch
    {
        OfficialAbsenceKind.Business => "公出",
        OfficialAbsenceKind.Meeting => "会议",
        OfficialAbsenceKind.Training => "培训",
        _ => "下乡",
    };

    public static string Label(this HalfDay half) => half == HalfDay.Morning ? "上午" : "下午";

    public static string Label(this PunchSlot slot) => slot.IsIn() ? "上班打卡" : "下班打卡";

    public static string Day(DateOnly date) => $"{date.Month}月{date.Day}日";

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Points(decimal points) => points.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A late arrival or early leave: "11月3日 上午 上班打卡 09:12，迟到12分钟，扣2分".</summary>
    public static string Explain(DeductionReason reason, DateOnly date, HalfDay half, TimeOnly time, int minutes,
        decimal points, AttendanceRuleValues rules)
    {
        var head = $"{Day(date)} {half.Label()}";
        var at = Time(time);
        var deduct = $"扣{Points(points)}分";
        return reason switch
        {
            DeductionReason.LateMinor or DeductionReason.LateMajor =>
                $"{head} 上班打卡 {at}，迟到{minutes}分钟，{deduct}",
            DeductionReason.LateAsAbsence =>
                $"{head} 上班打卡 {at}，迟到{minutes}分钟（超过{rules.LateMajorMaxMinutes}分钟），按旷工半天计，{deduct}",
            DeductionReason.EarlyLeaveMinor or DeductionReason.EarlyLeaveMajor =>
                $"{head} 下班打卡 {at}，早退{minutes}分钟，{deduct}",
            DeductionReason.EarlyLeaveAsAbsence =>
                $"{head} 下班打卡 {at}，早退{minutes}分钟（超过{rules.EarlyMajorMaxMinutes}分钟），按旷工半天计，{deduct}",
            _ => throw new ArgumentOutOfRangeException(nameof(reason), "Missing punches are explained by ExplainMissing."),
        };
    }

    /// <summary>"11月3日 下午 下班打卡 缺卡，扣2分".</summary>
    public static string ExplainMissing(DateOnly date, HalfDay half, PunchSlot slot, decimal points) =>
        $"{Day(date)} {half.Label()} {slot.Label()} 缺卡，扣{Points(points)}分";

    /// <summary>"11月4日 上午 上班、下班均未打卡，按旷工半天计，扣5分".</summary>
    public static string ExplainBothMissing(DateOnly date, HalfDay half, decimal points) =>
        $"{Day(date)} {half.Label()} 上班、下班均未打卡，按旷工半天计，扣{Points(points)}分";

    public static string ExplainCap(decimal gross, decimal cap) =>
        $"本月考勤扣分合计{Points(gross)}分，超过每月上限{Points(cap)}分，按{Points(cap)}分计";
}
