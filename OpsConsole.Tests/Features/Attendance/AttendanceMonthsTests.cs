using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Attendance;
using OpsConsole.Features.Attendance;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Attendance;

/// <summary>
/// The monthly sheet over a real database matches October 2026 worked out by hand (the domain's hand-computed
/// month: every classification, expected deduction 33), and make-up approval changes the month at once.
/// </summary>
public sealed class AttendanceMonthsTests(SqliteAppFixture fx) : IClassFixture<SqliteAppFixture>
{
    private static DateOnly D(string s) => HandComputedOctober.D(s);

    private Task<(int Staff, int Manager)> OctoberAsync(string employeeNo) => HandComputedOctober.SeedAsync(fx.App, employeeNo);

    [Fact]
    public async Task TheMonthlySheetMatchesTheHandComputedMonth()
    {
        var (staffId, _) = await OctoberAsync("T0001");
        await using var scope = fx.App.Services.CreateAsyncScope();
        var grid = await scope.ServiceProvider.GetRequiredService<AttendanceMonths>().GridAsync(new YearMonth(2026, 10), null, centerOfficeOnly: true);

        var m = grid.Rows.Single(r => r.Staff.Id == staffId).Attendance;
        Assert.Equal(33m, m.Deduction);
        Assert.Equal(18, grid.Calendar.WorkdaysIn(grid.Month)); // National Day off, Saturday Oct 10 worked
        string Marks(string day) => m.Day(D(day)).Morning.Symbol + m.Day(D(day)).Afternoon.Symbol;
        Assert.Equal("休休", Marks("2026-10-02"));
        Assert.Equal("√√", Marks("2026-10-08"));
        Assert.Equal("迟早", Marks("2026-10-09"));
        Assert.Equal("迟√", Marks("2026-10-10"));
        Assert.Equal("缺早", Marks("2026-10-12"));
        Assert.Equal("旷√", Marks("2026-10-13"));
        Assert.Equal("旷旷", Marks("2026-10-14"));
        Assert.Equal("假假", Marks("2026-10-15"));
        Assert.Equal("√公", Marks("2026-10-16"));
        Assert.Equal("√缺", Marks("2026-10-19"));
        Assert.Equal("旷√", Marks("2026-10-20"));
        Assert.Equal("迟迟", Marks("2026-10-21"));
        Assert.Equal("√√", Marks("2026-10-22"));
        Assert.Equal(12, m.Lines.Count);
        Assert.Equal("10月9日 上午 上班打卡 09:05，迟到5分钟，扣1分", m.Lines[0].Explanation);
        Assert.Equal(2, m.UnusedPunches.Count(u => u.Reason == UnusedPunchReason.NotAWorkday));
    }

    [Fact]
    public async Task ApprovingAMakeUpUpdatesTheMonthAndNobodyDecidesTheirOwn()
    {
        var (staffId, manager) = await OctoberAsync("T0002");
        await using var scope = fx.App.Services.CreateAsyncScope();
        var months = scope.ServiceProvider.GetRequiredService<AttendanceMonths>();
        var requests = scope.ServiceProvider.GetRequiredService<AttendanceRequests>();

        var asked = await requests.RequestMakeUpAsync(staffId, D("2026-10-12"), PunchSlot.MorningIn, "考勤机故障");
        Assert.True(asked.Succeeded, asked.Error);
        Assert.Equal("这次打卡已经申请过补卡。", (await requests.RequestMakeUpAsync(staffId, D("2026-10-12"), PunchSlot.MorningIn, "再试")).Error);
        Assert.True((await requests.RequestMakeUpAsync(staffId, D("2026-10-13"), PunchSlot.MorningIn, "考勤机故障")).Succeeded);
        Assert.Equal("本月补卡次数已用完（每月最多 {0} 次）。", (await requests.RequestMakeUpAsync(staffId, D("2026-10-14"), PunchSlot.MorningIn, "再试")).Error);
        await using (var db = fx.App.CreateDbContext())
        {
            var day = D("2026-10-12");
            var id = await db.MakeUpPunchRequests.Where(r => r.StaffId == staffId && r.Status == RequestStatus.Pending && r.Date == day).Select(r => r.Id).SingleAsync();
            Assert.Equal("不能审批自己的申请。", (await requests.DecideMakeUpAsync(id, staffId, true, null)).Error);
            Assert.Equal("驳回时请填写理由。", (await requests.DecideMakeUpAsync(id, manager, false, " ")).Error);
            Assert.True((await requests.DecideMakeUpAsync(id, manager, true, null)).Succeeded);
        }

        var month = (await months.ForStaffAsync(staffId, new YearMonth(2026, 10)))!;
        Assert.Equal(31m, month.Attendance.Deduction); // the missing morning-in (−2) is gone
        Assert.Equal(PunchSource.MakeUp, month.Attendance.HalfDay(D("2026-10-12"), HalfDay.Morning).In!.Source);
        Assert.Equal(0, month.MakeUpsLeft);
    }

