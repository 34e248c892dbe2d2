using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Common;
using Xunit;
using static OpsConsole.Tests.Domain.Attendance.AttendanceScenario;

namespace OpsConsole.Tests.Domain.Attendance;

public class WorkScheduleTests
{
    private const int Department = 5;

    private static WorkSchedule EarlyStart(int departmentId, AnnualDateRange? season = null) => new("早班",
        PunchWindow.Of("08:30", "06:00", "10:14"),
        PunchWindow.Of("12:00", "10:15", "12:29"),
        PunchWindow.Of("13:00", "12:30", "14:59"),
        PunchWindow.Of("17:00", "15:00", "23:59"),
        departmentId, season);

    [Theory]
    [InlineData("2026-04-30", "标准作息")]
    [InlineData("2026-05-01", "夏季作息")]
    [InlineData("2026-09-30", "夏季作息")]
    [InlineData("2026-10-01", "标准作息")]
    public void SummerScheduleIsSelectedByDate(string day, string expected)
    {
        var resolver = new ScheduleResolver([WorkSchedule.Standard(), WorkSchedule.Summer()]);

        Assert.Equal(expected, resolver.For(null, D(day)).Name);
    }

    [Fact]
    public void SummerAfternoonStartsAtTwo()
    {
        var summer = new AttendanceScenario().Punches("2026-06-02", "08:55", "12:01", "13:55", "17:02").Score(2026, 6);
        var winter = new AttendanceScenario().Punches("2026-11-03", "08:55", "12:01", "13:55", "17:02").Score(2026, 11);

        Assert.Equal(HalfDayStatus.Normal, summer.HalfDay(D("2026-06-02"), HalfDay.Afternoon).Status);
        Assert.Equal(T("14:00"), summer.HalfDay(D("2026-06-02"), HalfDay.Afternoon).In!.OnTime);
        Assert.Equal(HalfDayStatus.HalfDayAbsence, winter.HalfDay(D("2026-11-03"), HalfDay.Afternoon).Status);
    }

    [Fact]
    public void DepartmentOverrideAppliesToItsStaffOnly()
    {
        var own = new AttendanceScenario { DepartmentId = Department };
        own.Schedules.Add(EarlyStart(Department));
        own.Punches("2026-11-03", "08:40", "12:01", "12:50", "17:02");
        var other = new AttendanceScenario { DepartmentId = 6 };
        other.Schedules.Add(EarlyStart(Department));
        other.Punches("2026-11-03", "08:40", "12:01", "12:50", "17:02");

        var ownMorning = own.Score(2026, 11).HalfDay(D("2026-11-03"), HalfDay.Morning);
        var otherMorning = other.Score(2026, 11).HalfDay(D("2026-11-03"), HalfDay.Morning);

        Assert.Equal((HalfDayStatus.Late, 10), (ownMorning.Status, ownMorning.In!.Minutes));
        Assert.Equal(HalfDayStatus.Normal, otherMorning.Status);
    }

    [Fact]
    public void DepartmentAllYearOverrideBeatsCenterSummer()
    {
        var resolver = new ScheduleResolver([WorkSchedule.Standard(), WorkSchedule.Summer(), EarlyStart(Department)]);

        Assert.Equal("早班", resolver.For(Department, D("2026-07-01")).Name);
        Assert.Equal("夏季作息", resolver.For(null, D("2026-07-01")).Name);
    }

    [Fact]
    public void DepartmentWithOnlyASeasonalOverrideFallsBackToTheCenterOutsideIt()
    {
        var resolver = new ScheduleResolver([WorkSchedule.Standard(), EarlyStart(Department, AnnualDateRange.Summer)]);

        Assert.Equal("早班", resolver.For(Department, D("2026-07-01")).Name);
        Assert.Equal("标准作息", resolver.For(Department, D("2026-11-03")).Name);
    }

    [Fact]
    public void ResolverRefusesAConfigurationWithoutACenterDefault() =>
        Assert.Equal("attendance.schedule.no-center-default",
            Assert.Throws<DomainException>(() => new ScheduleResolver([WorkSchedule.Summer()])).Message);

    [Fact]
    public void ResolverRefusesTwoAllYearSchedulesForOneScope() =>
        Assert.Throws<DomainException>(() => new ScheduleResolver([WorkSchedule.Standard(), WorkSchedule.Standard("另一个")]));

    [Fact]
    public void ResolverRefusesOverlappingSeasons()
    {
        var july = WorkSchedule.Summer("七月");
        july.SetSeason(new AnnualDateRange(7, 1, 7, 31));

        Assert.Equal("attendance.schedule.seasons-overlap",
            Assert.Throws<DomainException>(() => new ScheduleResolver([WorkSchedule.Standard(), WorkSchedule.Summer(), july])).Message);
    }

    [Fact]
    public void OverlappingWindowsAreRefused() =>
        Assert.Equal("attendance.schedule.windows-overlap", Assert.Throws<DomainException>(() => new WorkSchedule("坏",
            PunchWindow.Of("09:00", "06:00", "10:30"),
            PunchWindow.Of("12:00", "10:30", "12:29"),
            PunchWindow.Of("13:00", "12:30", "14:59"),
            PunchWindow.Of("17:00", "15:00", "23:59"))).Message);

    [Fact]
    public void OnTimeBoundOutsideItsWindowIsRefused() =>
        Assert.Throws<DomainException>(() => PunchWindow.Of("11:00", "06:00", "10:29"));

    [Fact]
    public void EveryMinuteBelongsToAtMostOneSlot()
    {
        var schedule = WorkSchedule.Standard();

        Assert.Null(schedule.SlotOf(T("05:59")));
        Assert.Equal(PunchSlot.MorningIn, schedule.SlotOf(T("10:29")));
        Assert.Equal(PunchSlot.MorningOut, schedule.SlotOf(T("10:30")));
        Assert.Equal(PunchSlot.AfternoonIn, schedule.SlotOf(T("12:30")));
        Assert.Equal(PunchSlot.AfternoonOut, schedule.SlotOf(T("23:59")));
    }

    [Fact]
    public void SeasonCanWrapTheNewYear()
    {
        var winter = new AnnualDateRange(11, 1, 2, 28);

        Assert.True(winter.Contains(D("2026-12-31")));
        Assert.True(winter.Contains(D("2027-01-15")));
        Assert.False(winter.Contains(D("2026-06-01")));
    }
}
