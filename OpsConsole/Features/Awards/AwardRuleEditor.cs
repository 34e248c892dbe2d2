using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Awards;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Awards;

/// <summary>
/// 评选规则 edited in the app (ADR 0036 as amended): a manager or HR publishes a new version of an award rule in force for the
/// periods that begin in or after a month (this month or later). A period already confirmed under the old version
/// keeps it: a version may not start on or before the first month of a confirmed period of the same rule. An
/// unusable rule (weights not adding up to 100 %, …) is refused with the domain's Chinese reason.
/// </summary>
public sealed class AwardRuleEditor(IDbContextFactory<OpsDbContext> dbFactory, AwardRules rules, CenterClock clock)
{
    public YearMonth CurrentMonth => YearMonth.Of(clock.Today);

    /// <summary>What the page edits. Kind and subject are the configured code's and do not change.</summary>
    public sealed class RuleForm
    {
        public string Code { get; set; } = "";
        public AwardKind Kind { get; set; }
        public AwardSubject Subject { get; set; }
        public int Year { get; set; }
        public int Month { get; set; }
        public AwardPeriodKind Period { get; set; }
        public int TopN { get; set; }
        public decimal MinScore { get; set; }
        public bool VetoBars { get; set; } = true;
        public bool Composite { get; set; }
        public int WindowScore { get; set; }
        public int StaffScore { get; set; }
        public int DutyVote { get; set; }
        public int PublicVote { get; set; }

        public int WeightSum => WindowScore + StaffScore + DutyVote + PublicVote;

        public static RuleForm From(AwardRule r, YearMonth from) => new()
        {
            Code = r.Code, Kind = r.Kind, Subject = r.Subject, Year = from.Year, Month = from.Month, Period = r.Period, TopN = r.TopN,
            MinScore = r.MinScore, VetoBars = r.VetoBars, Composite = r.Weights is not null,
            WindowScore = r.Weights?.WindowScore ?? (r.IsWindowAward ? 100 : 0), StaffScore = r.Weights?.StaffScore ?? (r.IsWindowAward ? 0 : 100),
            DutyVote = r.Weights?.DutyVote ?? 0, PublicVote = r.Weights?.PublicVote ?? 0,
        };
    }

    /// <summary>Each rule as in force this month.</summary>
    public IReadOnlyList<RuleForm> InForce()
    {
        var month = CurrentMonth;
        return rules.InForceIn(month).Select(r => RuleForm.From(r, month)).ToList();
    }

    /// <summary>A form for the next version of <paramref name="code"/>: from next month on, starting from the rule in force then.</summary>
    public RuleForm? Form(string code)
    {
        var from = CurrentMonth.AddMonths(1);
        return rules.InForceIn(from).FirstOrDefault(r => r.Code == code) is { } rule ? RuleForm.From(rule, from) : null;
    }

    /// <summary>
    /// The versions published for a month after this one, by rule code, soonest first (of two for the same month, the
    /// later published): what the rules table shows as coming, since it shows the rules in force this month.
    /// </summary>
    public async Task<ILookup<string, AwardRuleVersion>> UpcomingAsync(CancellationToken ct = default)
    {
        var now = CurrentMonth;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var later = await db.AwardRuleVersions.AsNoTracking()
            .Where(v => v.Year > now.Year || (v.Year == now.Year && v.Month > now.Month)).ToListAsync(ct);
        return later.GroupBy(v => (v.Code, v.EffectiveFrom)).Select(g => g.MaxBy(v => v.Id)!)
            .OrderBy(v => v.EffectiveFrom).ToLookup(v => v.Code);
    }

    /// <summary>Stored versions of <paramref name="code"/>, newest first.</summary>
    public async Task<IReadOnlyList<AwardRuleVersion>> VersionsAsync(string code, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.AwardRuleVersions.AsNoTracking().Where(v => v.Code == code).ToListAsync(ct))
            .OrderByDescending(v => v.Year * 12 + v.Month).ThenByDescending(v => v.Id).ToList();
    }

    public async Task<OpResult> PublishAsync(RuleForm form, string publishedBy, CancellationToken ct = default)
    {
        if (rules.Configured.FirstOrDefault(r => r.Code == form.Code) is not { } configured) return OpResult.Fail("未找到该评选项目。");
        if (form.Month is < 1 or > 12 || form.Year is < 2000 or > 9999) return OpResult.FailOn(nameof(RuleForm.Month), "生效月份无效。");
        var from = new YearMonth(form.Year, form.Month);
        if (from < CurrentMonth) return OpResult.FailOn(nameof(RuleForm.Month), "生效月份不能早于本月：已过去的期间始终按当时的规则评选。");
        var rule = new AwardRule
        {
            Code = configured.Code, Kind = configured.Kind, Subject = configured.Subject, Period = form.Period, TopN = form.TopN,
            MinScore = form.MinScore, VetoBars = form.VetoBars,
            Weights = form.Composite
                ? new AwardWeights { WindowScore = form.WindowScore, StaffScore = form.StaffScore, DutyVote = form.DutyVote, PublicVote = form.PublicVote }
                : null,
        };
        if (rule.Problem() is { } problem)
            return problem == "各项权重之和须为 100%。" ? OpResult.FailOn(nameof(RuleForm.Composite), problem) : OpResult.Fail(problem);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var confirmed = await db.AwardRounds.AsNoTracking().Where(r => r.RuleCode == rule.Code).Select(r => r.PeriodKey).ToListAsync(ct);
        foreach (var key in confirmed)
        {
            if (AwardPeriod.TryParse(key, out var period) && AwardRuleVersion.StartOf(period) >= from)
                return OpResult.FailOn(nameof(RuleForm.Month), "{0}已确认评选结果，新规则只能自其后的月份起生效。", period.Label);
        }
        db.AwardRuleVersions.Add(new AwardRuleVersion(rule, from, publishedBy, clock.Now));
        await db.SaveChangesAsync(ct);
        await rules.ReloadAsync(ct);
        return OpResult.Notice("评选规则已发布，自 {0} 起开始的评选期间适用。", from.ToString());
    }
}