    [Fact]
    public async Task ApprovedLeaveExcusesItsHalfDaysAndOverlapsAreRefused()
    {
        var (staffId, manager) = await OctoberAsync("T0003");
        await using var scope = fx.App.Services.CreateAsyncScope();
        var requests = scope.ServiceProvider.GetRequiredService<AttendanceRequests>();
        var months = scope.ServiceProvider.GetRequiredService<AttendanceMonths>();

        Assert.Equal("结束时间不能早于开始时间。", (await requests.RequestAbsenceAsync(staffId, AbsenceKind.Of(LeaveKind.Annual), D("2026-10-14"), HalfDay.Afternoon, D("2026-10-14"), HalfDay.Morning, "")).Error);
        Assert.True((await requests.RequestAbsenceAsync(staffId, AbsenceKind.Of(LeaveKind.Annual), D("2026-10-13"), HalfDay.Morning, D("2026-10-14"), HalfDay.Afternoon, "探亲")).Succeeded);
        Assert.Equal("这段时间已有请假或公出记录。", (await requests.RequestAbsenceAsync(staffId, AbsenceKind.Of(LeaveKind.Sick), D("2026-10-14"), HalfDay.Morning, D("2026-10-14"), HalfDay.Morning, "")).Error);
        Assert.Equal(33m, (await months.ForStaffAsync(staffId, new YearMonth(2026, 10)))!.Attendance.Deduction); // pending: no effect

        var (_, leaves) = await requests.ExceptionsAsync(new YearMonth(2026, 10), null);
        var pending = leaves.Single(l => l.Staff.Id == staffId && l.Leave?.Status == RequestStatus.Pending && l.Leave.Kind == LeaveKind.Annual).Leave!;
        Assert.True((await requests.DecideAbsenceAsync(new AbsenceRef(pending.Id, false), manager, true, null)).Succeeded);

        var month = (await months.ForStaffAsync(staffId, new YearMonth(2026, 10)))!.Attendance;
        Assert.Equal(HalfDayStatus.OnLeave, month.HalfDay(D("2026-10-13"), HalfDay.Morning).Status);
        Assert.Equal(HalfDayStatus.OnLeave, month.HalfDay(D("2026-10-14"), HalfDay.Afternoon).Status);
        Assert.Equal(33m - 5 - 5 - 5, month.Deduction); // 13th morning absence, 14th late and early absences excused
    }

    [Fact]
    public async Task OfficialAbsencesAreRequestedAndApprovedLikeLeaveAndNeverOverlapIt()
    {
        var (staffId, manager) = await OctoberAsync("T0004");
        await using var scope = fx.App.Services.CreateAsyncScope();
        var requests = scope.ServiceProvider.GetRequiredService<AttendanceRequests>();
        var months = scope.ServiceProvider.GetRequiredService<AttendanceMonths>();

        Assert.Equal("所选期间没有工作日，无需登记。", (await requests.RequestAbsenceAsync(staffId, AbsenceKind.Of(OfficialAbsenceKind.Field), D("2026-10-24"), HalfDay.Morning, D("2026-10-25"), HalfDay.Afternoon, "")).Error);
        Assert.True((await requests.RequestAbsenceAsync(staffId, AbsenceKind.Of(OfficialAbsenceKind.Training), D("2026-10-14"), HalfDay.Morning, D("2026-10-14"), HalfDay.Afternoon, "业务培训")).Succeeded);
        Assert.Equal("这段时间已有请假或公出记录。", (await requests.RequestAbsenceAsync(staffId, AbsenceKind.Of(LeaveKind.Personal), D("2026-10-14"), HalfDay.Afternoon, D("2026-10-15"), HalfDay.Morning, "")).Error);
        var (_, items) = await requests.ExceptionsAsync(new YearMonth(2026, 10), null);
        var training = items.Single(i => i.Staff.Id == staffId && i.Request.Status == RequestStatus.Pending && i.Official is not null);
        Assert.Equal(("培训", true), (training.Kind.Label, training.Ref.Official));

        Assert.True((await requests.DecideAbsenceAsync(training.Ref, manager, true, null)).Succeeded);
        var month = (await months.ForStaffAsync(staffId, new YearMonth(2026, 10)))!.Attendance;
        Assert.Equal(HalfDayStatus.OfficialAbsence, month.HalfDay(D("2026-10-14"), HalfDay.Morning).Status);
        Assert.Equal(33m - 5 - 5, month.Deduction); // both half-day absences of the 14th excused
        Assert.Equal("该申请已处理，不能撤回。", (await requests.WithdrawAbsenceAsync(staffId, training.Ref)).Error);
    }

