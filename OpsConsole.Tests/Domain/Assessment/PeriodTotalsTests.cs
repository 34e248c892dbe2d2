using OpsConsole.Domain.Assessment;
using OpsConsole.Domain.Attendance;

namespace OpsConsole.Tests.Domain.Assessment;

public sealed class PeriodTotalsTests
{
    private static MonthTotal M(int month, decimal total, int days) => new(new YearMonth(2026, month), total, days, false);

    [Fact]
    public void TheAverageOfMonthsCountsOnlyTheMonthsGiven()
    {
        Assert.Equal(96.75m, PeriodTotals.Of(PeriodTotalMethod.AverageOfMonths, [M(7, 98m, 22), M(8, 95.5m, 10)]));
        Assert.Equal(96.67m, PeriodTotals.Of(PeriodTotalMethod.AverageOfMonths, [M(7, 99m, 0), M(8, 97m, 0), M(10, 94m, 0)])); // 96.666… rounds up
        Assert.Null(PeriodTotals.Of(PeriodTotalMethod.AverageOfMonths, []));
    }

    [Fact]
    public void TheDaysWeightedAverageWeighsEachMonthByItsPostedDays()
    {
        // (98×22 + 95.5×10 + 92×21) / 53 = 5043 / 53 = 95.1509…
        Assert.Equal(95.15m, PeriodTotals.Of(PeriodTotalMethod.DaysWeightedAverage, [M(7, 98m, 22), M(8, 95.5m, 10), M(10, 92m, 21)]));
        // Without posted days (a window): the plain average.
        Assert.Equal(98m, PeriodTotals.Of(PeriodTotalMethod.DaysWeightedAverage, [M(7, 99m, 0), M(8, 97m, 0)]));
    }

    [Fact]
    public void PeriodsKnowTheirMonthsLabelsAndLinks()
    {
        var q4 = AssessmentPeriod.QuarterOf(new YearMonth(2026, 11));
        Assert.Equal([new YearMonth(2026, 10), new YearMonth(2026, 11), new YearMonth(2026, 12)], q4.Months);
        Assert.Equal("2026年第4季度", q4.Label);
        Assert.Equal("2026-Q4", q4.ToString());
        var year = AssessmentPeriod.OfYear(2026);
        Assert.Equal(12, year.Months.Count);
        Assert.Equal("2026年度", year.Label);
        Assert.True(AssessmentPeriod.TryParse("2026-Q4", out var parsed) && parsed == q4);
        Assert.True(AssessmentPeriod.TryParse("2026", out parsed) && parsed == year);
        Assert.False(AssessmentPeriod.TryParse("2026-Q5", out _));
        Assert.False(AssessmentPeriod.TryParse("26-Q1", out _));
        Assert.False(AssessmentPeriod.TryParse("", out _));
    }
}
