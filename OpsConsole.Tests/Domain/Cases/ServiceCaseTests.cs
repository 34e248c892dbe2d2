using OpsConsole.Domain.Cases;
using OpsConsole.Domain.Common;
using static OpsConsole.Tests.Domain.Cases.CaseTestData;

namespace OpsConsole.Tests.Domain.Cases;

public class ServiceCaseTests
{
    [Fact]
    public void APromiseCountsWorkingDaysOnTheCenterCalendarSkippingTheHolidayAndCountingTheWorkedSaturday()
    {
        // Accepted Monday 7: Tue 8, Wed 9, (Thu 10, Fri 11 holiday), Sat 12 worked, (Sun 13), Mon 14.
        var c = Promised(4, At(7));
        Assert.Equal(Day(14), c.DueDate);
        Assert.Equal(Day(14), c.DueOn(Calendar));
        Assert.Equal(4, c.DaysLeft(Day(7), Calendar));
        Assert.Equal(2, c.DaysLeft(Day(10), Calendar)); // on the holiday: Sat 12 and Mon 14 are left
        Assert.Equal(0, c.DaysLeft(Day(14), Calendar));
        Assert.Equal(-1, c.DaysLeft(Day(15), Calendar));
        Assert.Equal(1, c.DaysLeft(Day(13), Calendar)); // Sunday 13 is no working day: Monday 14 is left
        Assert.Equal(CaseAction.Registered, Assert.Single(c.History).Action);
    }

    [Fact]
    public void AnOnTheSpotCaseIsDueTheDayItIsAcceptedOrTheNextWorkdayIfThatIsADayOff()
    {
        Assert.Equal(Day(7), Promised(9, At(7), CaseKind.OnTheSpot).DueDate);
        Assert.Equal(0, Promised(9, At(7), CaseKind.OnTheSpot).PromisedDays);
        Assert.Equal(Day(12), Promised(0, At(10), CaseKind.OnTheSpot).DueDate); // accepted on the holiday
    }

    [Fact]
    public void ACorrectionStopsTheClockAndMovesTheDeadlineByTheWorkingDaysItLasted()
    {
        var c = Promised(3, At(7)); // due Sat 12 (Tue 8, Wed 9, Sat 12)
        Assert.Equal(Day(12), c.DueDate);
        c.Start(At(7, 11), 21);
        c.RequestCorrection("缺少房产证复印件", At(8, 9), 21);
        Assert.True(c.IsSuspended);
        Assert.Equal("缺少房产证复印件", c.MaterialsOwed);
        // While suspended, days left stand still at the 补正's first day.
        Assert.Equal(c.DaysLeft(Day(8), Calendar), c.DaysLeft(Day(15), Calendar));

        // Materials arrive Monday 14: Tue 8, Wed 9 and Sat 12 were lost (the holidays and Sunday were not).
        c.ReceiveCorrection(At(14, 9), Calendar, 21);
        Assert.Equal(3, c.SuspendedDays);
        Assert.Equal(Day(16), c.DueDate); // 3 + 3 working days after Mon 7: Tue 8, Wed 9, Sat 12, Mon 14, Tue 15, Wed 16
        Assert.Null(c.MaterialsOwed);
        Assert.Equal(CaseState.InProgress, c.State);
        Assert.Equal([CaseAction.Registered, CaseAction.Started, CaseAction.CorrectionRequested, CaseAction.CorrectionReceived],
            c.History.Select(h => h.Action));
    }

    [Fact]
    public void ACorrectionSettledTheSameDayCostsNothing()
    {
        var c = Promised(2, At(7));
        c.RequestCorrection("缺少身份证复印件", At(7, 10, 30), 21);
        c.ReceiveCorrection(At(7, 15), Calendar, 21);
        Assert.Equal((0, Day(9)), (c.SuspendedDays, c.DueDate));
    }

    [Fact]
    public void ACaseIsConcludedOnceAndNeverWhileMaterialsAreOwed()
    {
        var c = Promised(2, At(7));
        c.RequestCorrection("缺少委托书", At(7, 11), 21);
        Assert.Equal(CaseErrors.AwaitingCorrection, Assert.Throws<DomainException>(() => c.Conclude(At(8), 21)).Message);
        c.ReceiveCorrection(At(8), Calendar, 21);
        c.Conclude(At(8, 16), 21, "已发证");
        Assert.Equal(CaseErrors.AlreadyConcluded, Assert.Throws<DomainException>(() => c.Conclude(At(8, 17), 21)).Message);
        Assert.Equal(CaseErrors.NotOpen, Assert.Throws<DomainException>(() => c.Return("申请人撤回", At(9), 21)).Message);
        Assert.True(c.ConcludedOnTime(Calendar));
    }

