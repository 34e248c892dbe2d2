using OpsConsole.Domain.Awards;

namespace OpsConsole.Features.Awards;

/// <summary>
/// The Awards section of configuration: the award rules (评先树优项目). A configured list replaces the defaults as a
/// whole; an unusable rule is left out and logged at start (see AwardRules).
/// </summary>
public sealed class AwardOptions
{
    public const string Section = "Awards";

    public List<AwardRule> Rules { get; set; } = [];

    /// <summary>Public votes a phone's address may cast per <see cref="PublicVoteWindowMinutes"/> (several phones share the hall's Wi-Fi).</summary>
    public int PublicVotesPerAddress { get; set; } = 30;

    public int PublicVoteWindowMinutes { get; set; } = 10;

    /// <summary>
    /// PRODUCT.md's examples: monthly, quarterly (top 5, with the 30/30/20/20 composite) and annual red-flag windows,
    /// quarterly service models, annual civilized windows and models, annual outstanding chief representatives.
    /// </summary>
    public static IReadOnlyList<AwardRule> Defaults { get; } =
    [
        new() { Code = "red-flag-month", Kind = AwardKind.RedFlagWindow, Period = AwardPeriodKind.Month, Subject = AwardSubject.Window, TopN = 3, MinScore = 95 },
        new()
        {
            Code = "red-flag-quarter", Kind = AwardKind.RedFlagWindow, Period = AwardPeriodKind.Quarter, Subject = AwardSubject.Window, TopN = 5, MinScore = 95,
            Weights = new AwardWeights { WindowScore = 30, StaffScore = 30, DutyVote = 20, PublicVote = 20 },
        },
        new() { Code = "red-flag-year", Kind = AwardKind.RedFlagWindow, Period = AwardPeriodKind.Year, Subject = AwardSubject.Window, TopN = 5, MinScore = 95 },
        new() { Code = "service-model-quarter", Kind = AwardKind.ServiceModel, Period = AwardPeriodKind.Quarter, Subject = AwardSubject.Staff, TopN = 10, MinScore = 98 },
        new() { Code = "civilized-window-year", Kind = AwardKind.CivilizedWindow, Period = AwardPeriodKind.Year, Subject = AwardSubject.Window, TopN = 5, MinScore = 95 },
        new() { Code = "civilized-model-year", Kind = AwardKind.CivilizedModel, Period = AwardPeriodKind.Year, Subject = AwardSubject.Staff, TopN = 10, MinScore = 98 },
        new() { Code = "outstanding-chief-year", Kind = AwardKind.OutstandingChief, Period = AwardPeriodKind.Year, Subject = AwardSubject.ChiefRepresentative, TopN = 3, MinScore = 95 },
    ];
}

/// <summary>The award rules in force: the configured ones that are usable (or the defaults), by code.</summary>
public sealed class AwardRules
{
    private readonly IReadOnlyList<AwardRule> _rules;

    public AwardRules(Microsoft.Extensions.Options.IOptions<AwardOptions> options, ILogger<AwardRules> log)
    {
        var configured = options.Value.Rules;
        var usable = new List<AwardRule>();
        foreach (var rule in configured.Count > 0 ? configured : AwardOptions.Defaults)
        {
            if (rule.Problem() is { } problem) log.LogWarning("Award rule {Code} left out: {Problem}", rule.Code, problem);
            else if (usable.Any(r => r.Code == rule.Code)) log.LogWarning("Award rule {Code} left out: the code is used twice", rule.Code);
            else usable.Add(rule);
        }
        _rules = usable;
    }

    public IReadOnlyList<AwardRule> All => _rules;

    public AwardRule? Find(string? code) => _rules.FirstOrDefault(r => r.Code == code);

    /// <summary>Rules whose composite counts the public's votes (they get a phone page and a QR code).</summary>
    public IEnumerable<AwardRule> WithPublicVote => _rules.Where(r => r.Weights?.PublicVote > 0);

    public IEnumerable<AwardRule> WithDutyVote => _rules.Where(r => r.Weights?.DutyVote > 0);
}
