using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Data.Seeding.Demo;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Features.Attendance;
using OpsConsole.Features.Chief;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Attendance;

/// <summary>
/// The chief representative approves their own staff's leave and make-up punches (first level), with HR second where
/// configured; on the demo center (BJ0001 李静 is staff of 不动产, BJ0002 王建军 its chief), a real SQLite file.
/// </summary>
public sealed class ChiefApprovalTests
{
    private static readonly DateOnly Wednesday = new(2026, 11, 25);

    private static async Task<(int Staff, int Chief, int OtherChief, int Hr)> PeopleAsync(QueueApp app)
    {
        await using var db = app.Context();
        var staff = await db.Staff.SingleAsync(s => s.EmployeeNo == DemoCatalog.StaffEmployeeNo);
        var chief = await db.Staff.SingleAsync(s => s.EmployeeNo == DemoCatalog.ChiefEmployeeNo);
        var other = await db.Staff.FirstAsync(s => s.IsChiefRepresentative && s.DepartmentId != chief.DepartmentId);
        var hr = await db.Staff.SingleAsync(s => s.EmployeeNo == DemoCatalog.HrEmployeeNo);
        return (staff.Id, chief.Id, other.Id, hr.Id);
    }

    private static async Task<int> AskForLeaveAsync(QueueApp app, int staffId)
    {
        var asked = await app.Service<AttendanceRequests>().RequestAbsenceAsync(staffId, AbsenceKind.Of(LeaveKind.Personal),
            Wednesday, HalfDay.Morning, Wednesday, HalfDay.Afternoon, "家中有事");
        Assert.True(asked.Succeeded, asked.Error);
        await using var db = app.Context();
        return await db.LeaveRecords.Where(l => l.StaffId == staffId).MaxAsync(l => l.Id);
    }

    private static async Task<LeaveRecord> LeaveAsync(QueueApp app, int id)
    {
        await using var db = app.Context();
        return await db.LeaveRecords.AsNoTracking().SingleAsync(l => l.Id == id);
    }

    [Fact]
    public async Task TheChiefApprovesTheirStaffsLeaveAndThatIsFinalWhereHrDoesNotConfirm()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var (staff, chief, otherChief, _) = await PeopleAsync(app);
        var id = await AskForLeaveAsync(app, staff);
        var approvals = app.Service<ChiefApprovals>();

        var pending = await approvals.PendingAsync(chief);
        var item = Assert.Single(pending, p => p.Kind == ChiefApprovals.RequestKind.Leave && p.Id == id);
        Assert.Equal(ApprovalStep.Chief, item.Step);
        Assert.Empty(await approvals.PendingAsync(staff));
        Assert.Equal("只能审批本部门人员的申请。", (await approvals.DecideAsync(otherChief, item.Kind, id, true, null)).Error);
        Assert.Equal("只有首席代表可以审批本部门人员的申请。", (await approvals.DecideAsync(staff, item.Kind, id, true, null)).Error);

        var result = await approvals.DecideAsync(chief, item.Kind, id, true, null);

