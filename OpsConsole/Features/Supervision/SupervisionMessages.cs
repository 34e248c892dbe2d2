using OpsConsole.Domain.Supervision;

namespace OpsConsole.Features.Supervision;

/// <summary>Chinese messages and labels (also localization keys) for complaints, findings and commendations.</summary>
public static class SupervisionMessages
{
    public static string Of(string domainError) => domainError switch
    {
        SupervisionErrors.TextRequired => "请填写必填内容。",
        SupervisionErrors.TextTooLong => "填写的内容太长了。",
        SupervisionErrors.NoTarget => "请选择窗口或工作人员。",
        SupervisionErrors.AlreadyConcluded => "该投诉已办结，不能再修改。",
        SupervisionErrors.InvalidReplyDays => "答复期限应在 1 到 60 个工作日之间。",
        SupervisionErrors.WindowClosedThen => "该窗口在所填时间未开放（无人登录、未排班），不能记录巡查问题。",
        SupervisionErrors.FindingInFuture => "时间不能晚于现在。",
        SupervisionErrors.CorrectionWindowPassed => "记录已超过 24 小时，不能再更正或撤回。",
        SupervisionErrors.FindingWithdrawn => "该记录已撤回。",
        SupervisionErrors.InvalidPoints => "扣分应在 0 到 20 之间，最多一位小数。",
        SupervisionErrors.TimeWentBackwards => "操作时间早于记录时间，请刷新后重试。",
        SupervisionErrors.EvidenceWrongType => "文件类型不支持。",
        _ => "操作未能完成，请刷新后重试。",
    };

    public static string Channel(ComplaintChannel c) => c switch
    {
        ComplaintChannel.Hotline12345 => "12345热线",
        ComplaintChannel.InPerson => "现场投诉",
        ComplaintChannel.Letter => "来信",
        ComplaintChannel.Online => "网上投诉",
        _ => "其他渠道",
    };

    public static string Verdict(ComplaintVerdict v) => v switch
    {
        ComplaintVerdict.Upheld => "属实",
        ComplaintVerdict.PartlyUpheld => "部分属实",
        _ => "不属实",
    };

    public static string State(ComplaintState s) => s switch
    {
        ComplaintState.Open => "待调查",
        ComplaintState.Investigating => "调查中",
        _ => "已办结",
    };

    public static string Kind(CommendationKind k) => k switch
    {
        CommendationKind.Banner => "锦旗",
        CommendationKind.Letter => "表扬信",
        CommendationKind.Media => "媒体表扬",
        CommendationKind.Official => "上级表扬",
        _ => "其他表扬",
    };

    public static string Reason(Domain.Queueing.EvaluationReason r) => r switch
    {
        Domain.Queueing.EvaluationReason.LongWait => "等待时间长",
        Domain.Queueing.EvaluationReason.PoorAttitude => "服务态度差",
        Domain.Queueing.EvaluationReason.Unskilled => "业务不熟练",
        Domain.Queueing.EvaluationReason.UnclearRequirements => "一次性告知不清",
        Domain.Queueing.EvaluationReason.RepeatedVisits => "多次跑腿",
        Domain.Queueing.EvaluationReason.SystemProblem => "系统或设备问题",
        _ => "其他",
    };

    public static string State(Domain.Queueing.RectificationState s) => s switch
    {
        Domain.Queueing.RectificationState.Open => "待分派",
        Domain.Queueing.RectificationState.Assigned => "整改中",
        Domain.Queueing.RectificationState.CalledBack => "已回访",
        _ => "已办结",
    };

    public static string Appeal(Domain.Queueing.MisratingAppealState a) => a switch
    {
        Domain.Queueing.MisratingAppealState.Pending => "申诉待复核",
        Domain.Queueing.MisratingAppealState.Upheld => "申诉成立，差评不计",
        Domain.Queueing.MisratingAppealState.Rejected => "申诉驳回",
        _ => "",
    };

    public static string FindingState(FindingState s) => s == Domain.Supervision.FindingState.Active ? "有效" : "已撤回";
}
