using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Common;
using Xunit;
using static OpsConsole.Tests.Domain.Attendance.AttendanceScenario;

namespace OpsConsole.Tests.Domain.Attendance;

public class MakeUpPunchTests
{
    private const string Day = "2026-11-03";

    private static MakeUpRequestOutcome Ask(string day, PunchSlot slot, IEnumerable<MakeUpPunchRequest> existing,
        string reason = "忘记打卡", string requestedAt = "2026-11-30") =>
        MakeUpPunchPolicy.Request(Staff, D(day), slot, reason, D(requestedAt).ToDateTime(T("09:00")), existing, 3,
            WorkCalendar.WeekendsOnly);

    [Fact]
    public void ApprovedMakeUpFixesAMissingPunch()
    {
        var scenario = new AttendanceScenario().Punches(Day, "08:55", "12:50", "17:02");
        var request = scenario.MakeUp(Day, PunchSlot.MorningOut);

        var m = scenario.Score(2026, 11);

        var morning = m.HalfDay(D(Day), HalfDay.Morning);
        Assert.Equal(HalfDayStatus.Normal, morning.Status);
        Assert.Equal((PunchSource.MakeUp, T("12:00"), request), (morning.Out!.Source, morning.Out.Time!.Value, morning.Out.MakeUp!));
        Assert.DoesNotContain(m.Lines, l => l.Date == D(Day));
        Assert.Equal(1, m.Totals.MakeUpPunchesUsed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void RefusedOrPendingMakeUpLeavesThePunchMissing(bool? approve)
    {
        var scenario = new AttendanceScenario().Punches(Day, "08:55", "12:50", "17:02");
        scenario.MakeUp(Day, PunchSlot.MorningOut, approve);

        var m = scenario.Score(2026, 11);

        Assert.Equal(HalfDayStatus.MissingPunch, m.HalfDay(D(Day), HalfDay.Morning).Status);
        var line = Assert.Single(m.Lines, l => l.Date == D(Day));
        Assert.Equal((DeductionReason.MissingPunch, PunchSlot.MorningOut, 2m), (line.Reason, line.Slot!.Value, line.Points));
        Assert.Equal(0, m.Totals.MakeUpPunchesUsed);
    }

    [Fact]
    public void ApprovedMakeUpForALateArrivalCountsAsOnTime()
    {
        var scenario = new AttendanceScenario().Punches(Day, "09:20", "12:01", "12:50", "17:02");
        scenario.MakeUp(Day, PunchSlot.MorningIn);

        var morning = scenario.Score(2026, 11).HalfDay(D(Day), HalfDay.Morning);

        Assert.Equal((HalfDayStatus.Normal, PunchSource.MakeUp), (morning.Status, morning.In!.Source));
    }

    [Fact]
    public void FourthRequestInAMonthIsRefused()
    {
        var existing = new List<MakeUpPunchRequest>();
        foreach (var day in new[] { "2026-11-02", "2026-11-03", "2026-11-04" })
            existing.Add(Ask(day, PunchSlot.MorningIn, existing).Request!);

        var fourth = Ask("2026-11-05", PunchSlot.MorningIn, existing);
        var nextMonth = Ask("2026-12-01", PunchSlot.MorningIn, existing, requestedAt: "2026-12-02");

        Assert.False(fourth.Accepted);
        Assert.Equal((MakeUpRefusal.MonthlyLimitReached, "attendance.makeup.monthly-limit"), (fourth.Refusal!.Value, fourth.RefusalKey!));
        Assert.True(nextMonth.Accepted);
    }

    [Fact]
    public void RefusedRequestsDoNotUseUpTheAllowance()
    {
        var existing = new List<MakeUpPunchRequest>();
        foreach (var day in new[] { "2026-11-02", "2026-11-03", "2026-11-04" })
            existing.Add(Ask(day, PunchSlot.MorningIn, existing).Request!);
        existing[0].Refuse(Manager, D("2026-11-30").ToDateTime(T("10:00")), "无依据");

        Assert.True(Ask("2026-11-05", PunchSlot.MorningIn, existing).Accepted);
    }

    [Fact]
    public void SameSlotCannotBeRequestedTwice()
    {
        var first = Ask(Day, PunchSlot.AfternoonOut, []).Request!;

        Assert.Equal(MakeUpRefusal.AlreadyRequested, Ask(Day, PunchSlot.AfternoonOut, [first]).Refusal);
    }

    [Fact]
    public void FutureDaysRestDaysAndEmptyReasonsAreRefused()
    {
        Assert.Equal(MakeUpRefusal.FutureDate, Ask("2026-12-01", PunchSlot.MorningIn, [], requestedAt: "2026-11-30").Refusal);
        Assert.Equal(MakeUpRefusal.NotAWorkday, Ask("2026-11-07", PunchSlot.MorningIn, []).Refusal);
        Assert.Equal(MakeUpRefusal.ReasonRequired, Ask(Day, PunchSlot.MorningIn, [], reason: "  ").Refusal);
    }

    [Fact]
    public void RequestIsDecidedOnceBySomeoneElse()
    {
        var request = Ask(Day, PunchSlot.MorningIn, []).Request!;
        var at = D("2026-11-30").ToDateTime(T("10:00"));

        Assert.Equal("attendance.request.self-decision", Assert.Throws<DomainException>(() => request.Approve(Staff, at)).Message);
        Assert.Throws<DomainException>(() => request.Refuse(Manager, at, " "));
        request.Approve(Manager, at);
        Assert.Equal((RequestStatus.Approved, Manager, at), (request.Status, request.DecidedBy!.Value, request.DecidedAt!.Value));
        Assert.Equal("attendance.request.already-decided", Assert.Throws<DomainException>(() => request.Refuse(Manager, at, "改主意")).Message);
    }
}