        Assert.Equal("已批准 {0} 的申请。", result.NoticeText);
        var leave = await LeaveAsync(app, id);
        Assert.Equal((RequestStatus.Approved, chief, chief), (leave.Status, leave.DecidedBy, leave.FirstApprovedBy));
        Assert.Equal("该申请已处理，请刷新后查看。", (await approvals.DecideAsync(chief, item.Kind, id, false, "重复")).Error);
    }

    [Fact]
    public async Task WhereHrConfirmsTheChiefsApprovalWaitsForHr()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite,
            services: s => s.Configure<AttendanceApprovalOptions>(o => o.HrConfirmsChief = true));
        var (staff, chief, _, hr) = await PeopleAsync(app);
        var id = await AskForLeaveAsync(app, staff);
        var approvals = app.Service<ChiefApprovals>();

        Assert.Equal("已同意 {0} 的申请，待人事复核。", (await approvals.DecideAsync(chief, ChiefApprovals.RequestKind.Leave, id, true, null)).NoticeText);
        var first = await LeaveAsync(app, id);
        Assert.Equal((RequestStatus.Pending, chief), (first.Status, first.FirstApprovedBy));
        Assert.Equal(ApprovalStep.HR, (await approvals.PendingAsync(chief)).Single(p => p.Id == id && p.Kind == ChiefApprovals.RequestKind.Leave).Step);

        Assert.True((await app.Service<AttendanceRequests>().DecideAbsenceAsync(new AbsenceRef(id, false), hr, true, null)).Succeeded);
        var second = await LeaveAsync(app, id);
        Assert.Equal((RequestStatus.Approved, hr, chief), (second.Status, second.DecidedBy, second.FirstApprovedBy));
    }

    [Fact]
    public async Task HrCannotApproveALeaveTheChiefHasNotApprovedYet()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite,
            services: s => s.Configure<AttendanceApprovalOptions>(o => o.HrConfirmsChief = true));
        var (staff, chief, _, hr) = await PeopleAsync(app);
        var id = await AskForLeaveAsync(app, staff);
        var requests = app.Service<AttendanceRequests>();
        var leaveRef = new AbsenceRef(id, false);

        var (_, listed) = await requests.ExceptionsAsync(new YearMonth(2026, 11), null);
        Assert.True(listed.Single(l => l.Request.Id == id && l.Leave is not null).AwaitingChief);
        Assert.Equal(AttendanceRequests.AwaitingChiefMessage, (await requests.DecideAbsenceAsync(leaveRef, hr, true, null)).Error);
        Assert.Equal((RequestStatus.Pending, (int?)null), ((await LeaveAsync(app, id)).Status, (await LeaveAsync(app, id)).DecidedBy));

        Assert.True((await app.Service<ChiefApprovals>().DecideAsync(chief, ChiefApprovals.RequestKind.Leave, id, true, null)).Succeeded);
        (_, listed) = await requests.ExceptionsAsync(new YearMonth(2026, 11), null);
        Assert.False(listed.Single(l => l.Request.Id == id && l.Leave is not null).AwaitingChief);
        Assert.True((await requests.DecideAbsenceAsync(leaveRef, hr, true, null)).Succeeded);
        Assert.Equal((RequestStatus.Approved, hr, chief), ((await LeaveAsync(app, id)).Status, (await LeaveAsync(app, id)).DecidedBy, (await LeaveAsync(app, id)).FirstApprovedBy));
    }

    [Fact]
    public async Task HrApprovesDirectlyInADepartmentWithoutAChiefAndWhereTheOrderIsOff()
    {
        await using (var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite))
        {
            var (staff, chief, _, hr) = await PeopleAsync(app);
            await using (var db = app.Context())
            {
                // The department's chief leaves: nobody is left to approve first.
                var c = await db.Staff.SingleAsync(s => s.Id == chief);
                c.Active = false;
                await db.SaveChangesAsync();
            }
            var id = await AskForLeaveAsync(app, staff);
            Assert.True((await app.Service<AttendanceRequests>().DecideAbsenceAsync(new AbsenceRef(id, false), hr, true, null)).Succeeded);
            Assert.Equal(RequestStatus.Approved, (await LeaveAsync(app, id)).Status);
        }
        await using (var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite,
                         services: s => s.Configure<AttendanceApprovalOptions>(o => o.ChiefFirst = false)))
        {
            var (staff, _, _, hr) = await PeopleAsync(app);
            var id = await AskForLeaveAsync(app, staff);
            Assert.True((await app.Service<AttendanceRequests>().DecideAbsenceAsync(new AbsenceRef(id, false), hr, true, null)).Succeeded);
            Assert.Equal((RequestStatus.Approved, (int?)null), ((await LeaveAsync(app, id)).Status, (await LeaveAsync(app, id)).FirstApprovedBy));
        }
    }

    [Fact]
    public async Task TheChiefRefusesWithAReason()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var (staff, chief, _, _) = await PeopleAsync(app);
        var id = await AskForLeaveAsync(app, staff);
        var approvals = app.Service<ChiefApprovals>();

        Assert.Equal("驳回时请填写理由。", (await approvals.DecideAsync(chief, ChiefApprovals.RequestKind.Leave, id, false, " ")).Error);
        Assert.True((await approvals.DecideAsync(chief, ChiefApprovals.RequestKind.Leave, id, false, "本周窗口人手不足")).Succeeded);

        var leave = await LeaveAsync(app, id);
        Assert.Equal((RequestStatus.Refused, "本周窗口人手不足"), (leave.Status, leave.RefusalReason));
    }

    [Fact]
    public async Task TheDepartmentPageShowsItsWindowsLiveAndNothingForSomeoneWhoLeadsNone()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var (staff, chief, _, _) = await PeopleAsync(app);
        await app.IssueAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(7));
        var desk = app.Service<DepartmentDesk>();

        var overview = (await desk.OverviewAsync(chief))!;

        Assert.Null(await desk.OverviewAsync(staff));
        var window1 = overview.Windows.Single(w => w.Number == 1);
        Assert.Equal("李静", window1.OnDuty);
        Assert.Equal((1, TimeSpan.FromMinutes(7)), (window1.Waiting, window1.LongestWait));
        Assert.DoesNotContain(overview.Windows, w => w.Number != 1 && w.LongestWait > TimeSpan.FromMinutes(7));
    }
}
