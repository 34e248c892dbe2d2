using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Awards;

/// <summary>
/// A window or person who could win, with the period's components: the window and staff scores (averages of
/// the published months, null when not scored), ballots from duty officers and the public, and the veto items
/// that struck in the period.
/// </summary>
public sealed record AwardCandidate(int SubjectId, string Name, string? Department, decimal? WindowScore, decimal? StaffScore,
    int DutyVotes, int PublicVotes, IReadOnlyList<string> Vetoes);

public enum AwardExclusion { None, Vetoed, BelowMinimum, NotScored }

/// <summary>One line of the proposal: every component shown, the composite, the rank among those eligible.</summary>
public sealed record AwardProposalRow(AwardCandidate Candidate, decimal? OwnScore, decimal DutyPoints, decimal PublicPoints, decimal? Composite,
    int? Rank, bool Proposed, AwardExclusion Exclusion)
{
    public int SubjectId => Candidate.SubjectId;
}

/// <summary>A manager's change to the proposal: award (or not) this candidate, and why.</summary>
public sealed record AwardOverride(int SubjectId, bool Award, string Reason);

/// <summary>A confirmed place: who, in which order, the figures it was decided on, and the reason if it was overridden.</summary>
public sealed record AwardPlace(int SubjectId, string Name, int Place, decimal? OwnScore, decimal? Composite, string? OverrideReason);

/// <summary>
/// The proposal (PRODUCT.md §8): those vetoed, unscored or below the minimum are shown but not ranked; the rest
/// are ranked on the composite (or the own score without weights), competition ranks; the top N are proposed,
/// and all tied at the last place with them. A manager confirms, changing a place only with a written reason;
/// a veto is never overridden.
/// </summary>
public static class AwardRanking
{
    public const int ReasonMaxLength = 500;

    public static decimal? OwnScore(AwardRule rule, AwardCandidate c) => rule.IsWindowAward ? c.WindowScore : c.StaffScore;

    public static IReadOnlyList<AwardProposalRow> Propose(AwardRule rule, IEnumerable<AwardCandidate> candidates)
    {
        if (rule.Problem() is { } problem) throw new DomainException(problem);
        var list = candidates.ToList();
        var maxDuty = list.Count == 0 ? 0 : list.Max(c => c.DutyVotes);
        var maxPublic = list.Count == 0 ? 0 : list.Max(c => c.PublicVotes);
        var rows = list.Select(c =>
        {
            var own = OwnScore(rule, c);
            var duty = Points(c.DutyVotes, maxDuty);
            var pub = Points(c.PublicVotes, maxPublic);
            var exclusion = c.Vetoes.Count > 0 && rule.VetoBars ? AwardExclusion.Vetoed
                : own is null ? AwardExclusion.NotScored
                : own < rule.MinScore ? AwardExclusion.BelowMinimum
                : AwardExclusion.None;
            decimal? composite = own is null ? null : Composite(rule, c, own.Value, duty, pub);
            return new AwardProposalRow(c, own, duty, pub, composite, null, false, exclusion);
        }).ToList();

        var eligible = rows.Where(r => r.Exclusion == AwardExclusion.None)
            .OrderByDescending(r => r.Composite).ThenByDescending(r => r.OwnScore).ThenBy(r => r.SubjectId).ToList();
        var ranks = new Dictionary<int, int>();
        for (var i = 0; i < eligible.Count; i++)
            ranks[eligible[i].SubjectId] = i > 0 && eligible[i].Composite == eligible[i - 1].Composite ? ranks[eligible[i - 1].SubjectId] : i + 1;

        return rows.Select(r => ranks.TryGetValue(r.SubjectId, out var rank) ? r with { Rank = rank, Proposed = rank <= rule.TopN } : r)
            .OrderBy(r => r.Rank ?? int.MaxValue).ThenByDescending(r => r.OwnScore ?? decimal.MinValue).ThenBy(r => r.SubjectId).ToList();
    }

    /// <summary>
    /// The final places from the proposal and the manager's overrides. Each override needs a reason; a vetoed
    /// candidate cannot be awarded; no more than N (or the tied proposal, if larger) are awarded; at least one.
    /// </summary>
    public static IReadOnlyList<AwardPlace> Confirm(AwardRule rule, IReadOnlyList<AwardProposalRow> proposal, IEnumerable<AwardOverride> overrides)
    {
        var awarded = proposal.Where(r => r.Proposed).Select(r => r.SubjectId).ToHashSet();
        var reasons = new Dictionary<int, string>();
        foreach (var o in overrides)
        {
            var row = proposal.FirstOrDefault(r => r.SubjectId == o.SubjectId) ?? throw new DomainException("候选对象不在本期名单中，请刷新后重试。");
            if (o.Award == row.Proposed) continue;
            var reason = DomainText.Required(o.Reason, ReasonMaxLength, $"调整“{row.Candidate.Name}”的名次须填写书面理由。", "理由过长。");
            if (o.Award && row.Exclusion == AwardExclusion.Vetoed)
                throw new DomainException($"“{row.Candidate.Name}”本期有一票否决事项，不能授予。");
            if (o.Award) awarded.Add(o.SubjectId);
            else awarded.Remove(o.SubjectId);
            reasons[o.SubjectId] = reason;
        }
        if (awarded.Count == 0) throw new DomainException("没有可授予的对象。");
        var limit = Math.Max(rule.TopN, proposal.Count(r => r.Proposed));
        if (awarded.Count > limit) throw new DomainException($"最多授予 {limit} 个名额。");

        return proposal.Where(r => awarded.Contains(r.SubjectId))
            .OrderByDescending(r => r.Composite ?? decimal.MinValue).ThenByDescending(r => r.OwnScore ?? decimal.MinValue).ThenBy(r => r.SubjectId)
            .Select((r, i) => new AwardPlace(r.SubjectId, r.Candidate.Name, i + 1, r.OwnScore, r.Composite, reasons.GetValueOrDefault(r.SubjectId)))
            .ToList();
    }

    /// <summary>Votes as points out of 100: the most voted candidate gets 100, none voted: 0.</summary>
    public static decimal Points(int votes, int maxVotes) =>
        maxVotes <= 0 ? 0m : decimal.Round(votes * 100m / maxVotes, 2, MidpointRounding.AwayFromZero);

    private static decimal Composite(AwardRule rule, AwardCandidate c, decimal own, decimal duty, decimal pub)
    {
        if (rule.Weights is not { } w) return own;
        // A component with no score (a window whose department has no one scored) counts as the own score.
        var window = c.WindowScore ?? own;
        var staff = c.StaffScore ?? own;
        var sum = w.WindowScore * window + w.StaffScore * staff + w.DutyVote * duty + w.PublicVote * pub;
        return decimal.Round(sum / 100m, 2, MidpointRounding.AwayFromZero);
    }
}
