using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Cases;
using OpsConsole.Domain.Common;
using OpsConsole.Features.Cases;
using OpsConsole.Tests.Infrastructure;
using static OpsConsole.Tests.Features.Cases.CaseTestApp;

namespace OpsConsole.Tests.Features.Cases;

/// <summary>Registering and handling cases on a real database: from a ticket once, deadlines on the center calendar, concluded once.</summary>
public sealed class CaseDeskTests
{
    [Fact]
    public Task AServedTicketBecomesOneCaseWithItsWindowStaffAndItem_Sqlite() => AServedTicketBecomesOneCase(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task AServedTicketBecomesOneCaseWithItsWindowStaffAndItem_Postgres() => AServedTicketBecomesOneCase(DatabaseProvider.Postgres);

    private static async Task AServedTicketBecomesOneCase(DatabaseProvider provider)
    {
        await using var app = await QueueApp.StartAsync(provider);
        await HolidayAsync(app, new DateOnly(2026, 11, 25));
        var (ticketId, windowId, staffId) = await ServedTicketAsync(app);
        var desk = app.Service<CaseDesk>();
        var actor = new CaseActor(staffId, false, false);
        Assert.Null(await desk.DraftFromTicketAsync(ticketId, new CaseActor(staffId + 1000, false, false)));
        var draft = await desk.DraftFromTicketAsync(ticketId, actor);
        Assert.NotNull(draft);
        Assert.Equal(windowId, draft!.WindowId);
        Assert.NotEmpty(draft.Items);
        var item = draft.Items[0];

        var noItem = await desk.RegisterFromTicketAsync(ticketId, new CaseDesk.CaseForm { ApplicantName = "张三丰", ServiceItemId = -1 }, actor);
        Assert.Equal("请选择该号所办的事项。", noItem.Result.Error);
        var form = new CaseDesk.CaseForm { Kind = CaseKind.Promised, ServiceItemId = item.Id, ApplicantName = "张三丰", ApplicantPhone = "13812345678", PromisedDays = 2 };
        var registered = await desk.RegisterFromTicketAsync(ticketId, form, actor);
        Assert.True(registered.Result.Succeeded, registered.Result.Error);
        Assert.Equal("202611230001", registered.Number);
        var twice = await desk.RegisterFromTicketAsync(ticketId, form, actor);
        Assert.Equal("该号已转为办件。", twice.Result.Error);

        var saved = await CaseAsync(app, registered.CaseId!.Value);
        Assert.Equal((ticketId, windowId, staffId, item.Id, item.DepartmentId), (saved.TicketId!.Value, saved.WindowId, saved.StaffId, saved.ServiceItemId, saved.DepartmentId));
        // Monday + 2 working days, Wednesday a holiday: Thursday.
        Assert.Equal(new DateOnly(2026, 11, 26), saved.DueDate);
        var registeredEvent = Assert.Single(saved.History);
        Assert.Equal((CaseAction.Registered, staffId), (registeredEvent.Action, registeredEvent.ActorStaffId));

        var row = Assert.Single(await app.Service<CaseQueries>().StaffCasesAsync(staffId));
        Assert.Equal("张*丰", row.Applicant);
        Assert.Equal(new DateOnly(2026, 11, 26), row.DueOn);
        Assert.Equal(2, row.DaysLeft);
        var detail = await app.Service<CaseQueries>().DetailAsync(saved.Id, actor);
        Assert.Equal("138****5678", detail!.ApplicantPhone);
        Assert.Equal("张*丰", detail.Case.Applicant);
        Assert.Null(await app.Service<CaseQueries>().DetailAsync(saved.Id, new CaseActor(staffId + 1000, false, false)));
    }

    [Fact]
    public Task WithoutATicketACaseIsRegisteredAtTheChosenWindow_Sqlite() => WithoutATicket(DatabaseProvider.Sqlite);

    private static async Task WithoutATicket(DatabaseProvider provider)
    {
        await using var app = await QueueApp.StartAsync(provider);
        var (windowId, staffId) = await app.StaffedWindowAsync(2);
        var desk = app.Service<CaseDesk>();
        var item = (await desk.ItemsAsync()).First(i => i.PromisedDays > 0);
        var actor = new CaseActor(staffId, false, false);
        var noWindow = await desk.RegisterWithoutTicketAsync(new CaseDesk.CaseForm { ServiceItemId = item.Id, ApplicantName = "李四" }, actor);
        Assert.Equal("请选择受理窗口。", noWindow.Result.Error);
        var registered = await desk.RegisterWithoutTicketAsync(new CaseDesk.CaseForm
        {
            Kind = CaseKind.Promised, ServiceItemId = item.Id, ApplicantName = "李四", WindowId = windowId, MaterialsOwed = "户口本复印件",
        }, actor);
        Assert.True(registered.Result.Succeeded, registered.Result.Error);
        var saved = await CaseAsync(app, registered.CaseId!.Value);
        Assert.Null(saved.TicketId);
        Assert.Equal(item.PromisedDays, saved.PromisedDays);
        Assert.Equal("户口本复印件", saved.MaterialsOwed);
        Assert.True(app.Service<IWorkingDayCalendar>().IsWorkday(saved.DueDate));
    }

    [Fact]
    public Task CorrectionMovesTheDeadlineByTheWorkingDaysItLasted_Sqlite() => CorrectionMovesTheDeadline(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task CorrectionMovesTheDeadlineByTheWorkingDaysItLasted_Postgres() => CorrectionMovesTheDeadline(DatabaseProvider.Postgres);

    private static async Task CorrectionMovesTheDeadline(DatabaseProvider provider)
    {
        await using var app = await QueueApp.StartAsync(provider);
        await HolidayAsync(app, new DateOnly(2026, 11, 25));
        var (caseId, _, staffId) = await PromisedCaseAsync(app, 2);
        var desk = app.Service<CaseDesk>();
        var actor = new CaseActor(staffId, false, false);
        Assert.True((await desk.StartAsync(caseId, actor, "开始审查")).Succeeded);
        Assert.Equal("请填写原因。", (await desk.RequestCorrectionAsync(caseId, actor, " ")).Error);
        Assert.True((await desk.RequestCorrectionAsync(caseId, actor, "缺少营业执照副本")).Succeeded);
        Assert.Equal("该办件正在补正，请先登记材料已补齐。", (await desk.ConcludeAsync(caseId, actor, null)).Error);

        // Materials arrive on Friday: Monday, Tuesday and Thursday were 补正 working days (Wednesday is the holiday).
        app.Clock.Now = At(11, 27);
        Assert.True((await desk.ReceiveCorrectionAsync(caseId, actor, "材料已补齐")).Succeeded);
        var saved = await CaseAsync(app, caseId);
        Assert.Equal(3, saved.SuspendedDays);
        Assert.Equal(new DateOnly(2026, 12, 1), saved.DueDate);
        Assert.Empty(await CardsAsync(app, caseId));
        Assert.Equal(
            [CaseAction.Registered, CaseAction.Started, CaseAction.CorrectionRequested, CaseAction.CorrectionReceived],
            saved.History.OrderBy(e => e.Id).Select(e => e.Action).ToArray());
        Assert.All(saved.History, e => Assert.Equal(staffId, e.ActorStaffId));
        Assert.Equal("缺少营业执照副本", saved.History.Single(e => e.Action == CaseAction.CorrectionRequested).Note);
    }

    [Fact]
    public async Task RejectingAndReturningNeedAReasonAndOnlyTheCasesOwnPeopleAct()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var (caseId, _, staffId) = await PromisedCaseAsync(app, 5);
        var (second, _, _) = await PromisedCaseAsync(app, 5);
        var desk = app.Service<CaseDesk>();
        var actor = new CaseActor(staffId, false, false);
        var (_, otherStaff) = await app.StaffedWindowAsync(2);
        Assert.Equal("您无权办理该办件。", (await desk.RejectAsync(caseId, new CaseActor(otherStaff, false, false), "材料不全")).Error);
        Assert.Equal("请填写原因。", (await desk.RejectAsync(caseId, actor, "")).Error);
        Assert.True((await desk.RejectAsync(caseId, actor, "不属于本中心受理范围")).Succeeded);
        Assert.Equal("该办件已结束，不能再办理。", (await desk.ConcludeAsync(caseId, actor, null)).Error);
        Assert.True((await desk.ReturnAsync(second, new CaseActor(otherStaff, false, true), "申请人撤回")).Succeeded);
        var rejected = await CaseAsync(app, caseId);
        Assert.Equal(CaseState.Rejected, rejected.State);
        Assert.Equal("不属于本中心受理范围", rejected.History.Single(e => e.Action == CaseAction.Rejected).Note);
        Assert.Equal(CaseState.Returned, (await CaseAsync(app, second)).State);
    }

    [Fact]
    public Task ACaseIsConcludedOnceWhenTwoPeopleConcludeAtOnce_Sqlite() => ConcludedOnce(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ACaseIsConcludedOnceWhenTwoPeopleConcludeAtOnce_Postgres() => ConcludedOnce(DatabaseProvider.Postgres);

    private static async Task ConcludedOnce(DatabaseProvider provider)
    {
        await using var app = await QueueApp.StartAsync(provider);
        var (caseId, _, staffId) = await PromisedCaseAsync(app, 3);
        var (otherCase, _, _) = await PromisedCaseAsync(app, 3);

        // Two people load the case and conclude it: the second save is refused by the revision it read.
        await using (var first = app.Context())
        await using (var second = app.Context())
        {
            var a = await first.Set<ServiceCase>().SingleAsync(c => c.Id == caseId);
            var b = await second.Set<ServiceCase>().SingleAsync(c => c.Id == caseId);
            a.Conclude(app.Clock.Now, staffId);
            b.Conclude(app.Clock.Now, staffId);
            await first.SaveChangesAsync();
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        }
        var concluded = await CaseAsync(app, caseId);
        Assert.Single(concluded.History, e => e.Action == CaseAction.Concluded);

        // Through the desk, at once: one wins, the other gets a Chinese message.
        var actor = new CaseActor(staffId, false, false);
        var results = await Task.WhenAll(
            app.Service<CaseDesk>().ConcludeAsync(otherCase, actor, "甲"),
            app.Service<CaseDesk>().ConcludeAsync(otherCase, actor, "乙"));
        Assert.Single(results, r => r.Succeeded);
        Assert.Contains(results.Single(r => !r.Succeeded).Error, new[] { CaseMessages.ConcludedByAnother, "该办件已办结，不能重复办结。" });
        Assert.Single((await CaseAsync(app, otherCase)).History, e => e.Action == CaseAction.Concluded);
    }
}
