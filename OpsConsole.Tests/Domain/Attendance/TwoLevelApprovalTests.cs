using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Common;
using Xunit;

namespace OpsConsole.Tests.Domain.Attendance;

public class TwoLevelApprovalTests
{
    private const int Staff = 10, Chief = 20, Hr = 30;
    private static readonly DateTime Asked = new(2026, 11, 23, 9, 0, 0);

    private static LeaveRecord Leave(int staff = Staff) =>
        new(staff, LeaveKind.Personal, new HalfDayRange(new(2026, 11, 25), HalfDay.Morning, new(2026, 11, 25), HalfDay.Afternoon), "家中有事", Asked);

    [Fact]
    public void WithoutAnHrLevelTheChiefsApprovalIsFinal()
    {
        var route = ApprovalRoute.For(requesterIsChief: false, departmentHasChief: true, hrConfirmsChief: false);
        var leave = Leave();
        Assert.Equal(ApprovalStep.Chief, route.NextStep(leave));

        leave.ApproveFirstLevel(Chief, Asked.AddHours(1), route.ChiefIsFinal);

        Assert.Equal((RequestStatus.Approved, Chief, Chief), (leave.Status, leave.DecidedBy, leave.FirstApprovedBy));
        Assert.Equal(ApprovalStep.None, route.NextStep(leave));
    }

    [Fact]
    public void WhereHrConfirmsTheChiefsApprovalLeavesItPendingForHr()
    {
        var route = ApprovalRoute.For(requesterIsChief: false, departmentHasChief: true, hrConfirmsChief: true);
        var leave = Leave();

        leave.ApproveFirstLevel(Chief, Asked.AddHours(1), route.ChiefIsFinal);
        Assert.Equal((RequestStatus.Pending, ApprovalStep.HR), (leave.Status, route.NextStep(leave)));
        Assert.Equal("attendance.request.first-level-done",
            Assert.Throws<DomainException>(() => leave.ApproveFirstLevel(Chief, Asked.AddHours(2), false)).Message);

        leave.Approve(Hr, Asked.AddHours(3));
        Assert.Equal((RequestStatus.Approved, Hr, Chief), (leave.Status, leave.DecidedBy, leave.FirstApprovedBy));
    }

    [Fact]
    public void AChiefsOwnRequestAndADepartmentWithoutAChiefGoStraightToHr()
    {
        Assert.Equal(ApprovalStep.HR, ApprovalRoute.For(requesterIsChief: true, departmentHasChief: true, hrConfirmsChief: false).NextStep(Leave(Chief)));
        Assert.Equal(ApprovalStep.HR, ApprovalRoute.For(requesterIsChief: false, departmentHasChief: false, hrConfirmsChief: false).NextStep(Leave()));
    }

    [Fact]
    public void NobodyApprovesTheirOwnRequestAtTheFirstLevel() =>
        Assert.Equal("attendance.request.self-decision",
            Assert.Throws<DomainException>(() => Leave(Chief).ApproveFirstLevel(Chief, Asked.AddHours(1), true)).Message);

    [Fact]
    public void HrCannotApproveBeforeTheChiefWhereTheChiefGoesFirst()
    {
        var route = ApprovalRoute.For(requesterIsChief: false, departmentHasChief: true, hrConfirmsChief: true);
        var leave = Leave();
        Assert.False(route.HrMayApprove(leave));

        Assert.Equal(ApprovalRequest.ChiefFirstError, Assert.Throws<DomainException>(() => leave.ApproveAsHr(Hr, Asked.AddHours(1), route)).Message);
        Assert.Equal(RequestStatus.Pending, leave.Status);

        leave.ApproveFirstLevel(Chief, Asked.AddHours(2), route.ChiefIsFinal);
        Assert.True(route.HrMayApprove(leave));
        leave.ApproveAsHr(Hr, Asked.AddHours(3), route);
        Assert.Equal((RequestStatus.Approved, Hr, Chief), (leave.Status, leave.DecidedBy, leave.FirstApprovedBy));
    }

    [Fact]
    public void HrMayStillRefuseBeforeTheChief()
    {
        var leave = Leave();
        leave.Refuse(Hr, Asked.AddHours(1), "与已登记公出重叠");
        Assert.Equal(RequestStatus.Refused, leave.Status);
    }

    [Fact]
    public void WithoutAChiefOrWithTheOrderTurnedOffHrApprovesDirectly()
    {
        var noChief = Leave();
        noChief.ApproveAsHr(Hr, Asked.AddHours(1), ApprovalRoute.For(requesterIsChief: false, departmentHasChief: false, hrConfirmsChief: false));
        Assert.Equal(RequestStatus.Approved, noChief.Status);

        var chiefsOwn = Leave(Chief);
        chiefsOwn.ApproveAsHr(Hr, Asked.AddHours(1), ApprovalRoute.For(requesterIsChief: true, departmentHasChief: true, hrConfirmsChief: false));
        Assert.Equal(RequestStatus.Approved, chiefsOwn.Status);

        var orderOff = Leave();
        orderOff.ApproveAsHr(Hr, Asked.AddHours(1), ApprovalRoute.For(requesterIsChief: false, departmentHasChief: true, hrConfirmsChief: false, chiefFirst: false));
        Assert.Equal((RequestStatus.Approved, (int?)null), (orderOff.Status, orderOff.FirstApprovedBy));
    }
}
