using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Assessment;

/// <summary>Whom an item is scored on.</summary>
public enum ItemSubject { Staff, Window }

/// <summary>
/// One item of the scheme: points per occurrence (negative deducts, positive adds), an optional
/// monthly cap on the item's points (in absolute value), and whether one occurrence is a veto (it
/// bars the person or window from awards in the period).
/// </summary>
public sealed record SchemeItem(string Code, string Name, decimal PointsPerOccurrence, decimal? MonthlyCap = null, bool IsVeto = false,
    ItemSubject Subject = ItemSubject.Staff, bool Manual = false)
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 40;
}

/// <summary>The codes of the items the data feeds (automatic items); manual items use codes of their own.</summary>
public static class ItemCodes
{
    /// <summary>The attendance score's lines, each with its own points (the attendance rules set them).</summary>
    public const string Attendance = "attendance";
    public const string BadRating = "bad-rating";
    public const string RectificationOverdue = "rectification-overdue";
    public const string YellowCard = "yellow-card";
    public const string RedCard = "red-card";
    public const string ComplaintUpheld = "complaint-upheld";
    public const string ComplaintPartlyUpheld = "complaint-partly-upheld";
    public const string Workload = "workload";
    public const string ServiceTimeOutlier = "service-time-outlier";
    /// <summary>Inspection findings: "inspection:{finding type code}", points from the finding.</summary>
    public const string InspectionPrefix = "inspection:";
    public const string CommendationBanner = "commendation-banner";
    public const string CommendationLetter = "commendation-letter";
    public const string CommendationMedia = "commendation-media";
    public const string MediaCriticism = "media-criticism";
    public const string Innovation = "innovation";
    /// <summary>The chief representative's share of a window's deductions (computed, not in the scheme).</summary>
    public const string ChiefShare = "chief-share";
    /// <summary>Bonus above the scheme's bonus cap (computed, not in the scheme).</summary>
    public const string BonusCapped = "bonus-capped";
}

/// <summary>
/// 考核方案, versioned like the attendance rules: it takes effect from a month on. Base score,
/// bonus cap, floor (or none), the chief representative's share of window deductions, items.
/// </summary>
public sealed class AssessmentScheme
{
    public AssessmentScheme(YearMonth effectiveFrom, decimal baseScore, decimal bonusCap, decimal? floor, decimal chiefShare,
        IEnumerable<SchemeItem> items, int appealWorkingDays = 5, PeriodTotalMethod periodMethod = PeriodTotalMethod.AverageOfMonths)
    {
        var list = items.ToList();
        if (baseScore is <= 0 or > 1000) throw new DomainException(AssessmentErrors.InvalidBase);
        if (bonusCap is < 0 or > 100) throw new DomainException(AssessmentErrors.InvalidBonusCap);
        if (floor is { } f && (f < 0 || f >= baseScore)) throw new DomainException(AssessmentErrors.InvalidFloor);
        if (chiefShare is < 0 or > 1) throw new DomainException(AssessmentErrors.InvalidShare);
        if (appealWorkingDays is < 1 or > 30) throw new DomainException(AssessmentErrors.InvalidAppealDays);
        if (!Enum.IsDefined(periodMethod)) throw new DomainException(AssessmentErrors.InvalidPeriodMethod);
        foreach (var item in list)
        {
            if (string.IsNullOrWhiteSpace(item.Code) || item.Code.Length > SchemeItem.CodeMaxLength
                || string.IsNullOrWhiteSpace(item.Name) || item.Name.Length > SchemeItem.NameMaxLength)
                throw new DomainException(AssessmentErrors.InvalidItem);
            if (Math.Abs(item.PointsPerOccurrence) > 100 || decimal.Round(item.PointsPerOccurrence, 2) != item.PointsPerOccurrence)
                throw new DomainException(AssessmentErrors.InvalidItem);
            // A cap below one occurrence would make the item's points impossible to reach as configured.
            if (item.MonthlyCap is { } cap && (cap <= 0 || cap < Math.Abs(item.PointsPerOccurrence)))
                throw new DomainException(AssessmentErrors.CapBelowOneOccurrence);
        }
        if (list.GroupBy(i => i.Code).Any(g => g.Count() > 1)) throw new DomainException(AssessmentErrors.DuplicateItem);
        EffectiveFrom = effectiveFrom;
        BaseScore = baseScore;
        BonusCap = bonusCap;
        Floor = floor;
        ChiefShare = chiefShare;
        AppealWorkingDays = appealWorkingDays;
        PeriodMethod = periodMethod;
        Items = list;
    }

