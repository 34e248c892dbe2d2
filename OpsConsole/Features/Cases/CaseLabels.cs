using OpsConsole.Domain.Cases;

namespace OpsConsole.Features.Cases;

/// <summary>Chinese names (localization keys) of case kinds, states, actions and card levels.</summary>
public static class CaseLabels
{
    public static string Kind(CaseKind kind) => kind switch
    {
        CaseKind.OnTheSpot => "即办件",
        CaseKind.Promised => "承诺件",
        CaseKind.Joint => "联办件",
        _ => "上报件",
    };

    public static string State(CaseState state) => state switch
    {
        CaseState.Accepted => "已受理",
        CaseState.InProgress => "办理中",
        CaseState.AwaitingCorrection => "补正中",
        CaseState.Concluded => "已办结",
        CaseState.Rejected => "不予受理",
        _ => "已退件",
    };

    public static string Action(CaseAction action) => action switch
    {
        CaseAction.Registered => "受理登记",
        CaseAction.Started => "开始办理",
        CaseAction.CorrectionRequested => "要求补正",
        CaseAction.CorrectionReceived => "材料补齐",
        CaseAction.Concluded => "办结",
        CaseAction.Rejected => "不予受理",
        CaseAction.Returned => "退件",
        _ => "转办",
    };

    public static string Level(CardLevel level) => level switch
    {
        CardLevel.Reminder => "预警",
        CardLevel.Yellow => "黄牌",
        _ => "红牌",
    };

    public static string CardState(CardState state) => state switch
    {
        Domain.Cases.CardState.Active => "有效",
        Domain.Cases.CardState.Contested => "异议待裁定",
        Domain.Cases.CardState.Upheld => "异议不成立",
        _ => "已撤销",
    };

    /// <summary>The days-left text as a localization key and its argument (a dash for an ended case).</summary>
    public static (string Key, int Days) DaysLeft(int? daysLeft) => daysLeft switch
    {
        null => ("—", 0),
        0 => ("今日到期", 0),
        < 0 and var d => ("超期 {0} 个工作日", -d),
        var d => ("剩 {0} 个工作日", d.Value),
    };
}
