using Microsoft.EntityFrameworkCore;
using OpsConsole.Auth;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Satisfaction;
using OpsConsole.Features.Supervision;
using OpsConsole.Data;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Supervision;

/// <summary>差评整改 end to end: lists by deadline on the center calendar, assignment, callback, closing with evidence, misrating appeals, and who may do what.</summary>
public sealed class RectificationDeskTests
{
    [Fact]
    public Task ABadRatingIsAssignedCalledBackAndClosedWithEvidenceOnSqlite() => WorkflowAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ABadRatingIsAssignedCalledBackAndClosedWithEvidenceOnPostgres() => WorkflowAsync(DatabaseProvider.Postgres);

    private static async Task WorkflowAsync(DatabaseProvider provider)
    {
        await using var app = await QueueApp.StartAsync(provider);
        var (id, _, staffId) = await SupervisionTestData.BadRatingAsync(app);
        var desk = app.Service<RectificationDesk>();
        var manager = await SupervisionTestData.ManagerAsync(app);
        var staff = await SupervisionTestData.ActorAsync(app, staffId, Roles.WindowStaff);

        var open = await desk.ListAsync(manager, RectificationView.Open);
        var row = Assert.Single(open, r => r.Id == id);
        Assert.Equal(RectificationState.Open, row.State);
        Assert.Equal(15, row.WorkingDaysLeft);
        Assert.False(row.DueSoon);
        Assert.Contains(await desk.ListAsync(staff, RectificationView.All), r => r.Id == id);

        // Staff cannot assign, nor close before the callback; the manager gives it to the staff member.
        Assert.Equal("您无权处理这条整改。", (await desk.AssignAsync(staff, id, staffId)).Error);
        Assert.True((await desk.AssignAsync(manager, id, staffId)).Succeeded);
        Assert.Equal("请先完成回访，再办结整改。", (await desk.CloseAsync(staff, id, "已整改", null)).Error);
        Assert.Equal("请填写回访情况。", (await desk.RecordCallbackAsync(staff, id, "  ", true)).Error);
        Assert.True((await desk.RecordCallbackAsync(staff, id, "电话回访，已致歉并解释办理要求", true)).Succeeded);

        var store = app.Service<EvidenceStore>();
        await using var pdf = File.OpenRead(SupervisionTestData.Fixture("letter.pdf"));
        var evidence = (await store.SaveAsync(pdf, "整改报告.pdf", staff)).File!;
        Assert.True((await desk.CloseAsync(staff, id, "组织窗口人员学习服务规范", evidence.Id)).Succeeded);
        Assert.Equal("该整改已办结，不能再修改。", (await desk.RecordCallbackAsync(staff, id, "再次回访", true)).Error);

        var closed = Assert.Single(await desk.ListAsync(manager, RectificationView.Closed), r => r.Id == id);
        Assert.Equal(evidence.Id, closed.EvidenceFileId);
        Assert.True(closed.ApplicantSatisfied);
        Assert.False(closed.ClosedLate);
        // The staff member may read the evidence of their own rectification.
        Assert.NotNull(await store.ReadAsync(evidence.Id, staff));
    }

    [Fact]
    public async Task AnOpenRectificationIsDueSoonThenOverdueByWorkingDaysOfTheCenterCalendar()
    {
        var clock = TestClock.MondayMorning();
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite, clock);
        var (id, _, _) = await SupervisionTestData.BadRatingAsync(app);
        var desk = app.Service<RectificationDesk>();
        var manager = await SupervisionTestData.ManagerAsync(app);
        var deadline = (await desk.FindAsync(manager, id))!.Deadline;
        var calendar = app.Service<OpsConsole.Domain.Common.IWorkingDayCalendar>();
        Assert.Equal(calendar.AddWorkingDays(new DateOnly(2026, 11, 23), 15), deadline);
        Assert.True(calendar.IsWorkday(deadline));

