using OpsConsole.Domain.Cases;
using OpsConsole.Domain.Common;
using static OpsConsole.Tests.Domain.Cases.CaseTestData;

namespace OpsConsole.Tests.Domain.Cases;

/// <summary>The per-day workday index answers exactly as the calendar's day-by-day arithmetic, inside its span and past it.</summary>
public class WorkdayIndexTests
{
    // The span covers December 2026 only; the holiday, the worked Saturday and the weekends fall inside it.
    private static readonly WorkdayIndex Index = new(Calendar, Day(1), Day(31));

    [Fact]
    public void KnowsTheHolidaysAndTheWorkedSaturday()
    {
        Assert.False(Index.IsWorkday(Day(10)));
        Assert.False(Index.IsWorkday(Day(13)));
        Assert.True(Index.IsWorkday(Day(12)));
        Assert.True(Index.IsWorkday(Day(1)));
        Assert.False(Index.IsWorkday(new DateOnly(2027, 1, 2))); // a Saturday past the span, from the calendar
    }

    [Fact]
    public void AddsAndCountsWorkingDaysLikeTheCalendarEverywhereInAndAroundItsSpan()
    {
        for (var from = new DateOnly(2026, 11, 20); from <= new DateOnly(2027, 1, 10); from = from.AddDays(1))
        {
            for (var n = -25; n <= 25; n++)
                Assert.Equal(Calendar.AddWorkingDays(from, n), Index.AddWorkingDays(from, n));
            for (var to = from; to <= from.AddDays(40); to = to.AddDays(1))
                Assert.Equal(Loop(from, to), Index.WorkdaysBetween(from, to));
            Assert.Equal(0, Index.WorkdaysBetween(from, from.AddDays(-3)));
        }
    }

    [Fact]
    public void CountsOverTheHolidayWithoutALoop()
    {
        // Mon 7 → Mon 14: Tue 8, Wed 9, Sat 12, Mon 14.
        Assert.Equal(4, Index.WorkdaysBetween(Day(7), Day(14)));
        Assert.Equal(Day(14), Index.AddWorkingDays(Day(7), 4));
        Assert.Equal(Day(9), Index.AddWorkingDays(Day(12), -1));
        Assert.Equal(Day(9), Index.AddWorkingDays(Day(11), -1)); // from the holiday back to the last workday before it
    }

    [Fact]
    public void ACaseGivesTheSameDueDateAndDaysLeftOnTheIndexAsOnTheCalendar()
    {
        var c = Promised(4, At(7));
        c.Start(At(7, 11), 21);
        c.RequestCorrection("缺少身份证复印件", At(9, 9), 21);
        for (var today = Day(7); today <= Day(31); today = today.AddDays(1))
            Assert.Equal(c.DaysLeft(today, Calendar), c.DaysLeft(today, Index));
        Assert.Equal(c.DueOn(Calendar), CaseDeadline.DueOn(c.AcceptedOn, c.PromisedDays, c.SuspendedDays, Index));
        Assert.Equal(c.DaysLeft(Day(20), Calendar), CaseDeadline.DaysLeft(c.DueOn(Index), c.SuspendedSince, Day(20), Index));
    }

    private static int Loop(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1)) if (Calendar.IsWorkday(d)) n++;
        return n;
    }
}
