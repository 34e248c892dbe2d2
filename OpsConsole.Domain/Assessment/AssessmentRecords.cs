using System.Text.Json;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Assessment;

/// <summary>
/// A stored version of the scheme, in force from <see cref="Year"/>/<see cref="Month"/> on (like the
/// attendance rules, ADR 0009): its numbers and items as JSON, read back through the scheme's own checks.
/// </summary>
public class AssessmentSchemeVersion
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private AssessmentSchemeVersion() { }

    public AssessmentSchemeVersion(AssessmentScheme scheme, string publishedBy, DateTimeOffset at)
    {
        Year = scheme.EffectiveFrom.Year;
        Month = scheme.EffectiveFrom.Month;
        BaseScore = scheme.BaseScore;
        BonusCap = scheme.BonusCap;
        Floor = scheme.Floor;
        ChiefShare = scheme.ChiefShare;
        AppealWorkingDays = scheme.AppealWorkingDays;
        PeriodMethod = scheme.PeriodMethod;
        ItemsJson = JsonSerializer.Serialize(scheme.Items, Json);
        PublishedBy = publishedBy;
        PublishedAt = at;
    }

    public int Id { get; private set; }
    public int Year { get; private set; }
    public int Month { get; private set; }
    public YearMonth EffectiveFrom => new(Year, Month);
    public decimal BaseScore { get; private set; }
    public decimal BonusCap { get; private set; }
    public decimal? Floor { get; private set; }
    public decimal ChiefShare { get; private set; }
    public int AppealWorkingDays { get; private set; }
    /// <summary>Null in versions published before the method was a setting: they meant the average of months.</summary>
    public PeriodTotalMethod? PeriodMethod { get; private set; }
    public string ItemsJson { get; private set; } = "[]";
    public string PublishedBy { get; private set; } = "";
    public DateTimeOffset PublishedAt { get; private set; }

    public AssessmentScheme ToScheme() => new(EffectiveFrom, BaseScore, BonusCap, Floor, ChiefShare,
        JsonSerializer.Deserialize<List<SchemeItem>>(ItemsJson, Json) ?? [], AppealWorkingDays,
        PeriodMethod ?? PeriodTotalMethod.AverageOfMonths);

    /// <summary>The version in force for <paramref name="month"/>: the latest starting on or before it; the defaults before any.</summary>
    public static AssessmentScheme ForMonth(IEnumerable<AssessmentSchemeVersion> versions, YearMonth month) =>
        MonthVersions.InForce(versions, v => v.EffectiveFrom, v => v.Id, month)?.ToScheme() ?? AssessmentScheme.Defaults(new YearMonth(2000, 1));
}

/// <summary>
/// A score as published: stored per month version and subject, never recomputed (the attendance rules and the
/// calendar may change later). The lines are kept as they were shown, with their sources.
/// </summary>
public class AssessmentScoreRecord
{
    private static readonly JsonSerializerOptions Json = new();

    private AssessmentScoreRecord() { }

    public AssessmentScoreRecord(int monthId, int version, SubjectScore score, int? departmentId, int daysPosted)
    {
        AssessmentMonthId = monthId;
        Version = version;
        Subject = score.Subject;
        SubjectId = score.SubjectId;
        DepartmentId = departmentId;
        DaysPosted = daysPosted;
        Base = score.Base;
        Total = score.Total;
        Vetoed = score.Vetoed;
        FloorApplied = score.FloorApplied;
        LinesJson = JsonSerializer.Serialize(score.Lines, Json);
    }

    public long Id { get; private set; }
    public int AssessmentMonthId { get; private set; }
    public int Version { get; private set; }
    public ItemSubject Subject { get; private set; }
    public int SubjectId { get; private set; }
    public int? DepartmentId { get; private set; }
    public int DaysPosted { get; private set; }
    public decimal Base { get; private set; }
    public decimal Total { get; private set; }
    public bool Vetoed { get; private set; }
    public bool FloorApplied { get; private set; }
    public string LinesJson { get; private set; } = "[]";

    public SubjectScore ToScore() => new(Subject, SubjectId, Base, ReadLines(LinesJson), Total, Vetoed, FloorApplied);

    /// <summary>The lines of a stored score from their JSON (for readers that stream the column without the entity).</summary>
    public static IReadOnlyList<ScoreLine> ReadLines(string linesJson) => JsonSerializer.Deserialize<List<ScoreLine>>(linesJson, Json) ?? [];
}

/// <summary>
/// A manual item (巡查发现, 锦旗, 表扬信, 创新…) a manager enters for a staff member or a window on a day,
/// with its evidence and reason; refused without either.
/// </summary>
public class ManualAssessmentItem
{
    public const int TextMaxLength = 500;

    private ManualAssessmentItem() { }

    public static ManualAssessmentItem Enter(AssessmentScheme scheme, string itemCode, ItemSubject subject, int subjectId, DateOnly date,
        decimal? points, string evidence, string reason, int enteredBy, DateTimeOffset at)
    {
        var item = scheme.Item(itemCode);
        if (item is null || !item.Manual) throw new DomainException(AssessmentErrors.UnknownItem);
        var theEvidence = DomainText.Required(evidence, TextMaxLength, AssessmentErrors.EvidenceRequired, AssessmentErrors.InvalidItem);
        var theReason = DomainText.Required(reason, TextMaxLength, AssessmentErrors.ReasonRequired, AssessmentErrors.InvalidItem);
        // An item priced by the source (巡查发现 at 0 per occurrence) needs its points; others take the scheme's.
        if (points is { } p && (Math.Abs(p) > 100 || p == 0)) throw new DomainException(AssessmentErrors.InvalidItem);
        if (points is null && item.PointsPerOccurrence == 0) throw new DomainException(AssessmentErrors.InvalidItem);
        return new ManualAssessmentItem
        {
            ItemCode = itemCode, Subject = subject, SubjectId = subjectId, Date = date, Points = points,
            Evidence = theEvidence, Reason = theReason, EnteredBy = enteredBy, EnteredAt = at,
        };
    }

    public long Id { get; private set; }
    public string ItemCode { get; private set; } = "";
    public ItemSubject Subject { get; private set; }
    public int SubjectId { get; private set; }
    public DateOnly Date { get; private set; }
    public decimal? Points { get; private set; }
    public string Evidence { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public int EnteredBy { get; private set; }
    public DateTimeOffset EnteredAt { get; private set; }

    public AssessmentEvent ToEvent(string itemName) => new(ItemCode, Subject, SubjectId, Date, "manual",
        Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{itemName}：{Reason}（证据：{Evidence}）", Points);
}
