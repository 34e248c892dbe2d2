using OpsConsole.Domain.Attendance;
using Xunit;
using static OpsConsole.Tests.Domain.Attendance.AttendanceScenario;

namespace OpsConsole.Tests.Domain.Attendance;

/// <summary>One workday (Tuesday 2026-11-03, standard schedule) judged half-day by half-day.</summary>
public class HalfDayClassificationTests
{
    private const string Day = "2026-11-03";

    private static MonthAttendance ScoreDay(params string[] times) => new AttendanceScenario().Punches(Day, times).Score(2026, 11);

    private static HalfDayAttendance Morning(MonthAttendance m) => m.HalfDay(D(Day), HalfDay.Morning);

    private static HalfDayAttendance Afternoon(MonthAttendance m) => m.HalfDay(D(Day), HalfDay.Afternoon);

    private static List<DeductionLine> LinesOfDay(MonthAttendance m) => m.Lines.Where(l => l.Date == D(Day)).ToList();

    [Fact]
    public void FourPunchesWithinTheBoundsAreNormal()
    {
        var m = ScoreDay("08:55", "12:01", "12:50", "17:02");

        Assert.Equal(HalfDayStatus.Normal, Morning(m).Status);
        Assert.Equal(HalfDayStatus.Normal, Afternoon(m).Status);
        Assert.Equal("√", Morning(m).Symbol);
        Assert.Empty(LinesOfDay(m));
    }

    [Theory]
    [InlineData("09:00")]
    [InlineData("09:00:59")]
    public void ArrivalWithinTheOnTimeMinuteIsOnTime(string arrival)
    {
        var m = ScoreDay(arrival, "12:00", "13:00", "17:00");

        Assert.Equal(HalfDayStatus.Normal, Morning(m).Status);
        Assert.Equal(HalfDayStatus.Normal, Afternoon(m).Status);
        Assert.Empty(LinesOfDay(m));
    }

    [Theory]
    [InlineData("09:01", 1, DeductionReason.LateMinor, 1)]
    [InlineData("09:10", 10, DeductionReason.LateMinor, 1)]
    [InlineData("09:11", 11, DeductionReason.LateMajor, 2)]
    [InlineData("09:30", 30, DeductionReason.LateMajor, 2)]
    public void LateArrivalDeductsByBand(string arrival, int minutes, DeductionReason reason, int points)
    {
        var m = ScoreDay(arrival, "12:00", "13:00", "17:00");

        Assert.Equal(HalfDayStatus.Late, Morning(m).Status);
        Assert.Equal("迟", Morning(m).Symbol);
        Assert.Equal(minutes, Morning(m).In!.Minutes);
        var line = Assert.Single(LinesOfDay(m));
        Assert.Equal((reason, minutes, (decimal)points, PunchSlot.MorningIn), (line.Reason, line.Minutes, line.Points, line.Slot!.Value));
        Assert.Equal(T(arrival), line.PunchTime);
        Assert.Equal(1, m.Totals.LateCount);
    }

    [Fact]
    public void ArrivalMoreThanThirtyMinutesLateIsHalfDayAbsence()
    {
        var m = ScoreDay("09:31", "12:00", "13:00", "17:00");

        Assert.Equal(HalfDayStatus.HalfDayAbsence, Morning(m).Status);
        Assert.Equal("旷", Morning(m).Symbol);
        var line = Assert.Single(LinesOfDay(m));
        Assert.Equal(DeductionReason.LateAsAbsence, line.Reason);
        Assert.Equal(5m, line.Points);
        Assert.Equal("11月3日 上午 上班打卡 09:31，迟到31分钟（超过30分钟），按旷工半天计，扣5分", line.Explanation);
        Assert.Equal(0, m.Totals.LateCount);
    }

