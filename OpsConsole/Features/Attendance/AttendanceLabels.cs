using OpsConsole.Domain.Attendance;

namespace OpsConsole.Features.Attendance;

/// <summary>Chinese labels (localization keys) of attendance enums for pages and exports.</summary>
public static class AttendanceLabels
{
    public static string Outcome(RawPunchOutcome outcome) => outcome switch
    {
        RawPunchOutcome.Imported => "已导入",
        RawPunchOutcome.OutsideWindows => "不在打卡时段",
        RawPunchOutcome.Duplicate => "重复",
        RawPunchOutcome.UnknownEmployee => "工号不存在",
        RawPunchOutcome.UnparseableTime => "时间无法识别",
        RawPunchOutcome.FutureTime => "时间晚于当前",
        RawPunchOutcome.ImplausibleTime => "时间不合理",
        _ => "无效记录",
    };

    public static string Status(RequestStatus status) => status switch
    {
        RequestStatus.Pending => "待审批",
        RequestStatus.Approved => "已批准",
        RequestStatus.Refused => "已驳回",
        _ => "已撤回",
    };

    public static string Slot(PunchSlot slot) => slot switch
    {
        PunchSlot.MorningIn => "上午上班",
        PunchSlot.MorningOut => "上午下班",
        PunchSlot.AfternoonIn => "下午上班",
        _ => "下午下班",
    };

    public static string Channel(PunchChannel channel) => channel == PunchChannel.DeviceApi ? "考勤机上传" : "文件导入";

    /// <summary>The one-character weekday of the sheet's day columns: 一 … 日.</summary>
    public static string Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Monday => "一",
        DayOfWeek.Tuesday => "二",
        DayOfWeek.Wednesday => "三",
        DayOfWeek.Thursday => "四",
        DayOfWeek.Friday => "五",
        DayOfWeek.Saturday => "六",
        _ => "日",
    };

    /// <summary>What a deduction line is for, in a word; the line's explanation says the rest.</summary>
    public static string Reason(DeductionReason reason) => reason switch
    {
        DeductionReason.LateMinor or DeductionReason.LateMajor => "迟到",
        DeductionReason.LateAsAbsence => "迟到按旷工",
        DeductionReason.EarlyLeaveMinor or DeductionReason.EarlyLeaveMajor => "早退",
        DeductionReason.EarlyLeaveAsAbsence => "早退按旷工",
        DeductionReason.MissingPunch => "缺卡",
        _ => "旷工半天",
    };
}

/// <summary>Half-day statuses as pages name them, with the CSS class of their mark.</summary>
public static class HalfDayStatusLabels
{
    public static string Label(Domain.Attendance.HalfDayStatus status) => status switch
    {
        Domain.Attendance.HalfDayStatus.Normal => "正常出勤",
        Domain.Attendance.HalfDayStatus.Late => "迟到",
        Domain.Attendance.HalfDayStatus.EarlyLeave => "早退",
        Domain.Attendance.HalfDayStatus.MissingPunch => "缺卡",
        Domain.Attendance.HalfDayStatus.HalfDayAbsence => "旷工半天",
        Domain.Attendance.HalfDayStatus.OnLeave => "请假",
        Domain.Attendance.HalfDayStatus.OfficialAbsence => "公务外出",
        Domain.Attendance.HalfDayStatus.Holiday => "节假日",
        Domain.Attendance.HalfDayStatus.RestDay => "休息日",
        Domain.Attendance.HalfDayStatus.NotPosted => "未入驻",
        _ => "未到",
    };

    public static string Css(Domain.Attendance.HalfDayStatus status) => "att-" + status.ToString().ToLowerInvariant();
}