    [Fact]
    public async Task HrRecordsLeaveForSomeoneAsApprovedButNeverForThemselves()
    {
        var (staffId, _) = await OctoberAsync("T0005");
        await using var scope = fx.App.Services.CreateAsyncScope();
        var requests = scope.ServiceProvider.GetRequiredService<AttendanceRequests>();
        var months = scope.ServiceProvider.GetRequiredService<AttendanceMonths>();
        await using var db = fx.App.CreateDbContext();
        var hr = await db.Staff.Where(s => s.EmployeeNo == "BJ0004").Select(s => s.Id).SingleAsync();
        var sick = AbsenceKind.Of(LeaveKind.Sick);

        Assert.Equal("您的账号未关联人员档案，不能登记。", (await requests.RecordAbsenceAsync(null, "T0005", sick, D("2026-10-13"), HalfDay.Morning, D("2026-10-13"), HalfDay.Morning, "")).Error);
        Assert.Equal(("工号 {0} 不存在。", "EmployeeNo"), ((await requests.RecordAbsenceAsync(hr, "X9999", sick, D("2026-10-13"), HalfDay.Morning, D("2026-10-13"), HalfDay.Morning, "")).Error,
            (await requests.RecordAbsenceAsync(hr, "X9999", sick, D("2026-10-13"), HalfDay.Morning, D("2026-10-13"), HalfDay.Morning, "")).Field));
        Assert.Equal("不能为自己登记，请由其他负责人登记。", (await requests.RecordAbsenceAsync(hr, "BJ0004", sick, D("2026-10-13"), HalfDay.Morning, D("2026-10-13"), HalfDay.Morning, "")).Error);

        var recorded = await requests.RecordAbsenceAsync(hr, " T0005 ", sick, D("2026-10-13"), HalfDay.Morning, D("2026-10-13"), HalfDay.Morning, "电话请假，后补病假条");
        Assert.Equal(("已为 {0} 登记{1}。", true), (recorded.NoticeText, recorded.Succeeded));

        var leave = await db.LeaveRecords.AsNoTracking().SingleAsync(l => l.StaffId == staffId && l.Kind == LeaveKind.Sick && l.Period.StartDate == D("2026-10-13"));
        Assert.Equal((RequestStatus.Approved, (int?)hr), (leave.Status, leave.DecidedBy));
        var month = (await months.ForStaffAsync(staffId, new YearMonth(2026, 10)))!.Attendance;
        Assert.Equal(HalfDayStatus.OnLeave, month.HalfDay(D("2026-10-13"), HalfDay.Morning).Status);
        Assert.Equal(33m - 5, month.Deduction);
    }

    [Fact]
    public async Task ADecisionRacingAnotherSavesNothing()
    {
        var (staffId, manager) = await OctoberAsync("T0006");
        await using var scope = fx.App.Services.CreateAsyncScope();
        var requests = scope.ServiceProvider.GetRequiredService<AttendanceRequests>();
        Assert.True((await requests.RequestMakeUpAsync(staffId, D("2026-10-12"), PunchSlot.MorningIn, "考勤机故障")).Succeeded);
        await using var stale = fx.App.CreateDbContext();
        var day = D("2026-10-12");
        var loaded = await stale.MakeUpPunchRequests.SingleAsync(r => r.StaffId == staffId && r.Date == day && r.Status == RequestStatus.Pending);
        var hr = await stale.Staff.Where(s => s.EmployeeNo == "BJ0004").Select(s => s.Id).SingleAsync();

        Assert.True((await requests.DecideMakeUpAsync(loaded.Id, manager, true, null)).Succeeded);
        loaded.Refuse(hr, loaded.RequestedAt.AddMinutes(1), "同时驳回");

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
        await using var check = fx.App.CreateDbContext();
        var saved = await check.MakeUpPunchRequests.AsNoTracking().SingleAsync(r => r.Id == loaded.Id);
        Assert.Equal((RequestStatus.Approved, (int?)manager), (saved.Status, saved.DecidedBy));
        Assert.Equal("该申请已处理，请刷新后查看。", (await requests.DecideMakeUpAsync(loaded.Id, hr, false, "再驳回")).Error);
    }
}
