using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Awards;
using OpsConsole.Domain.Common;
using Xunit;

namespace OpsConsole.Tests.Domain.Awards;

public class AwardRankingTests
{
    private static AwardRule RedFlag(int topN = 2, decimal min = 95, AwardWeights? weights = null) => new()
    {
        Code = "red-flag-quarter", Kind = AwardKind.RedFlagWindow, Period = AwardPeriodKind.Quarter, Subject = AwardSubject.Window,
        TopN = topN, MinScore = min, Weights = weights,
    };

    private static AwardCandidate Window(int id, decimal? score, decimal? staff = null, int duty = 0, int pub = 0, params string[] vetoes) =>
        new(id, $"{id}号窗口", "市场监管局", score, staff, duty, pub, vetoes);

    [Fact]
    public void TheTopNByScoreAreProposedAndTheRestRanked()
    {
        var rows = AwardRanking.Propose(RedFlag(), [Window(1, 97), Window(2, 99.5m), Window(3, 98), Window(4, 96)]);

        Assert.Equal([2, 3, 1, 4], rows.Select(r => r.SubjectId));
        Assert.Equal([1, 2, 3, 4], rows.Select(r => r.Rank!.Value));
        Assert.Equal([2, 3], rows.Where(r => r.Proposed).Select(r => r.SubjectId));
    }

    [Fact]
    public void AVetoBarsEvenTheBestScoreAndCannotBeOverridden()
    {
        var rule = RedFlag();
        var rows = AwardRanking.Propose(rule, [Window(1, 100, vetoes: "投诉属实"), Window(2, 97), Window(3, 96)]);

        var vetoed = rows.Single(r => r.SubjectId == 1);
        Assert.Equal(AwardExclusion.Vetoed, vetoed.Exclusion);
        Assert.Null(vetoed.Rank);
        Assert.False(vetoed.Proposed);
        Assert.Equal([2, 3], rows.Where(r => r.Proposed).Select(r => r.SubjectId));
        var ex = Assert.Throws<DomainException>(() => AwardRanking.Confirm(rule, rows,
            [new AwardOverride(1, true, "群众反映好"), new AwardOverride(3, false, "名额让出")]));
        Assert.Contains("一票否决", ex.Message);
    }

    [Fact]
    public void BelowTheMinimumOrUnscoredIsShownButNotRanked()
    {
        var rows = AwardRanking.Propose(RedFlag(topN: 5), [Window(1, 94.99m), Window(2, null), Window(3, 95)]);

        Assert.Equal(AwardExclusion.BelowMinimum, rows.Single(r => r.SubjectId == 1).Exclusion);
        Assert.Equal(AwardExclusion.NotScored, rows.Single(r => r.SubjectId == 2).Exclusion);
        Assert.Equal([3], rows.Where(r => r.Proposed).Select(r => r.SubjectId));
    }

    [Fact]
    public void TiesAtTheLastPlaceAreAllProposed()
    {
        var rows = AwardRanking.Propose(RedFlag(topN: 2), [Window(1, 99), Window(2, 98), Window(3, 98), Window(4, 97)]);

        Assert.Equal([1, 2, 3], rows.Where(r => r.Proposed).Select(r => r.SubjectId));
        Assert.Equal(2, rows.Single(r => r.SubjectId == 3).Rank);
    }

    [Fact]
    public void TheCompositeWeighsScoresAndVotesScaledToTheMostVoted()
    {
        var weights = new AwardWeights { WindowScore = 30, StaffScore = 30, DutyVote = 20, PublicVote = 20 };
        var rows = AwardRanking.Propose(RedFlag(topN: 1, weights: weights),
            [Window(1, 99, staff: 98, duty: 1, pub: 10), Window(2, 96, staff: 97, duty: 4, pub: 40)]);

        var one = rows.Single(r => r.SubjectId == 1);
        var two = rows.Single(r => r.SubjectId == 2);
        Assert.Equal(25m, one.DutyPoints);
        Assert.Equal(25m, one.PublicPoints);
        Assert.Equal(0.3m * 99 + 0.3m * 98 + 0.2m * 25 + 0.2m * 25, one.Composite);   // 69.1
        Assert.Equal(0.3m * 96 + 0.3m * 97 + 0.2m * 100 + 0.2m * 100, two.Composite); // 97.9
        Assert.True(two.Proposed);
        Assert.False(one.Proposed);
        // The minimum applies to the window's own score, not to the composite.
        Assert.Equal(AwardExclusion.None, one.Exclusion);
    }