        // Three working days before the deadline it is due soon.
        var threeBefore = calendar.AddWorkingDays(deadline, -3);
        clock.Now = new DateTimeOffset(threeBefore.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
        Assert.Contains(await desk.ListAsync(manager, RectificationView.DueSoon), r => r.Id == id);
        Assert.DoesNotContain(await desk.ListAsync(manager, RectificationView.Overdue), r => r.Id == id);

        clock.Now = new DateTimeOffset(calendar.AddWorkingDays(deadline, 2).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
        var overdue = Assert.Single(await desk.ListAsync(manager, RectificationView.Overdue), r => r.Id == id);
        Assert.Equal(-2, overdue.WorkingDaysLeft);
        Assert.Equal(1, (await desk.CountAsync(manager)).Overdue);
    }

    [Fact]
    public Task AManagerUpholdsAMisratingAppealOnSqlite() => AppealAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task AManagerUpholdsAMisratingAppealOnPostgres() => AppealAsync(DatabaseProvider.Postgres);

    private static async Task AppealAsync(DatabaseProvider provider)
    {
        await using var app = await QueueApp.StartAsync(provider);
        var (id, _, staffId) = await SupervisionTestData.BadRatingAsync(app);
        var (otherId, _, otherStaffId) = await SupervisionTestData.BadRatingAsync(app, 2);
        var desk = app.Service<RectificationDesk>();
        var manager = await SupervisionTestData.ManagerAsync(app);
        var staff = await SupervisionTestData.ActorAsync(app, staffId, Roles.WindowStaff);

        // Someone else's rating is neither visible nor appealable.
        if (otherStaffId != staffId)
        {
            Assert.DoesNotContain(await desk.ListAsync(staff, RectificationView.All), r => r.Id == otherId);
            Assert.Equal("您无权处理这条整改。", (await desk.AppealAsync(staff, otherId, "不是我办的")).Error);
        }
        Assert.Equal("请填写理由。", (await desk.AppealAsync(staff, id, "")).Error);
        Assert.True((await desk.AppealAsync(staff, id, "群众误按了评价键，现场已确认")).Succeeded);
        Assert.Equal("这条差评已经申诉过，不能重复申诉。", (await desk.AppealAsync(staff, id, "再申诉")).Error);
        Assert.Equal("只有中心管理人员可以复核误评申诉。", (await desk.DecideAppealAsync(staff, id, true, "我同意")).Error);
        Assert.Contains(await desk.ListAsync(manager, RectificationView.AppealPending), r => r.Id == id);

        Assert.True((await desk.DecideAppealAsync(manager, id, true, "调取录像核实，属误评")).Succeeded);
        var row = (await desk.FindAsync(manager, id))!;
        Assert.Equal(RectificationState.Closed, row.State);
        Assert.Equal(MisratingAppealState.Upheld, row.Appeal);
        var rating = Assert.Single(await desk.RatingsOfAsync(staffId), r => r.TicketNumber == row.TicketNumber);
        Assert.False(rating.Counts);

        await using var db = app.Context();
        Assert.False((await db.Set<Rectification>().SingleAsync(r => r.Id == id)).RatingCounts);
    }

    [Fact]
    public async Task TheChiefRepresentativeSeesAndAssignsTheDepartmentsRectifications()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var (id, _, staffId) = await SupervisionTestData.BadRatingAsync(app);
        var desk = app.Service<RectificationDesk>();
        var chiefChoice = (await desk.AssigneesAsync(id)).FirstOrDefault(a => a.IsChief && a.StaffId != staffId);
        Assert.NotNull(chiefChoice);
        var chief = await SupervisionTestData.ActorAsync(app, chiefChoice!.StaffId, Roles.WindowStaff, Roles.ChiefRepresentative);
        Assert.Contains(await desk.ListAsync(chief, RectificationView.Open), r => r.Id == id);
        Assert.True((await desk.AssignAsync(chief, id, chiefChoice.StaffId)).Succeeded);

        // Only the rated person or a chief of the department may be given it.
        await using var db = app.Context();
        var outsider = await db.Staff.Where(s => s.DepartmentId == null).Select(s => s.Id).FirstAsync();
        Assert.Equal("只能交给被评价的工作人员或本部门首席代表。", (await desk.AssignAsync(chief, id, outsider)).Error);
        Assert.Equal(chiefChoice.Name, (await desk.FindAsync(chief, id))!.AssignedToName);
    }
}
