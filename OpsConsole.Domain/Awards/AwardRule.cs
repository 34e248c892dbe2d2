namespace OpsConsole.Domain.Awards;

/// <summary>Who an award goes to.</summary>
public enum AwardSubject
{
    Window,
    Staff,
    /// <summary>Chief representatives only (优秀首席代表), scored on their staff score.</summary>
    ChiefRepresentative,
}

/// <summary>
/// The weighted composite in percent (they add up to 100). For a window the staff score is the average of its
/// department's people; for a person the window score is the average of their department's windows.
/// </summary>
public sealed class AwardWeights
{
    public int WindowScore { get; set; }
    public int StaffScore { get; set; }
    public int DutyVote { get; set; }
    public int PublicVote { get; set; }

    public int Sum => WindowScore + StaffScore + DutyVote + PublicVote;
    public bool HasVotes => DutyVote > 0 || PublicVote > 0;
}

/// <summary>
/// One configured award (e.g. quarterly 红旗窗口): its kind, period, who it goes to, how many (top N), the
/// lowest own assessment score that may win, and optionally a weighted composite. A veto item in any month of
/// the period always bars (PRODUCT.md: "a veto item bars a window or person for the period").
/// </summary>
public sealed class AwardRule
{
    public const int CodeMaxLength = 40;

    /// <summary>Stable key stored with ballots and awards, e.g. "red-flag-quarter".</summary>
    public string Code { get; set; } = "";
    public AwardKind Kind { get; set; }
    public AwardPeriodKind Period { get; set; }
    public AwardSubject Subject { get; set; }
    /// <summary>How many are awarded (ties at the last place are all proposed).</summary>
    public int TopN { get; set; }
    /// <summary>The lowest own assessment score (window or staff, period average) that may win.</summary>
    public decimal MinScore { get; set; }
    /// <summary>Null: ranked on the own assessment score alone.</summary>
    public AwardWeights? Weights { get; set; }
    /// <summary>A veto item in any month of the period bars (一票否决; on unless a version turns it off).</summary>
    public bool VetoBars { get; set; } = true;

    public bool IsWindowAward => Subject == AwardSubject.Window;

    /// <summary>The title as printed: 2026年第四季度“红旗窗口”.</summary>
    public string TitleFor(AwardPeriod period) => $"{period.Label}“{AwardKinds.Title(Kind)}”";

    /// <summary>Why the rule cannot be used (a Chinese message), or null.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Code) || Code.Length > CodeMaxLength) return "评选项目编码为空或过长。";
        if (TopN < 1) return "评选名额须至少为 1。";
        if (MinScore is < 0 or > 200) return "最低分须在 0 到 200 之间。";
        var windowKind = Kind is AwardKind.RedFlagWindow or AwardKind.CivilizedWindow;
        if (windowKind != IsWindowAward) return "窗口类荣誉只能评给窗口，个人荣誉只能评给人员。";
        if (Kind == AwardKind.OutstandingChief && Subject != AwardSubject.ChiefRepresentative) return "优秀首席代表只能评给首席代表。";
        if (Weights is { } w)
        {
            if (w.WindowScore < 0 || w.StaffScore < 0 || w.DutyVote < 0 || w.PublicVote < 0) return "权重不能为负数。";
            if (w.Sum != 100) return "各项权重之和须为 100%。";
            // The public votes on a phone page that names windows only: no person's name goes to an anonymous page.
            if (w.PublicVote > 0 && !IsWindowAward) return "群众投票只适用于窗口类荣誉。";
        }
        return null;
    }
}
