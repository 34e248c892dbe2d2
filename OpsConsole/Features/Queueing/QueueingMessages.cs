using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;

namespace OpsConsole.Features.Queueing;

/// <summary>Chinese messages (also localization keys) for the domain's stable error codes.</summary>
public static class QueueingMessages
{
    public static string Of(string domainError) => domainError switch
    {
        QueueingErrors.NotWaiting => "该号不在等候中，可能已被其他窗口呼叫。",
        QueueingErrors.NotCalled => "该号尚未被呼叫。",
        QueueingErrors.NotServing => "该号尚未开始办理。",
        QueueingErrors.NotNoShow => "该号不是过号状态。",
        QueueingErrors.NotParked => "该号不是挂起状态。",
        QueueingErrors.CannotPark => "当前状态不能挂起。",
        QueueingErrors.CannotTransfer => "当前状态不能转移。",
        QueueingErrors.CannotCancel => "当前状态不能取消。",
        QueueingErrors.TransferToSamePlace => "不能转移到当前所在的队列或窗口。",
        QueueingErrors.ReservedForOtherWindow => "该号已指定由其他窗口办理。",
        QueueingErrors.ParkedByOtherWindow => "该号由其他窗口挂起，只能由原窗口恢复。",
        QueueingErrors.ReinstateWindowPassed => "过号已超过 30 分钟，不能恢复，请重新取号。",
        QueueingErrors.NoteTooLong => "备注不能超过 200 个字符。",
        QueueingErrors.NoticeWithoutMaterials => "请勾选至少一项缺少的材料。",
        QueueingErrors.NoticeMaterialNotInGuide => "所选材料不在该事项的办事指南中，请刷新后重试。",
        QueueingErrors.TimeWentBackwards => "操作时间早于上一步，请刷新后重试。",
        QueueingErrors.EvaluatedTicketNotCompleted => "该号尚未办结，不能评价。",
        QueueingErrors.ReasonsRequiredWhenBad => "请选择不满意的原因。",
        QueueingErrors.ReasonsOnlyWhenBad => "满意评价无需选择原因。",
        QueueingErrors.CommentTooLong => "留言不能超过 500 个字符。",
        QueueingErrors.SlotFull => "该时段已约满。",
        QueueingErrors.InvalidPrefix => "队列前缀应为 1 至 2 个大写英文字母（A–Z），如 A、BD。",
        QueueingErrors.InvalidCode => "请填写队列编码（最多 20 个字符）。",
        QueueingErrors.InvalidName => "请填写队列名称（最多 60 个字符）。",
        QueueingErrors.InvalidOpeningHours => "办理时间应按先后排列、互不重叠，每段结束晚于开始，如 09:00-12:00;13:00-17:00。",
        QueueingErrors.InvalidTargetWait => "目标等候时间必须大于 0。",
        QueueingErrors.InvalidDailyCap => "每日号源上限应在 1 到 99999 之间，或留空表示不限。",
        WindowErrors.OccupiedByOther => "该窗口已有其他工作人员登录。",
        WindowErrors.TicketAtCounter => "请先办结或处理当前号。",
        WindowErrors.NoTicketAtCounter => "窗口当前没有在办的号。",
        WindowErrors.NotSignedIn => "请先登录窗口。",
        WindowErrors.NotPaused => "窗口未处于暂停状态。",
        WindowErrors.Paused => "窗口暂停中，请先恢复服务。",
        WindowErrors.NoteTooLong => "暂停说明不能超过 100 个字符。",
        _ => "操作未能完成，请刷新后重试。",
    };

    public static string Of(IssueRefusal refusal) => refusal switch
    {
        IssueRefusal.QueueClosed => "该业务暂停取号。",
        IssueRefusal.DailyCapReached => "该业务今日号源已取完，请改日再来或预约。",
        IssueRefusal.ForecastPastClosing => "预计等候将超过今日办公时间，该业务今日已停止取号，请改日再来或预约。",
        IssueRefusal.OutsideOpeningHours => "现在不在该业务的办理时间内。",
        IssueRefusal.NoWindowServing => "暂无窗口办理此业务，请咨询导办台。",
        _ => "暂不能取号。",
    };

    public static string Of(PauseReason reason) => reason switch
    {
        PauseReason.Break => "休息",
        PauseReason.Meeting => "会议",
        PauseReason.BackOffice => "后台办件",
        _ => "其他",
    };
}