    [Theory]
    [InlineData("17:00", 0, null, 0)]
    [InlineData("16:59", 1, DeductionReason.EarlyLeaveMinor, 1)]
    [InlineData("16:50", 10, DeductionReason.EarlyLeaveMinor, 1)]
    [InlineData("16:49", 11, DeductionReason.EarlyLeaveMajor, 2)]
    [InlineData("16:30", 30, DeductionReason.EarlyLeaveMajor, 2)]
    [InlineData("16:29", 31, DeductionReason.EarlyLeaveAsAbsence, 5)]
    public void EarlyLeaveMirrorsLateArrival(string departure, int minutes, DeductionReason? reason, int points)
    {
        var m = ScoreDay("09:00", "12:00", "13:00", departure);

        Assert.Equal(minutes, Afternoon(m).Out!.Minutes);
        var lines = LinesOfDay(m);
        if (reason is null)
        {
            Assert.Equal(HalfDayStatus.Normal, Afternoon(m).Status);
            Assert.Empty(lines);
            return;
        }
        var expected = reason == DeductionReason.EarlyLeaveAsAbsence ? HalfDayStatus.HalfDayAbsence : HalfDayStatus.EarlyLeave;
        Assert.Equal(expected, Afternoon(m).Status);
        var line = Assert.Single(lines);
        Assert.Equal((reason.Value, (decimal)points, PunchSlot.AfternoonOut), (line.Reason, line.Points, line.Slot!.Value));
    }

    [Fact]
    public void EarlyMorningDepartureIsEarlyLeave()
    {
        var m = ScoreDay("09:00", "11:50", "13:00", "17:00");

        Assert.Equal(HalfDayStatus.EarlyLeave, Morning(m).Status);
        Assert.Equal("早", Morning(m).Symbol);
        var line = Assert.Single(LinesOfDay(m));
        Assert.Equal("11月3日 上午 下班打卡 11:50，早退10分钟，扣1分", line.Explanation);
    }

    [Fact]
    public void FirstArrivalAndLastDepartureCount()
    {
        var m = ScoreDay("08:50", "09:20", "12:00", "12:20", "12:40", "13:05", "16:40", "17:05");

        Assert.Equal(T("08:50"), Morning(m).In!.Time);
        Assert.Equal(T("12:20"), Morning(m).Out!.Time);
        Assert.Equal(T("12:40"), Afternoon(m).In!.Time);
        Assert.Equal(T("17:05"), Afternoon(m).Out!.Time);
        Assert.Empty(LinesOfDay(m));
        Assert.Empty(m.UnusedPunches);
        Assert.Equal(8, m.Day(D(Day)).Punches.Count);
    }

    [Fact]
    public void PunchOutsideEveryWindowIsKeptAndReportedUnused()
    {
        var m = ScoreDay("05:30", "08:55", "12:01", "12:50", "17:02");

        var unused = Assert.Single(m.UnusedPunches);
        Assert.Equal(UnusedPunchReason.OutsideWindows, unused.Reason);
        Assert.Equal(T("05:30"), unused.Punch.Minute);
        Assert.Equal(HalfDayStatus.Normal, Morning(m).Status);
        Assert.Contains(unused.Punch, m.Day(D(Day)).Punches);
    }

    [Fact]
    public void OneMissingPunchDeductsTwo()
    {
        var m = ScoreDay("08:55", "12:50", "17:02");

        Assert.Equal(HalfDayStatus.MissingPunch, Morning(m).Status);
        Assert.Equal("缺", Morning(m).Symbol);
        Assert.Equal(SlotOutcome.Missing, Morning(m).Out!.Outcome);
        var line = Assert.Single(LinesOfDay(m));
        Assert.Equal((DeductionReason.MissingPunch, PunchSlot.MorningOut, (TimeOnly?)null, 2m),
            (line.Reason, line.Slot!.Value, line.PunchTime, line.Points));
        Assert.Equal("11月3日 上午 下班打卡 缺卡，扣2分", line.Explanation);
        Assert.Equal(1, m.Totals.MissingPunchCount);
    }

    [Fact]
    public void BothPunchesOfAHalfDayMissingIsHalfDayAbsence()
    {
        var m = ScoreDay("12:50", "17:02");

        Assert.Equal(HalfDayStatus.HalfDayAbsence, Morning(m).Status);
        Assert.Equal(HalfDayStatus.Normal, Afternoon(m).Status);
        var line = Assert.Single(LinesOfDay(m));
        Assert.Equal((DeductionReason.BothPunchesMissing, (PunchSlot?)null, 5m), (line.Reason, line.Slot, line.Points));
        Assert.Equal("11月3日 上午 上班、下班均未打卡，按旷工半天计，扣5分", line.Explanation);
        Assert.Equal(0, m.Totals.MissingPunchCount);
    }