    [Fact]
    public void WithoutVotesTheVoteComponentsAreZeroForEveryone()
    {
        Assert.Equal(0m, AwardRanking.Points(0, 0));
        Assert.Equal(100m, AwardRanking.Points(3, 3));
        Assert.Equal(33.33m, AwardRanking.Points(1, 3));
    }

    [Fact]
    public void ChangingAPlaceNeedsAWrittenReasonAndKeepsIt()
    {
        var rule = RedFlag();
        var rows = AwardRanking.Propose(rule, [Window(1, 99), Window(2, 98), Window(3, 97)]);

        Assert.Throws<DomainException>(() => AwardRanking.Confirm(rule, rows, [new AwardOverride(2, false, " "), new AwardOverride(3, true, "")]));
        var places = AwardRanking.Confirm(rule, rows, [new AwardOverride(2, false, "当月有群众有效投诉在调查"), new AwardOverride(3, true, "替补：第三名")]);

        Assert.Equal([1, 3], places.Select(p => p.SubjectId));
        Assert.Equal([1, 2], places.Select(p => p.Place));
        Assert.Null(places[0].OverrideReason);
        Assert.Equal("替补：第三名", places[1].OverrideReason);
    }

    [Fact]
    public void NoMoreThanNMayBeAwarded()
    {
        var rule = RedFlag(topN: 1);
        var rows = AwardRanking.Propose(rule, [Window(1, 99), Window(2, 98)]);

        var ex = Assert.Throws<DomainException>(() => AwardRanking.Confirm(rule, rows, [new AwardOverride(2, true, "也很好")]));
        Assert.Contains("1", ex.Message);
    }

    [Theory]
    [InlineData(AwardKind.RedFlagWindow, AwardSubject.Staff, "窗口类荣誉")]
    [InlineData(AwardKind.ServiceModel, AwardSubject.Window, "窗口类荣誉")]
    [InlineData(AwardKind.OutstandingChief, AwardSubject.Staff, "首席代表")]
    public void ARuleMustFitItsKind(AwardKind kind, AwardSubject subject, string error)
    {
        var rule = new AwardRule { Code = "x", Kind = kind, Period = AwardPeriodKind.Year, Subject = subject, TopN = 1 };
        Assert.Contains(error, rule.Problem());
    }

    [Fact]
    public void WeightsMustAddUpTo100AndThePublicVotesOnlyForWindows()
    {
        var rule = RedFlag(weights: new AwardWeights { WindowScore = 50, StaffScore = 30, DutyVote = 10 });
        Assert.Contains("100", rule.Problem());
        var staffRule = new AwardRule
        {
            Code = "s", Kind = AwardKind.ServiceModel, Period = AwardPeriodKind.Quarter, Subject = AwardSubject.Staff, TopN = 3,
            Weights = new AwardWeights { StaffScore = 80, PublicVote = 20 },
        };
        Assert.Contains("群众投票", staffRule.Problem());
        Assert.Null(RedFlag(weights: new AwardWeights { WindowScore = 30, StaffScore = 30, DutyVote = 20, PublicVote = 20 }).Problem());
    }

    [Theory]
    [InlineData(AwardPeriodKind.Month, 2026, 11, "2026-11", "2026年11月")]
    [InlineData(AwardPeriodKind.Quarter, 2026, 4, "2026-Q4", "2026年第四季度")]
    [InlineData(AwardPeriodKind.Year, 2026, 1, "2026", "2026年度")]
    public void PeriodsHaveAKeyAndAPrintedLabel(AwardPeriodKind kind, int year, int number, string key, string label)
    {
        var period = new AwardPeriod(kind, year, number);
        Assert.Equal(key, period.Key);
        Assert.Equal(label, period.Label);
        Assert.True(AwardPeriod.TryParse(key, out var parsed));
        Assert.Equal(period, parsed);
    }

    [Fact]
    public void AQuarterCoversItsThreeMonthsAndKnowsTheOneBefore()
    {
        var q4 = AwardPeriod.Containing(AwardPeriodKind.Quarter, new DateOnly(2026, 11, 23));
        Assert.Equal([new YearMonth(2026, 10), new YearMonth(2026, 11), new YearMonth(2026, 12)], q4.Months);
        Assert.Equal("2026-Q3", q4.Previous().Key);
        Assert.Equal("2025-Q4", new AwardPeriod(AwardPeriodKind.Quarter, 2026, 1).Previous().Key);
        Assert.Equal("2025-12", new AwardPeriod(AwardPeriodKind.Month, 2026, 1).Previous().Key);
        Assert.False(AwardPeriod.TryParse("2026-Q5", out _));
        Assert.False(AwardPeriod.TryParse("2026-13", out _));
    }
}
