using OpsConsole.Domain.Attendance;
using Xunit;
using static OpsConsole.Tests.Domain.Attendance.AttendanceScenario;

namespace OpsConsole.Tests.Domain.Attendance;

/// <summary>
/// October 2026 worked out by hand: National Day Oct 1–7 off, Saturday Oct 10 worked (调休),
/// 18 workdays = 36 half-days, and every classification at least once. Expected deduction: 33.
/// </summary>
public class HandComputedMonthTests
{
    private static AttendanceScenario October()
    {
        var s = new AttendanceScenario();
        for (var d = 1; d <= 7; d++) s.Holiday($"2026-10-0{d}", "国庆节");
        s.Workday("2026-10-10", "国庆调休");

        s.Punches("2026-10-02", "08:55");                                         // holiday: unused
        s.Punches("2026-10-08", "05:30", "08:40", "08:58", "12:01", "12:50", "17:02", "18:30"); // normal; 05:30 unused
        s.Punches("2026-10-09", "09:05", "12:01", "12:50", "16:40");              // late 5 (−1), early 20 (−2)
        s.Punches("2026-10-10", "09:12", "12:01", "12:50", "17:02");              // 调休 Saturday: late 12 (−2)
        s.Punches("2026-10-11", "09:00");                                         // Sunday: unused
        s.Punches("2026-10-12", "12:01", "12:50", "16:52");                       // morning-in missing (−2), early 8 (−1)
        s.Punches("2026-10-13", "12:50", "17:02");                                // morning both missing (−5)
        s.Punches("2026-10-14", "09:45", "12:01", "12:50", "16:20");              // late 45 (−5), early 40 (−5)
        s.Leave(LeaveKind.Sick, HalfDayRange.Days(D("2026-10-15"), D("2026-10-15")));  // two leave half-days
        s.Punches("2026-10-16", "08:55", "12:01");
        s.Official(OfficialAbsenceKind.Meeting, HalfDayRange.Half(D("2026-10-16"), HalfDay.Afternoon));
        s.Punches("2026-10-19", "08:55", "17:02");
        s.MakeUp("2026-10-19", PunchSlot.MorningOut);                             // approved: fixes morning
        s.MakeUp("2026-10-19", PunchSlot.AfternoonIn, approve: false);            // refused: missing (−2)
        s.Punches("2026-10-20", "12:50", "17:02");
        s.Leave(LeaveKind.Personal, HalfDayRange.Half(D("2026-10-20"), HalfDay.Morning), approve: false); // pending: absence (−5)
        s.Punches("2026-10-21", "09:10", "12:01", "13:30", "17:02");              // late 10 (−1), late 30 (−2)
        s.Punches("2026-10-22", "09:00:59", "12:00", "13:00", "17:00:00");        // exactly on the bounds
        foreach (var day in new[] { 23, 26, 27, 28, 29, 30 }) s.FullDay($"2026-10-{day}");
        return s;
    }

    [Fact]
    public void DeductionIsTheHandComputedTotal()
    {
        var m = October().Score(2026, 10);

        Assert.Equal(33m, m.GrossDeduction);
        Assert.Equal(33m, m.Deduction);
        Assert.Null(m.CapExplanation);
        Assert.Equal(1, m.RuleSetVersion);
    }

