using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Common;
using Xunit;

namespace OpsConsole.Tests.Domain.Attendance;

public class AttendanceRuleSetTests
{
    private static readonly AttendanceRuleSet V1 = new(1, new YearMonth(2026, 1), AttendanceRuleValues.Defaults, "2026版");
    private static readonly AttendanceRuleSet V2 = new(2, new YearMonth(2026, 7), AttendanceRuleValues.Defaults with { MissingPunchPoints = 1 });
    private static readonly AttendanceRuleSet V3 = new(3, new YearMonth(2026, 7), AttendanceRuleValues.Defaults with { MissingPunchPoints = 3 });

    [Fact]
    public void MonthIsScoredWithTheVersionInForceForIt()
    {
        var selector = new RuleSetSelector([V2, V1]);

        Assert.Equal(1, selector.ForMonth(new YearMonth(2026, 1)).Version);
        Assert.Equal(1, selector.ForMonth(new YearMonth(2026, 6)).Version);
        Assert.Equal(2, selector.ForMonth(new YearMonth(2026, 7)).Version);
        Assert.Equal(2, selector.ForMonth(new YearMonth(2027, 3)).Version);
    }

    [Fact]
    public void LaterVersionWinsWhenTwoStartTheSameMonth() =>
        Assert.Equal(3, new RuleSetSelector([V1, V3, V2]).ForMonth(new YearMonth(2026, 8)).Version);

    [Fact]
    public void MonthBeforeAnyVersionHasNoRules() =>
        Assert.Equal("attendance.rules.none-in-force",
            Assert.Throws<DomainException>(() => new RuleSetSelector([V1]).ForMonth(new YearMonth(2025, 12))).Message);

    [Fact]
    public void DuplicateVersionNumbersAreRefused() =>
        Assert.Throws<DomainException>(() => new RuleSetSelector([V1, new AttendanceRuleSet(1, new YearMonth(2027, 1), AttendanceRuleValues.Defaults)]));

    [Fact]
    public void ScorerRefusesAVersionNotYetInForce()
    {
        var scenario = new AttendanceScenario { RuleSet = V2 };

        Assert.Equal("attendance.rules.not-in-force", Assert.Throws<DomainException>(() => scenario.Score(2026, 6)).Message);
    }

    [Fact]
    public void EveryNumberComesFromTheRuleSet()
    {
        var rules = AttendanceRuleValues.Defaults with { LateMinorMaxMinutes = 5, LateMinorPoints = 0.5m, LateMajorPoints = 1.5m };
        var scenario = new AttendanceScenario { RuleSet = new AttendanceRuleSet(4, new YearMonth(2026, 1), rules) };
        scenario.Punches("2026-11-03", "09:05", "12:00", "13:06", "17:00");

        var lines = scenario.Score(2026, 11).Lines.Where(l => l.Date == new DateOnly(2026, 11, 3)).ToList();

        Assert.Equal([(DeductionReason.LateMinor, 0.5m), (DeductionReason.LateMajor, 1.5m)], lines.Select(l => (l.Reason, l.Points)));
        Assert.Equal("11月3日 下午 上班打卡 13:06，迟到6分钟，扣1.5分", lines[1].Explanation);
    }

    [Fact]
    public void MonthlyCapLimitsTheDeductionAndSaysWhy()
    {
        var capped = new AttendanceScenario { RuleSet = new AttendanceRuleSet(5, new YearMonth(2026, 1), AttendanceRuleValues.Defaults with { MonthlyDeductionCap = 20 }) };
        var uncapped = new AttendanceScenario();

        var withCap = capped.Score(2026, 11);
        var withoutCap = uncapped.Score(2026, 11);

        // November 2026 has 21 workdays; without a single punch that is 42 half-day absences.
        Assert.Equal((210m, 20m), (withCap.GrossDeduction, withCap.Deduction));
        Assert.Equal("本月考勤扣分合计210分，超过每月上限20分，按20分计", withCap.CapExplanation);
        Assert.Equal(42, withCap.Lines.Count);
        Assert.Equal((210m, 210m, (string?)null), (withoutCap.GrossDeduction, withoutCap.Deduction, withoutCap.CapExplanation));
    }

    [Fact]
    public void ThresholdsOutOfOrderAreRefused() =>
        Assert.Equal("attendance.rules.thresholds-out-of-order", Assert.Throws<DomainException>(() =>
            new AttendanceRuleSet(1, new YearMonth(2026, 1), AttendanceRuleValues.Defaults with { LateMajorMaxMinutes = 5 })).Message);

    [Fact]
    public void OccurrencePricedAtZeroIsMarkedButDeductsNothing()
    {
        var scenario = new AttendanceScenario { RuleSet = new AttendanceRuleSet(6, new YearMonth(2026, 1), AttendanceRuleValues.Defaults with { LateMinorPoints = 0 }) };
        scenario.Punches("2026-11-03", "09:05", "12:00", "13:00", "17:00");

        var m = scenario.Score(2026, 11);

        Assert.Equal(HalfDayStatus.Late, m.HalfDay(new DateOnly(2026, 11, 3), HalfDay.Morning).Status);
        Assert.DoesNotContain(m.Lines, l => l.Date == new DateOnly(2026, 11, 3));
    }

    [Fact]
    public void PublishingTakesTheNextVersionAndSupersedesFromItsMonth()
    {
        var v4 = AttendanceRuleSet.Publish([V1, V2, V3], AttendanceRuleValues.Defaults with { MissingPunchPoints = 4 },
            new YearMonth(2026, 12), new YearMonth(2026, 11), " 2026年12月起 ");
        var selector = new RuleSetSelector([V1, V2, V3, v4]);

        Assert.Equal((4, "2026年12月起"), (v4.Version, v4.Name));
        Assert.Equal(3, selector.ForMonth(new YearMonth(2026, 11)).Version);
        Assert.Equal(4, selector.ForMonth(new YearMonth(2026, 12)).Version);
    }

    [Fact]
    public void NoVersionIsPublishedForAMonthAlreadyPast() =>
        Assert.Equal("attendance.rules.effective-in-past", Assert.Throws<DomainException>(() =>
            AttendanceRuleSet.Publish([V1], AttendanceRuleValues.Defaults, new YearMonth(2026, 10), new YearMonth(2026, 11), "")).Message);

    [Fact]
    public void PublishedRulesAreValidated() =>
        Assert.Equal("attendance.rules.thresholds-out-of-order", Assert.Throws<DomainException>(() =>
            AttendanceRuleSet.Publish([V1], AttendanceRuleValues.Defaults with { LateMajorMaxMinutes = 5 }, new YearMonth(2026, 12), new YearMonth(2026, 11), "")).Message);
}
