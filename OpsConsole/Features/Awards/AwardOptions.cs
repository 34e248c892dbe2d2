using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Awards;
using OpsConsole.Features.Common;

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

/// <summary>
/// The award rules: the configured ones that are usable (or the defaults) are the codes and their first versions;
/// versions edited in the app (AwardRuleVersions, ADR 0036 as amended) take over from their month on. <see cref="All"/> and
/// <see cref="Find"/> give the rules in force this month; <see cref="ForPeriod"/> the rule a period is judged by
/// (the version in force in its first month). The stored versions are cached per node and read again after an
/// edit here, or after a minute (another node's edit).
/// </summary>
public sealed class AwardRules
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private readonly IReadOnlyList<AwardRule> _configured;
    private readonly IServiceScopeFactory _scopes;
    private readonly CenterClock _clock;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private IReadOnlyList<AwardRuleVersion> _versions = [];
    private DateTimeOffset? _loadedAt;

    public AwardRules(Microsoft.Extensions.Options.IOptions<AwardOptions> options, ILogger<AwardRules> log, IServiceScopeFactory scopes, CenterClock clock, TimeProvider time)
    {
        _scopes = scopes;
        _clock = clock;
        _time = time;
        var configured = options.Value.Rules;
        var usable = new List<AwardRule>();
        foreach (var rule in configured.Count > 0 ? configured : AwardOptions.Defaults)
        {
            if (rule.Problem() is { } problem) log.LogWarning("Award rule {Code} left out: {Problem}", rule.Code, problem);
            else if (usable.Any(r => r.Code == rule.Code)) log.LogWarning("Award rule {Code} left out: the code is used twice", rule.Code);
            else usable.Add(rule);
        }
        _configured = usable;
    }

    /// <summary>The configured rules (each code's first version).</summary>
    public IReadOnlyList<AwardRule> Configured => _configured;

    /// <summary>The rules in force this month, in configured order.</summary>
    public IReadOnlyList<AwardRule> All => InForceIn(YearMonth.Of(_clock.Today));

    /// <summary>The rules in force in <paramref name="month"/>, in configured order.</summary>
    public IReadOnlyList<AwardRule> InForceIn(YearMonth month)
    {
        var versions = Versions();
        return _configured.Select(c => AwardRuleVersion.InForce(c, versions, month)).ToList();
    }

    public AwardRule? Find(string? code) => All.FirstOrDefault(r => r.Code == code);

    /// <summary>The rule <paramref name="code"/>'s awards for <paramref name="period"/> are judged by; null for an unknown code.</summary>
    public AwardRule? ForPeriod(string? code, AwardPeriod period) =>
        _configured.FirstOrDefault(r => r.Code == code) is { } configured
            ? AwardRuleVersion.InForce(configured, Versions(), AwardRuleVersion.StartOf(period))
            : null;

    /// <summary>Rules whose composite counts the public's votes (they get a phone page and a QR code).</summary>
    public IEnumerable<AwardRule> WithPublicVote => All.Where(r => r.Weights?.PublicVote > 0);

    public IEnumerable<AwardRule> WithDutyVote => All.Where(r => r.Weights?.DutyVote > 0);

    /// <summary>Reads the stored versions again (after an edit).</summary>
    public async Task ReloadAsync(CancellationToken ct = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        var versions = await db.AwardRuleVersions.AsNoTracking().ToListAsync(ct);
        lock (_gate)
        {
            _versions = versions;
            _loadedAt = _time.GetUtcNow();
        }
    }

    private IReadOnlyList<AwardRuleVersion> Versions()
    {
        lock (_gate)
        {
            if (_loadedAt is { } at && _time.GetUtcNow() - at < CacheFor) return _versions;
        }
        // A few rows; read synchronously so the callers (pages, the desk) keep a synchronous list.
        using var scope = _scopes.CreateScope();
        using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContext();
        var versions = db.AwardRuleVersions.AsNoTracking().ToList();
        lock (_gate)
        {
            _versions = versions;
            _loadedAt = _time.GetUtcNow();
            return versions;
        }
    }
}
