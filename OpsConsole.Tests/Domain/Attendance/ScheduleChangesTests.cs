using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Common;
using Xunit;
using static OpsConsole.Tests.Domain.Attendance.AttendanceScenario;

namespace OpsConsole.Tests.Domain.Attendance;

/// <summary>Schedule changes take effect from a month and never rewrite a month already worked.</summary>
public class ScheduleChangesTests
{
    private static readonly YearMonth November = new(2026, 11);
    private static readonly YearMonth December = new(2026, 12);

    private static ScheduleDraft EarlyDraft(string name = "早班", AnnualDateRange? season = null) => new(name, season,
        PunchWindow.Of("08:30", "06:00", "10:14"),
        PunchWindow.Of("12:00", "10:15", "12:29"),
        PunchWindow.Of("13:00", "12:30", "14:59"),
        PunchWindow.Of("17:00", "15:00", "23:59"));

    [Fact]
    public void ChangingTheCenterScheduleFromNextMonthKeepsThisMonthsWindows()
    {
        var standard = WorkSchedule.Standard();

        var successor = ScheduleChanges.Revise(standard, EarlyDraft("标准作息（2026年12月起）"), December, November)!;
        var resolver = new ScheduleResolver([standard, successor, WorkSchedule.Summer()]);

        Assert.Equal(D("2026-11-30"), standard.ValidUntil);
        Assert.Equal(D("2026-12-01"), successor.ValidFrom);
        Assert.Equal(T("09:00"), resolver.For(null, D("2026-11-30")).MorningIn.OnTime);
        Assert.Equal(T("08:30"), resolver.For(null, D("2026-12-01")).MorningIn.OnTime);
        Assert.Equal(T("08:30"), resolver.For(7, D("2027-03-01")).MorningIn.OnTime);
        Assert.Equal("夏季作息", resolver.For(null, D("2027-06-01")).Name); // the summer variant still wins in season
    }

    [Fact]
    public void AScheduleNotYetInForceIsChangedInPlace()
    {
        var standard = WorkSchedule.Standard();
        var successor = ScheduleChanges.Revise(standard, EarlyDraft(), December, November)!;

        Assert.Null(ScheduleChanges.Revise(successor, EarlyDraft("再改"), December, November));
        Assert.Equal("再改", successor.Name);
        Assert.Equal(D("2026-12-01"), successor.ValidFrom);
    }

    [Fact]
    public void NoChangeTakesEffectInAMonthAlreadyPast()
    {
        Assert.Equal("attendance.schedule.effective-in-past",
            Assert.Throws<DomainException>(() => ScheduleChanges.Revise(WorkSchedule.Standard(), EarlyDraft(), new YearMonth(2026, 10), November)).Message);
        Assert.Equal("attendance.schedule.effective-in-past",
            Assert.Throws<DomainException>(() => ScheduleChanges.Add(EarlyDraft(), 3, new YearMonth(2026, 10), November)).Message);
    }

    [Fact]
    public void ASeasonalScheduleStaysSeasonal() =>
        Assert.Equal("attendance.schedule.kind-fixed",
            Assert.Throws<DomainException>(() => ScheduleChanges.Revise(WorkSchedule.Summer(), EarlyDraft(), December, November)).Message);

    [Fact]
    public void ADepartmentOverrideAppliesFromItsMonthUntilRetired()
    {
        var standard = WorkSchedule.Standard();
        var early = ScheduleChanges.Add(EarlyDraft(), 3, December, November);
        var resolver = new ScheduleResolver([standard, early]);
        Assert.Equal("标准作息", resolver.For(3, D("2026-11-30")).Name);
        Assert.Equal("早班", resolver.For(3, D("2026-12-01")).Name);
        Assert.Equal("标准作息", resolver.For(4, D("2026-12-01")).Name);

        Assert.False(ScheduleChanges.Retire(early, new YearMonth(2027, 2), November));
        var after = new ScheduleResolver([standard, early]);
        Assert.Equal("早班", after.For(3, D("2027-01-31")).Name);
        Assert.Equal("标准作息", after.For(3, D("2027-02-01")).Name);
    }

    [Fact]
    public void RetiringAScheduleNeverInForceDeletesIt() =>
        Assert.True(ScheduleChanges.Retire(ScheduleChanges.Add(EarlyDraft(), 3, December, November), December, November));

    [Fact]
    public void TheCenterAllYearScheduleCannotBeRetired() =>
        Assert.Equal("attendance.schedule.center-default-required",
            Assert.Throws<DomainException>(() => ScheduleChanges.Retire(WorkSchedule.Standard(), December, November)).Message);

    [Fact]
    public void TwoAllYearSchedulesOfOneScopeInForceTogetherAreRefused()
    {
        var standard = WorkSchedule.Standard();
        Assert.Equal("attendance.schedule.duplicate-all-year",
            Assert.Throws<DomainException>(() => new ScheduleResolver([standard, ScheduleChanges.Add(EarlyDraft(), null, December, November)])).Message);
        Assert.Equal("attendance.schedule.seasons-overlap",
            Assert.Throws<DomainException>(() => new ScheduleResolver([standard, WorkSchedule.Summer(),
                ScheduleChanges.Add(EarlyDraft("六月", new AnnualDateRange(6, 1, 6, 30)), null, December, November)])).Message);
    }

    [Fact]
    public void AMonthScoredBeforeAndAfterAChangeKeepsItsResult()
    {
        var scenario = new AttendanceScenario().Punches("2026-11-03", "08:45", "12:01", "12:55", "17:02")
            .Punches("2026-12-01", "08:35", "12:01", "12:55", "17:02");
        var before = scenario.Score(2026, 11);
        var standard = scenario.Schedules.Single(s => s.DepartmentId is null && !s.IsSeasonal);

        scenario.Schedules.Add(ScheduleChanges.Revise(standard, EarlyDraft(), December, November)!);
        var after = scenario.Score(2026, 11);

        Assert.Equal(before.Deduction, after.Deduction);
        Assert.Equal(HalfDayStatus.Normal, after.HalfDay(D("2026-11-03"), HalfDay.Morning).Status);
        var december = scenario.Score(2026, 12).HalfDay(D("2026-12-01"), HalfDay.Morning);
        Assert.Equal((HalfDayStatus.Late, T("08:30")), (december.Status, december.In!.OnTime)); // 5 minutes late under the new 08:30
    }
}