    [Fact]
    public void LateArrivalAndEarlyLeaveInOneHalfDayBothDeduct()
    {
        var m = ScoreDay("09:05", "11:45", "13:00", "17:00");

        Assert.Equal(HalfDayStatus.Late, Morning(m).Status);
        Assert.Equal(3m, Morning(m).Deduction);
        Assert.Equal([DeductionReason.LateMinor, DeductionReason.EarlyLeaveMajor], LinesOfDay(m).Select(l => l.Reason));
    }

    [Fact]
    public void HalfDayAbsenceAbsorbsTheOtherSlotsFaults()
    {
        var m = ScoreDay("09:45", "13:00", "17:00");

        var line = Assert.Single(LinesOfDay(m));
        Assert.Equal(DeductionReason.LateAsAbsence, line.Reason);
        Assert.Equal(5m, Morning(m).Deduction);
    }

    [Fact]
    public void ExplanationNamesDayHalfSlotPunchTimeAndPoints()
    {
        var line = Assert.Single(LinesOfDay(ScoreDay("09:12:40", "12:00", "13:00", "17:00")));

        Assert.Equal("11月3日 上午 上班打卡 09:12，迟到12分钟，扣2分", line.Explanation);
        Assert.Equal(D(Day), line.Date);
        Assert.Equal(HalfDay.Morning, line.Half);
    }

    [Fact]
    public void WorkdayWithoutAnyPunchIsTwoHalfDayAbsences()
    {
        var m = new AttendanceScenario().Score(2026, 11);

        Assert.Equal(HalfDayStatus.HalfDayAbsence, Morning(m).Status);
        Assert.Equal(HalfDayStatus.HalfDayAbsence, Afternoon(m).Status);
        Assert.Equal(10m, LinesOfDay(m).Sum(l => l.Points));
    }

    [Fact]
    public void PunchesOfOtherStaffAndOtherMonthsAreLeftOut()
    {
        Punch[] punches =
        [
            new(Staff + 1, D(Day).ToDateTime(T("09:20")), "T01", PunchMethod.Face),
            new(Staff, D("2026-10-30").ToDateTime(T("09:20")), "T01", PunchMethod.Card),
            new(Staff, D(Day).ToDateTime(T("08:59")), "T02", PunchMethod.Fingerprint),
        ];

        var m = MonthlyAttendanceScorer.Score(new MonthAttendanceInput
        {
            StaffId = Staff,
            Month = new YearMonth(2026, 11),
            Calendar = WorkCalendar.WeekendsOnly,
            Schedules = new ScheduleResolver([WorkSchedule.Standard()]),
            RuleSet = AttendanceRuleSet.Default(new YearMonth(2026, 1)),
            Punches = punches,
        });

        Assert.Equal([punches[2]], m.Days.SelectMany(d => d.Punches));
        Assert.Equal(T("08:59"), Morning(m).In!.Time);
        Assert.Empty(m.UnusedPunches);
    }

    [Fact]
    public void WeekendIsRestDayAndItsPunchesAreUnused()
    {
        var m = new AttendanceScenario().Punches("2026-11-07", "09:00", "17:00").Score(2026, 11);

        var saturday = m.Day(D("2026-11-07"));
        Assert.Equal(DayKind.RestDay, saturday.Kind);
        Assert.Equal((HalfDayStatus.RestDay, "休"), (saturday.Morning.Status, saturday.Morning.Symbol));
        Assert.DoesNotContain(m.Lines, l => l.Date == saturday.Date);
        Assert.All(m.UnusedPunches, u => Assert.Equal(UnusedPunchReason.NotAWorkday, u.Reason));
        Assert.Equal(2, m.UnusedPunches.Count);
    }

    [Fact]
    public void DaysAfterScoreThroughAreNotYetDue()
    {
        var scenario = new AttendanceScenario { ScoreThrough = D("2026-11-03") };
        scenario.FullDay("2026-11-02").FullDay("2026-11-03");

        var m = scenario.Score(2026, 11);

        Assert.Equal(HalfDayStatus.NotYetDue, m.HalfDay(D("2026-11-04"), HalfDay.Morning).Status);
        Assert.Equal("", m.HalfDay(D("2026-11-04"), HalfDay.Morning).Symbol);
        Assert.Empty(m.Lines);
        Assert.Equal(4, m.Totals.WorkdayHalfDays);
    }
}
