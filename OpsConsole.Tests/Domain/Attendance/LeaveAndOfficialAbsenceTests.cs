using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Common;
using Xunit;
using static OpsConsole.Tests.Domain.Attendance.AttendanceScenario;

namespace OpsConsole.Tests.Domain.Attendance;

public class LeaveAndOfficialAbsenceTests
{
    private const string Day = "2026-11-03";

    [Fact]
    public void HalfDayOnApprovedLeaveHasNoDeduction()
    {
        var scenario = new AttendanceScenario().Punches(Day, "12:50", "17:02");
        scenario.Leave(LeaveKind.Personal, HalfDayRange.Half(D(Day), HalfDay.Morning));

        var m = scenario.Score(2026, 11);

        var morning = m.HalfDay(D(Day), HalfDay.Morning);
        Assert.Equal((HalfDayStatus.OnLeave, LeaveKind.Personal, "假", 0m), (morning.Status, morning.Leave!.Value, morning.Symbol, morning.Deduction));
        Assert.Equal(HalfDayStatus.Normal, m.HalfDay(D(Day), HalfDay.Afternoon).Status);
        Assert.DoesNotContain(m.Lines, l => l.Date == D(Day));
        Assert.Equal(1, m.Totals.LeaveHalfDays);
    }

    [Fact]
    public void LeaveExcusesEvenALatePunchOnThatHalfDay()
    {
        var scenario = new AttendanceScenario().Punches(Day, "10:00", "12:01", "12:50", "17:02");
        scenario.Leave(LeaveKind.Sick, HalfDayRange.Half(D(Day), HalfDay.Morning));

        var morning = scenario.Score(2026, 11).HalfDay(D(Day), HalfDay.Morning);

        Assert.Equal(HalfDayStatus.OnLeave, morning.Status);
        Assert.Equal((SlotOutcome.NotScored, T("10:00")), (morning.In!.Outcome, morning.In.Time!.Value));
    }

    [Fact]
    public void PendingLeaveDoesNotExcuse()
    {
        var scenario = new AttendanceScenario().Punches(Day, "12:50", "17:02");
        scenario.Leave(LeaveKind.Annual, HalfDayRange.Half(D(Day), HalfDay.Morning), approve: false);

        var m = scenario.Score(2026, 11);

        Assert.Equal(HalfDayStatus.HalfDayAbsence, m.HalfDay(D(Day), HalfDay.Morning).Status);
    }

    [Fact]
    public void LeaveOverAWeekendCountsOnlyWorkingHalfDays()
    {
        var period = new HalfDayRange(D("2026-11-06"), HalfDay.Afternoon, D("2026-11-09"), HalfDay.Morning);
        var scenario = new AttendanceScenario().Punches("2026-11-06", "08:55", "12:01").Punches("2026-11-09", "12:50", "17:02");
        scenario.Leave(LeaveKind.Marriage, period);

        var m = scenario.Score(2026, 11);

        Assert.Equal(HalfDayStatus.OnLeave, m.HalfDay(D("2026-11-06"), HalfDay.Afternoon).Status);
        Assert.Equal(HalfDayStatus.RestDay, m.HalfDay(D("2026-11-07"), HalfDay.Morning).Status);
        Assert.Equal(HalfDayStatus.OnLeave, m.HalfDay(D("2026-11-09"), HalfDay.Morning).Status);
        Assert.Equal(HalfDayStatus.Normal, m.HalfDay(D("2026-11-09"), HalfDay.Afternoon).Status);
        Assert.Equal(2, m.Totals.LeaveHalfDays);
        Assert.Equal(2, period.WorkingHalfDays(WorkCalendar.WeekendsOnly));
    }

    [Fact]
    public void HalfDayOnOfficialAbsenceHasNoDeduction()
    {
        var scenario = new AttendanceScenario().Punches(Day, "08:55", "12:01");
        scenario.Official(OfficialAbsenceKind.Training, HalfDayRange.Half(D(Day), HalfDay.Afternoon));

        var m = scenario.Score(2026, 11);

        var afternoon = m.HalfDay(D(Day), HalfDay.Afternoon);
        Assert.Equal((HalfDayStatus.OfficialAbsence, OfficialAbsenceKind.Training, "公"),
            (afternoon.Status, afternoon.OfficialAbsence!.Value, afternoon.Symbol));
        Assert.DoesNotContain(m.Lines, l => l.Date == D(Day));
        Assert.Equal(1, m.Totals.OfficialAbsenceHalfDays);
    }

    [Fact]
    public void RangeEndingBeforeItStartsIsRefused() =>
        Assert.Throws<DomainException>(() => new HalfDayRange(D(Day), HalfDay.Afternoon, D(Day), HalfDay.Morning));

    [Fact]
    public void KindsHaveTheirChineseNames()
    {
        Assert.Equal(["事假", "病假", "年休假", "婚假", "产假", "丧假"],
            new[] { LeaveKind.Personal, LeaveKind.Sick, LeaveKind.Annual, LeaveKind.Marriage, LeaveKind.Maternity, LeaveKind.Bereavement }
                .Select(k => k.Label()));
        Assert.Equal(["公出", "会议", "培训", "下乡"], Enum.GetValues<OfficialAbsenceKind>().Select(k => k.Label()));
    }
}
