using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Awards;

/// <summary>
/// One version of an award rule (评选规则), in force for the periods that begin in or after its month, like the
/// assessment scheme's versions: a period keeps the rule it began under, so an edit never changes an award already
/// confirmed. Before any version of a code is stored, the configured rule (Awards:Rules) is the first version.
/// </summary>
public class AwardRuleVersion
{
    private AwardRuleVersion() { }

    /// <exception cref="DomainException">The rule is not usable (its Chinese reason).</exception>
    public AwardRuleVersion(AwardRule rule, YearMonth effectiveFrom, string publishedBy, DateTimeOffset at)
    {
        if (rule.Problem() is { } problem) throw new DomainException(problem);
        Code = rule.Code;
        Year = effectiveFrom.Year;
        Month = effectiveFrom.Month;
        Kind = rule.Kind;
        Period = rule.Period;
        Subject = rule.Subject;
        TopN = rule.TopN;
        MinScore = rule.MinScore;
        VetoBars = rule.VetoBars;
        if (rule.Weights is { } w)
        {
            HasComposite = true;
            WindowWeight = w.WindowScore;
            StaffWeight = w.StaffScore;
            DutyVoteWeight = w.DutyVote;
            PublicVoteWeight = w.PublicVote;
        }
        PublishedBy = publishedBy;
        PublishedAt = at;
    }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public int Year { get; private set; }
    public int Month { get; private set; }
    public YearMonth EffectiveFrom => new(Year, Month);
    public AwardKind Kind { get; private set; }
    public AwardPeriodKind Period { get; private set; }
    public AwardSubject Subject { get; private set; }
    public int TopN { get; private set; }
    public decimal MinScore { get; private set; }
    public bool VetoBars { get; private set; } = true;
    public bool HasComposite { get; private set; }
    public int WindowWeight { get; private set; }
    public int StaffWeight { get; private set; }
    public int DutyVoteWeight { get; private set; }
    public int PublicVoteWeight { get; private set; }
    public string PublishedBy { get; private set; } = "";
    public DateTimeOffset PublishedAt { get; private set; }

    public AwardRule ToRule() => new()
    {
        Code = Code, Kind = Kind, Period = Period, Subject = Subject, TopN = TopN, MinScore = MinScore, VetoBars = VetoBars,
        Weights = HasComposite
            ? new AwardWeights { WindowScore = WindowWeight, StaffScore = StaffWeight, DutyVote = DutyVoteWeight, PublicVote = PublicVoteWeight }
            : null,
    };

    /// <summary>The first month of <paramref name="period"/>: the month that decides which version a period is judged by.</summary>
    public static YearMonth StartOf(AwardPeriod period) => period.Months[0];

    /// <summary>
    /// The rule <paramref name="configured"/>'s code is judged by in <paramref name="month"/>: the latest stored version
    /// from that month or before, else the configured rule.
    /// </summary>
    public static AwardRule InForce(AwardRule configured, IEnumerable<AwardRuleVersion> versions, YearMonth month) =>
        MonthVersions.InForce(versions.Where(v => v.Code == configured.Code), v => v.EffectiveFrom, v => v.Id, month)?.ToRule() ?? configured;
}
