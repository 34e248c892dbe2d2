using OpsConsole.Domain.Assessment;

namespace OpsConsole.Features.Assessment;

/// <summary>The domain's refusals as HR, managers and staff read them.</summary>
public static class AssessmentMessages
{
    private static readonly Dictionary<string, string> Messages = new()
    {
        [AssessmentErrors.InvalidBase] = "基础分必须大于 0 且不超过 1000。",
        [AssessmentErrors.InvalidBonusCap] = "加分上限必须在 0 到 100 之间。",
        [AssessmentErrors.InvalidFloor] = "保底分必须不小于 0 且低于基础分。",
        [AssessmentErrors.InvalidShare] = "首席代表分担比例必须在 0 到 1 之间。",
        [AssessmentErrors.InvalidAppealDays] = "申诉期必须为 1 到 30 个工作日。",
        [AssessmentErrors.InvalidPeriodMethod] = "季度、年度得分的计算方法无效。",
        [AssessmentErrors.InvalidItem] = "考核项目无效：请检查编码、名称（最多 40 个字符）和分值（最多两位小数，绝对值不超过 100）。",
        [AssessmentErrors.DuplicateItem] = "考核项目编码重复。",
        [AssessmentErrors.CapBelowOneOccurrence] = "月度上限低于一次的分值，该项目的分数无法按设置计算。",
        [AssessmentErrors.UnknownItem] = "考核项目不存在或不能手工录入。",
        [AssessmentErrors.EvidenceRequired] = "请填写证据。",
        [AssessmentErrors.MonthNotDraft] = "该月考核已不是草稿状态，不能进行此操作。",
        [AssessmentErrors.MonthNotOpenForAppeal] = "该月考核不在申诉期内。",
        [AssessmentErrors.AppealDeadlinePassed] = "申诉期已过，不能再提出申诉。",
        [AssessmentErrors.AppealsOpen] = "还有未处理的申诉：请先处理，或填写在申诉未结时通报的理由。",
        [AssessmentErrors.MonthNotPublished] = "该月考核尚未通报。",
        [AssessmentErrors.MonthNotLocked] = "该月考核尚未锁定。",
        [AssessmentErrors.ReasonRequired] = "请填写理由。",
        [AssessmentErrors.AppealAlreadyDecided] = "该申诉已处理。",
        [AssessmentErrors.NotYourLine] = "不能对该行申诉。",
    };

    public static string Of(string code) => Messages.GetValueOrDefault(code, "操作无效，未做任何修改。");
}
