using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Auth;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Satisfaction;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Supervision;

/// <summary>A rectification is saved only over the revision it was read at: two managers deciding one appeal at once save it once.</summary>
public sealed class RectificationConcurrencyTests
{
    [Fact]
    public Task TwoManagersDecidingOneAppealAtOnceSaveItOnceOnSqlite() => RaceAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task TwoManagersDecidingOneAppealAtOnceSaveItOnceOnPostgres() => RaceAsync(DatabaseProvider.Postgres);

    [Fact]
    public Task ASaveOverAStaleRevisionIsRefusedOnSqlite() => StaleAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ASaveOverAStaleRevisionIsRefusedOnPostgres() => StaleAsync(DatabaseProvider.Postgres);

    private static async Task RaceAsync(DatabaseProvider provider)
    {
        await using var app = await QueueApp.StartAsync(provider);
        var (id, _, staffId) = await SupervisionTestData.BadRatingAsync(app);
        var manager = await SupervisionTestData.ManagerAsync(app);
        var staff = await SupervisionTestData.ActorAsync(app, staffId, Roles.WindowStaff);
        await using var db = app.Context();
        var otherManagerId = await db.Staff.Where(s => s.DepartmentId == null && s.EmployeeNo != "BJ0003" && !s.Title.Contains("考核")).Select(s => s.Id).FirstAsync();
        var other = await SupervisionTestData.ActorAsync(app, otherManagerId, Roles.Manager);
        Assert.True((await app.Service<RectificationDesk>().AppealAsync(staff, id, "群众误按了评价键")).Succeeded);

        // Each manager on their own circuit (scope).
        var results = await Task.WhenAll(
            Task.Run(() => app.Service<RectificationDesk>().DecideAppealAsync(manager, id, true, "调取录像核实，属误评")),
            Task.Run(() => app.Service<RectificationDesk>().DecideAppealAsync(other, id, false, "录像显示评价属实")));

        Assert.Single(results, r => r.Succeeded);
        var loser = Assert.Single(results, r => !r.Succeeded);
        // Either the loser read the appeal after the winner saved, or both read it and the revision refused the later save.
        Assert.Contains(loser.Error!, new[] { "没有待复核的申诉。", "该整改已被他人更新，请刷新后重试。" });
        var saved = await db.Set<Rectification>().AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal(2, saved.Revision); // the appeal, then one decision
        var winnerUpheld = results[0].Succeeded;
        Assert.Equal(winnerUpheld ? MisratingAppealState.Upheld : MisratingAppealState.Rejected, saved.Appeal);
        Assert.Equal(winnerUpheld ? manager.StaffId : otherManagerId, saved.AppealDecidedBy);
    }

    private static async Task StaleAsync(DatabaseProvider provider)
    {
        await using var app = await QueueApp.StartAsync(provider);
        var (id, _, staffId) = await SupervisionTestData.BadRatingAsync(app);
        var manager = await SupervisionTestData.ManagerAsync(app);
        Assert.True((await app.Service<RectificationDesk>().AppealAsync(await SupervisionTestData.ActorAsync(app, staffId, Roles.WindowStaff), id, "误评")).Succeeded);

        // Both read the pending appeal; the first decision saves, the second (over the same revision) is refused.
        await using var first = app.Context();
        await using var second = app.Context();
        var a = await first.Set<Rectification>().SingleAsync(r => r.Id == id);
        var b = await second.Set<Rectification>().SingleAsync(r => r.Id == id);
        var now = a.AppealedAt!.Value.AddMinutes(5);
        a.DecideAppeal(true, "属误评", manager.StaffId!.Value, now);
        b.DecideAppeal(false, "评价属实", manager.StaffId!.Value, now);
        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = app.Context();
        Assert.Equal(MisratingAppealState.Upheld, (await check.Set<Rectification>().AsNoTracking().SingleAsync(r => r.Id == id)).Appeal);
    }
}