    [Fact]
    public void EveryDeductionHasItsLine()
    {
        var m = October().Score(2026, 10);

        Assert.Equal(
        [
            "10月9日 上午 上班打卡 09:05，迟到5分钟，扣1分",
            "10月9日 下午 下班打卡 16:40，早退20分钟，扣2分",
            "10月10日 上午 上班打卡 09:12，迟到12分钟，扣2分",
            "10月12日 上午 上班打卡 缺卡，扣2分",
            "10月12日 下午 下班打卡 16:52，早退8分钟，扣1分",
            "10月13日 上午 上班、下班均未打卡，按旷工半天计，扣5分",
            "10月14日 上午 上班打卡 09:45，迟到45分钟（超过30分钟），按旷工半天计，扣5分",
            "10月14日 下午 下班打卡 16:20，早退40分钟（超过30分钟），按旷工半天计，扣5分",
            "10月19日 下午 上班打卡 缺卡，扣2分",
            "10月20日 上午 上班、下班均未打卡，按旷工半天计，扣5分",
            "10月21日 上午 上班打卡 09:10，迟到10分钟，扣1分",
            "10月21日 下午 上班打卡 13:30，迟到30分钟，扣2分",
        ], m.Lines.Select(l => l.Explanation));
        Assert.Equal(m.GrossDeduction, m.Lines.Sum(l => l.Points));
        Assert.Equal(
        [
            DeductionReason.LateMinor, DeductionReason.EarlyLeaveMajor, DeductionReason.LateMajor, DeductionReason.MissingPunch,
            DeductionReason.EarlyLeaveMinor, DeductionReason.BothPunchesMissing, DeductionReason.LateAsAbsence,
            DeductionReason.EarlyLeaveAsAbsence, DeductionReason.MissingPunch, DeductionReason.BothPunchesMissing,
            DeductionReason.LateMinor, DeductionReason.LateMajor,
        ], m.Lines.Select(l => l.Reason));
        var lateOnSaturday = m.Lines[2];
        Assert.Equal((D("2026-10-10"), HalfDay.Morning, PunchSlot.MorningIn, T("09:12")),
            (lateOnSaturday.Date, lateOnSaturday.Half, lateOnSaturday.Slot!.Value, lateOnSaturday.PunchTime!.Value));
    }

    [Fact]
    public void TotalsCountEveryClassification()
    {
        var m = October().Score(2026, 10);

        Assert.Equal(new AttendanceTotals(
            WorkdayHalfDays: 36, NormalHalfDays: 21,
            LateCount: 4, LateMinutes: 57, EarlyLeaveCount: 2, EarlyLeaveMinutes: 28,
            MissingPunchCount: 2, AbsenceHalfDays: 4, LeaveHalfDays: 2, OfficialAbsenceHalfDays: 1,
            MakeUpPunchesUsed: 1), m.Totals);
    }

    [Fact]
    public void MonthlyGridShowsOneMarkPerHalfDay()
    {
        var m = October().Score(2026, 10);

        var grid = string.Join(" ", m.Days.Select(d => d.Morning.Symbol + d.Afternoon.Symbol));

        Assert.Equal(
            "休休 休休 休休 休休 休休 休休 休休 √√ 迟早 迟√ 休休 缺早 旷√ 旷旷 假假 √公 休休 休休 √缺 旷√ 迟迟 √√ √√ 休休 休休 √√ √√ √√ √√ √√ 休休",
            grid);
    }

    [Fact]
    public void UnusedPunchesAreReportedNotDropped()
    {
        var m = October().Score(2026, 10);

        Assert.Equal(
            [(D("2026-10-02"), UnusedPunchReason.NotAWorkday), (D("2026-10-08"), UnusedPunchReason.OutsideWindows), (D("2026-10-11"), UnusedPunchReason.NotAWorkday)],
            m.UnusedPunches.Select(u => (u.Punch.Day, u.Reason)));
        Assert.Equal(T("08:40"), m.HalfDay(D("2026-10-08"), HalfDay.Morning).In!.Time);
        Assert.Equal(T("18:30"), m.HalfDay(D("2026-10-08"), HalfDay.Afternoon).Out!.Time);
    }

    [Fact]
    public void CapAppliesToTheSameMonth()
    {
        var s = October();
        s.RuleSet = new AttendanceRuleSet(2, new YearMonth(2026, 10), AttendanceRuleValues.Defaults with { MonthlyDeductionCap = 20 });

        var m = s.Score(2026, 10);

        Assert.Equal((33m, 20m), (m.GrossDeduction, m.Deduction));
        Assert.Equal("本月考勤扣分合计33分，超过每月上限20分，按20分计", m.CapExplanation);
    }
}