    [Fact]
    public void RejectingAndReturningNeedAReasonAndRejectingOnlyBeforeWorkBegins()
    {
        var c = Promised(2, At(7));
        Assert.Equal(CaseErrors.ReasonRequired, Assert.Throws<DomainException>(() => c.Reject("  ", At(7, 11), 21)).Message);
        c.Start(At(7, 11), 21);
        Assert.Equal(CaseErrors.NotStarted, Assert.Throws<DomainException>(() => c.Reject("不属于本中心受理范围", At(7, 12), 21)).Message);
        c.Return("申请人撤回申请", At(7, 13), 21);
        Assert.Equal((CaseState.Returned, (bool?)null), (c.State, c.ConcludedOnTime(Calendar)));
        Assert.Equal("申请人撤回申请", c.History[^1].Note);
    }

    [Fact]
    public void BadRegistrationsAreRefused()
    {
        Assert.Equal(CaseErrors.NoPromisedDays, Assert.Throws<DomainException>(() => Promised(0, At(7))).Message);
        Assert.Equal(CaseErrors.JointNeedsDepartments, Assert.Throws<DomainException>(() => Promised(5, At(7), CaseKind.Joint)).Message);
        Assert.Equal(CaseErrors.ApplicantRequired, Assert.Throws<DomainException>(() =>
            ServiceCase.Register("N1", CaseKind.Promised, 5, Party, " ", null, 3, At(7), Calendar, 21)).Message);
        var joint = ServiceCase.Register("N2", CaseKind.Joint, 5, Party, "李四", null, 10, At(7), Calendar, 21, jointDepartmentIds: [4, 3, 4]);
        Assert.Equal([4], joint.JointDepartmentIds);
    }

    [Fact]
    public void TimeNeverGoesBackwards()
    {
        var c = Promised(2, At(7, 10));
        Assert.Equal(CaseErrors.TimeWentBackwards, Assert.Throws<DomainException>(() => c.Start(At(7, 9), 21)).Message);
    }
    [Fact]
    public void ATransferMovesTheCaseToAnotherWindowAndPersonAndKeepsItsDeadlineAndHistory()
    {
        var c = Promised(4, At(7));
        c.Start(At(7, 11), 21);
        c.Transfer(new CaseParty(3, 8, 22), "原经办人外出培训", At(8, 9), 30);
        Assert.Equal((3, 8, 22), (c.DepartmentId, c.WindowId, c.StaffId));
        Assert.Equal(Day(14), c.DueOn(Calendar));
        Assert.Equal(CaseState.InProgress, c.State);
        var e = c.History[^1];
        Assert.Equal((CaseAction.Reassigned, 30, "原经办人外出培训", At(8, 9)), (e.Action, e.ActorStaffId, e.Note, e.At));
        Assert.Equal(CaseErrors.ReasonRequired, Assert.Throws<DomainException>(() => c.Transfer(new CaseParty(3, 9, 23), " ", At(8, 10), 30)).Message);
        Assert.Equal(CaseErrors.TransferToSameParty, Assert.Throws<DomainException>(() => c.Transfer(new CaseParty(3, 8, 22), "再转", At(8, 10), 30)).Message);
        c.Conclude(At(9), 22);
        Assert.Equal(CaseErrors.NotOpen, Assert.Throws<DomainException>(() => c.Transfer(new CaseParty(3, 9, 23), "办结后转办", At(9, 11), 30)).Message);
    }

    [Fact]
    public void AJointCaseTransferredToAParticipatingDepartmentTradesPlacesWithTheFormerLead()
    {
        var joint = ServiceCase.Register("N3", CaseKind.Joint, 5, Party, "李四", null, 10, At(7), Calendar, 21, jointDepartmentIds: [4, 6]);
        joint.Transfer(new CaseParty(4, 12, 40), "改由税务部门牵头", At(8), 30);
        Assert.Equal(4, joint.DepartmentId);
        Assert.Equal([6, 3], joint.JointDepartmentIds);
    }
}