    public YearMonth EffectiveFrom { get; }
    public decimal BaseScore { get; }
    public decimal BonusCap { get; }
    /// <summary>The lowest a score can be; null for no floor.</summary>
    public decimal? Floor { get; }
    /// <summary>The share of a window's deductions its chief representative bears (0.5 = half).</summary>
    public decimal ChiefShare { get; }
    /// <summary>How long a month stays open for appeals, in working days from opening.</summary>
    public int AppealWorkingDays { get; }
    /// <summary>How quarterly and annual totals are made from the months (the scheme in force at the period's last month decides).</summary>
    public PeriodTotalMethod PeriodMethod { get; }
    public IReadOnlyList<SchemeItem> Items { get; }

    public SchemeItem? Item(string code) =>
        Items.FirstOrDefault(i => i.Code == code)
        ?? (code.StartsWith(ItemCodes.InspectionPrefix, StringComparison.Ordinal) ? Items.FirstOrDefault(i => i.Code == ItemCodes.InspectionPrefix + "*") : null);

    /// <summary>PRODUCT.md's example rules: base 100, bonus cap +5, no floor, half of window deductions to the chief.</summary>
    public static AssessmentScheme Defaults(YearMonth from) => new(from, 100m, 5m, null, 0.5m,
    [
        new(ItemCodes.Attendance, "考勤", 0m),
        new(ItemCodes.BadRating, "差评（经核实）", -2m),
        new(ItemCodes.RectificationOverdue, "整改逾期", -2m),
        new(ItemCodes.YellowCard, "黄牌", -2m),
        new(ItemCodes.RedCard, "红牌", -5m, IsVeto: true),
        new(ItemCodes.ComplaintUpheld, "投诉属实", -5m, IsVeto: true),
        new(ItemCodes.ComplaintPartlyUpheld, "投诉部分属实", -2m),
        new(ItemCodes.MediaCriticism, "媒体曝光", -10m, IsVeto: true, Manual: true),
        new(ItemCodes.InspectionPrefix + "*", "巡查发现", 0m, MonthlyCap: 10m, Manual: true),
        new(ItemCodes.CommendationBanner, "锦旗", 2m, Manual: true),
        new(ItemCodes.CommendationLetter, "表扬信", 1m, Manual: true),
        new(ItemCodes.CommendationMedia, "媒体表扬", 2m, Manual: true),
        new(ItemCodes.Innovation, "创新创优", 1m, MonthlyCap: 3m, Manual: true),
    ]);
}

public static class AssessmentErrors
{
    public const string InvalidBase = "assessment.invalid_base";
    public const string InvalidBonusCap = "assessment.invalid_bonus_cap";
    public const string InvalidFloor = "assessment.invalid_floor";
    public const string InvalidShare = "assessment.invalid_share";
    public const string InvalidAppealDays = "assessment.invalid_appeal_days";
    public const string InvalidPeriodMethod = "assessment.invalid_period_method";
    public const string InvalidItem = "assessment.invalid_item";
    public const string DuplicateItem = "assessment.duplicate_item";
    public const string CapBelowOneOccurrence = "assessment.cap_below_one_occurrence";
    public const string UnknownItem = "assessment.unknown_item";
    public const string EvidenceRequired = "assessment.evidence_required";
    public const string MonthNotDraft = "assessment.month_not_draft";
    public const string MonthNotOpenForAppeal = "assessment.month_not_open_for_appeal";
    public const string AppealDeadlinePassed = "assessment.appeal_deadline_passed";
    public const string AppealsOpen = "assessment.appeals_open";
    public const string MonthNotPublished = "assessment.month_not_published";
    public const string MonthNotLocked = "assessment.month_not_locked";
    public const string ReasonRequired = "assessment.reason_required";
    public const string AppealAlreadyDecided = "assessment.appeal_already_decided";
    public const string NotYourLine = "assessment.not_your_line";
}
