using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpsConsole.Domain.Cases;

namespace OpsConsole.Features.Cases;

/// <summary>The Chinese messages for the case rules' error keys (also the localization keys).</summary>
public static class CaseMessages
{
    public const string ConcludedByAnother = "该办件刚被他人处理（可能已办结），请刷新后查看。";
    public const string CardChangedByAnother = "该监察牌刚被他人处理，请刷新后查看。";

    public static string Of(string key) => key switch
    {
        CaseErrors.NoPromisedDays => "承诺件须有承诺时限（工作日）。",
        CaseErrors.TooManyDays => "承诺时限过长。",
        CaseErrors.NotOpen => "该办件已结束，不能再办理。",
        CaseErrors.AlreadyConcluded => "该办件已办结，不能重复办结。",
        CaseErrors.NotStarted => "只有刚受理的办件可以这样处理。",
        CaseErrors.NotAwaitingCorrection => "该办件不在补正中。",
        CaseErrors.AwaitingCorrection => "该办件正在补正，请先登记材料已补齐。",
        CaseErrors.ReasonRequired => "请填写原因。",
        CaseErrors.ApplicantRequired => "请填写申请人姓名。",
        CaseErrors.TextTooLong => "填写的内容过长。",
        CaseErrors.InvalidParty => "办件的事项、窗口或人员无效。",
        CaseErrors.TimeWentBackwards => "时间早于上一次办理，请检查系统时间。",
        CaseErrors.JointNeedsDepartments => "联办件须选择协办部门。",
        CaseErrors.TransferToSameParty => "请选择另一个窗口或经办人。",
        CaseErrors.CardNotActive => "该监察牌已提出异议或已处理。",
        CaseErrors.CardNotContested => "该监察牌未提出异议，无需裁定。",
        _ => "操作失败。",
    };

    internal static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
        || ex.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The applicant's name as shown on lists and pages: first and last character, stars between.</summary>
    public static string MaskName(string name) => name.Length switch
    {
        0 => "",
        1 => name,
        2 => name[0] + "*",
        _ => name[0] + new string('*', name.Length - 2) + name[^1],
    };

    /// <summary>The phone as shown: first three and last four digits.</summary>
    public static string? MaskPhone(string? phone) => phone is null ? null
        : phone.Length <= 7 ? new string('*', phone.Length) : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];
}
