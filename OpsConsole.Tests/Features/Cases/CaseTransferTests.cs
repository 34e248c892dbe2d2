using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Cases;
using OpsConsole.Features.Cases;
using OpsConsole.Tests.Infrastructure;
using static OpsConsole.Tests.Features.Cases.CaseTestApp;

namespace OpsConsole.Tests.Features.Cases;

/// <summary>联办件 with a chosen lead, 转办 kept in the history, and the live board told of each change.</summary>
public sealed class CaseTransferTests
{
    [Fact]
    public Task AJointCaseHasTheChosenLeadAndParticipantsAndATransferIsKeptInItsHistory_Sqlite() => JointAndTransferAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task AJointCaseHasTheChosenLeadAndParticipantsAndATransferIsKeptInItsHistory_Postgres() => JointAndTransferAsync(DatabaseProvider.Postgres);

    private static async Task JointAndTransferAsync(DatabaseProvider provider)
    {
        await using var app = await QueueApp.StartAsync(provider);
        var (ticketId, windowId, staffId) = await ServedTicketAsync(app);
        var actor = new CaseActor(staffId, false, false);
        var desk = app.Service<CaseDesk>();
        var draft = (await desk.DraftFromTicketAsync(ticketId, actor))!;
        var item = draft.Items[0];
        var departments = await desk.DepartmentsAsync();
        var lead = departments.First(d => d.Id != item.DepartmentId);
        var other = departments.First(d => d.Id != item.DepartmentId && d.Id != lead.Id);

        var noParticipants = await desk.RegisterFromTicketAsync(ticketId, new CaseDesk.CaseForm
            { Kind = CaseKind.Joint, ServiceItemId = item.Id, ApplicantName = "王五", PromisedDays = 10, LeadDepartmentId = item.DepartmentId }, actor);
        Assert.Equal("联办件须选择协办部门。", noParticipants.Result.Error);

        var registered = await desk.RegisterFromTicketAsync(ticketId, new CaseDesk.CaseForm
        {
            Kind = CaseKind.Joint, ServiceItemId = item.Id, ApplicantName = "王五", PromisedDays = 10,
            LeadDepartmentId = lead.Id, JointDepartmentIds = [other.Id, lead.Id],
        }, actor);
        Assert.True(registered.Result.Succeeded, registered.Result.Error);
        var id = registered.CaseId!.Value;
        // The lead leads; the item's own department joins the participants.
        var detail = (await app.Service<CaseQueries>().DetailAsync(id, actor))!;
        Assert.Equal(lead.Name, detail.Case.Department);
        Assert.Equal(new[] { other.Name, departments.Single(d => d.Id == item.DepartmentId).Name }.Order(), detail.JointDepartments.Order());

        // 转办 to window 2's staff member: a reason is needed, and it is kept with actor, time, from and to.
        var (window2, staff2) = await app.StaffedWindowAsync(2);
        var feed = app.App.Services.GetRequiredService<SupervisionFeed>();
        var told = 0;
        using var subscription = feed.Subscribe(() => Interlocked.Increment(ref told));
        Assert.Equal("请填写原因。", (await desk.TransferAsync(id, actor, window2, staff2, " ")).Error);
        Assert.Equal(0, Volatile.Read(ref told));
        app.Clock.Now = At(11, 23, 15);
        Assert.True((await desk.TransferAsync(id, actor, window2, staff2, "申请人改到综合窗口取件")).Succeeded);
        Assert.Equal(1, Volatile.Read(ref told));

        var c = await CaseAsync(app, id);
        Assert.Equal((window2, staff2), (c.WindowId, c.StaffId));
        var e = c.History.OrderBy(x => x.Id).Last();
        Assert.Equal((CaseAction.Reassigned, staffId, At(11, 23, 15)), (e.Action, e.ActorStaffId, e.At));
        await using var db = app.Context();
        var names = await db.Windows.Where(w => w.Id == windowId || w.Id == window2).ToDictionaryAsync(w => w.Id, w => w.Name);
        Assert.StartsWith(names[windowId], e.Note);
        Assert.Contains($"→ {names[window2]}", e.Note);
        Assert.EndsWith("：申请人改到综合窗口取件", e.Note);
        // The former staff member no longer holds it; the new one does.
        Assert.Equal("您无权办理该办件。", (await desk.StartAsync(id, actor, null)).Error);
        Assert.True((await desk.StartAsync(id, new CaseActor(staff2, false, false), null)).Succeeded);
        Assert.Equal("转办", CaseLabels.Action(e.Action));
    }

    [Fact]
    public async Task TheBoardIsSharedUntilSomethingChangesAndShowsTheChange()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var feed = app.App.Services.GetRequiredService<SupervisionFeed>();
        var filter = new CaseQueries.BoardFilter(new YearMonth(2026, 11));
        var before = await feed.BoardAsync(filter);
        Assert.Same(before, await feed.BoardAsync(filter));

        await PromisedCaseAsync(app, 2);
        var after = await feed.BoardAsync(filter);
        Assert.NotSame(before, after);
        Assert.Equal(before.Total.Open + 1, after.Total.Open);
    }
}
