using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Awards;
using OpsConsole.Domain.Common;
using Xunit;

namespace OpsConsole.Tests.Domain.Awards;

/// <summary>Award rule versions: a period is judged by the version in force in its first month; the configured rule comes first.</summary>
public class AwardRuleVersionTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private static AwardRule Configured() => new()
    {
        Code = "red-flag-quarter", Kind = AwardKind.RedFlagWindow, Period = AwardPeriodKind.Quarter, Subject = AwardSubject.Window, TopN = 5, MinScore = 95,
        Weights = new AwardWeights { WindowScore = 30, StaffScore = 30, DutyVote = 20, PublicVote = 20 },
    };

    private static AwardRule With(int topN, AwardWeights? weights = null, bool vetoBars = true)
    {
        var rule = Configured();
        rule.TopN = topN;
        rule.Weights = weights;
        rule.VetoBars = vetoBars;
        return rule;
    }

    [Fact]
    public void APeriodIsJudgedByTheVersionInForceInItsFirstMonth()
    {
        var configured = Configured();
        var december = new AwardRuleVersion(With(6), new YearMonth(2026, 12), "BJ0004", At);
        var january = new AwardRuleVersion(With(7), new YearMonth(2027, 1), "BJ0004", At);
        AwardRuleVersion[] versions = [december, january];

        // The fourth quarter began in October, before either version: the configured rule.
        Assert.Equal(5, AwardRuleVersion.InForce(configured, versions, AwardRuleVersion.StartOf(new AwardPeriod(AwardPeriodKind.Quarter, 2026, 4))).TopN);
        Assert.Equal(7, AwardRuleVersion.InForce(configured, versions, AwardRuleVersion.StartOf(new AwardPeriod(AwardPeriodKind.Quarter, 2027, 1))).TopN);
        Assert.Equal(6, AwardRuleVersion.InForce(configured, versions, new YearMonth(2026, 12)).TopN);
        // Another code's versions do not count.
        var other = Configured();
        other.Code = "red-flag-year";
        Assert.Equal(5, AwardRuleVersion.InForce(other, versions, new YearMonth(2027, 6)).TopN);
    }

    [Fact]
    public void AVersionKeepsTheRuleAsEditedAndRefusesWeightsNotAddingUpTo100()
    {
        var plain = new AwardRuleVersion(With(3, weights: null, vetoBars: false), new YearMonth(2027, 1), "BJ0004", At).ToRule();
        Assert.Null(plain.Weights);
        Assert.False(plain.VetoBars);
        Assert.Equal(3, plain.TopN);

        var ex = Assert.Throws<DomainException>(() => new AwardRuleVersion(
            With(5, new AwardWeights { WindowScore = 40, StaffScore = 30, DutyVote = 20, PublicVote = 20 }), new YearMonth(2027, 1), "BJ0004", At));
        Assert.Equal("各项权重之和须为 100%。", ex.Message);
    }

    [Fact]
    public void AVetoDoesNotBarWhenTheRuleTurnsItOff()
    {
        var candidates = new[]
        {
            new AwardCandidate(1, "1号窗口", "市场监管局", 100, null, 0, 0, ["投诉属实"]),
            new AwardCandidate(2, "2号窗口", "市场监管局", 97, null, 0, 0, []),
        };
        var barring = AwardRanking.Propose(With(1), candidates);
        Assert.Equal(AwardExclusion.Vetoed, barring.Single(r => r.SubjectId == 1).Exclusion);

        var lenient = AwardRanking.Propose(With(1, vetoBars: false), candidates);
        Assert.Equal(AwardExclusion.None, lenient.Single(r => r.SubjectId == 1).Exclusion);
        Assert.Equal([1], lenient.Where(r => r.Proposed).Select(r => r.SubjectId));
    }
}
