using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Common;
using Xunit;
using static OpsConsole.Tests.Domain.Attendance.AttendanceScenario;

namespace OpsConsole.Tests.Domain.Attendance;

public class WorkCalendarTests
{
    /// <summary>National Day 2026 as test data: Oct 1–7 off, Saturday Oct 10 worked.</summary>
    private static WorkCalendar NationalDay()
    {
        var entries = Enumerable.Range(1, 7)
            .Select(d => new CalendarEntry(new DateOnly(2026, 10, d), CalendarEntryKind.Holiday, "国庆节"))
            .Append(new CalendarEntry(D("2026-10-10"), CalendarEntryKind.Workday, "国庆调休"));
        return new WorkCalendar(entries);
    }

    [Fact]
    public void WeekendsAreOffByDefault()
    {
        var calendar = WorkCalendar.WeekendsOnly;

        Assert.True(calendar.IsWorkday(D("2026-11-06")));
        Assert.False(calendar.IsWorkday(D("2026-11-07")));
        Assert.Equal(DayKind.RestDay, calendar.KindOf(D("2026-11-08")));
    }

    [Fact]
    public void HolidayOnAWeekdayIsOffAndMakeUpSaturdayIsWorked()
    {
        var calendar = NationalDay();

        Assert.Equal(DayKind.Holiday, calendar.KindOf(D("2026-10-05")));
        Assert.False(calendar.IsWorkday(D("2026-10-05")));
        Assert.True(calendar.IsWorkday(D("2026-10-10")));
        Assert.Equal("国庆调休", calendar.EntryFor(D("2026-10-10"))!.Name);
        Assert.Equal(18, calendar.WorkdaysIn(new YearMonth(2026, 10)));
    }

    [Theory]
    [InlineData("2026-09-30", 1, "2026-10-08")]
    [InlineData("2026-09-30", 3, "2026-10-10")]
    [InlineData("2026-09-30", 4, "2026-10-12")]
    [InlineData("2026-10-12", -3, "2026-10-08")]
    [InlineData("2026-10-03", 0, "2026-10-03")]
    public void AddWorkingDaysSkipsHolidaysAndCountsMakeUpSaturday(string from, int days, string expected)
    {
        Assert.Equal(D(expected), NationalDay().AddWorkingDays(D(from), days));
    }

    [Fact]
    public void CalendarIsUsableAsTheSharedWorkingDayCalendar()
    {
        IWorkingDayCalendar calendar = NationalDay();

        Assert.Equal(D("2026-10-09"), calendar.AddWorkingDays(D("2026-09-30"), 2));
    }

    [Fact]
    public void TwoEntriesForOneDateAreRefused() =>
        Assert.Throws<DomainException>(() => new WorkCalendar([
            new CalendarEntry(D("2026-10-01"), CalendarEntryKind.Holiday, "国庆节"),
            new CalendarEntry(D("2026-10-01"), CalendarEntryKind.Workday, "调休"),
        ]));

    [Fact]
    public void CalendarWithoutWorkdaysFailsInsteadOfLoopingForever()
    {
        var everyDayOff = Enumerable.Range(0, 4000)
            .Select(i => new CalendarEntry(D("2027-01-01").AddDays(i), CalendarEntryKind.Holiday, "停业"));
        var calendar = new WorkCalendar(everyDayOff);

        Assert.Equal("attendance.calendar.no-workdays",
            Assert.Throws<DomainException>(() => calendar.AddWorkingDays(D("2026-12-31"), 1)).Message);
    }

    [Fact]
    public void WeekdayHolidayIsNotScoredAndMakeUpSaturdayIs()
    {
        var scenario = new AttendanceScenario().Holiday("2026-10-05", "国庆节").Workday("2026-10-10", "国庆调休");

        var m = scenario.Score(2026, 10);

        var holiday = m.Day(D("2026-10-05"));
        Assert.Equal((DayKind.Holiday, "国庆节", HalfDayStatus.Holiday, "休"),
            (holiday.Kind, holiday.CalendarName, holiday.Morning.Status, holiday.Morning.Symbol));
        Assert.DoesNotContain(m.Lines, l => l.Date == D("2026-10-05"));
        var saturday = m.Day(D("2026-10-10"));
        Assert.Equal((DayKind.Workday, HalfDayStatus.HalfDayAbsence), (saturday.Kind, saturday.Morning.Status));
        Assert.Equal(2, m.Lines.Count(l => l.Date == D("2026-10-10")));
    }
}
