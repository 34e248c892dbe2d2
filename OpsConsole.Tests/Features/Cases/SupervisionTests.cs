using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Data;
using OpsConsole.Domain.Cases;
using OpsConsole.Features.Cases;
using OpsConsole.Tests.Infrastructure;
using static OpsConsole.Tests.Features.Cases.CaseTestApp;

namespace OpsConsole.Tests.Features.Cases;

/// <summary>电子监察 on a real database: cards raised once per level across a holiday, by the hourly job and by changes; contest and decision.</summary>
public sealed class SupervisionTests
{
    [Fact]
    public Task CardsAreRaisedOncePerLevelAcrossAHoliday_Sqlite() => CardsAcrossAHoliday(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task CardsAreRaisedOncePerLevelAcrossAHoliday_Postgres() => CardsAcrossAHoliday(DatabaseProvider.Postgres);

    private static async Task CardsAcrossAHoliday(DatabaseProvider provider)
    {
        await using var app = await QueueApp.StartAsync(provider);
        await HolidayAsync(app, new DateOnly(2026, 11, 25));
        // Accepted Monday 23 November, 2 working days: due Thursday 26 (Wednesday is a holiday).
        var (caseId, windowId, staffId) = await PromisedCaseAsync(app, 2);
        var pass = app.Service<SupervisionPass>();
        Assert.Equal(0, await pass.RunAsync());

        app.Clock.Now = At(11, 24);
        Assert.Equal(1, await pass.RunAsync());
        Assert.Equal(0, await pass.RunAsync());
        Assert.Equal([CardLevel.Reminder], (await CardsAsync(app, caseId)).Select(c => c.Level));

        // The holiday is not the due date: nothing new.
        app.Clock.Now = At(11, 25);
        Assert.Equal(0, await pass.RunAsync());

        app.Clock.Now = At(11, 26);
        Assert.Equal(1, await pass.RunAsync());
        Assert.Equal(0, await pass.RunAsync());

        app.Clock.Now = At(11, 27);
        Assert.Equal(1, await pass.RunAsync());
        Assert.Equal(0, await pass.RunAsync());
        var cards = await CardsAsync(app, caseId);
        Assert.Equal([CardLevel.Reminder, CardLevel.Yellow, CardLevel.Red], cards.Select(c => c.Level));
        Assert.All(cards, c => Assert.Equal((windowId, staffId, new DateOnly(2026, 11, 26), CardState.Active), (c.WindowId, c.StaffId, c.DueDate, c.State)));
        Assert.Equal(new DateOnly(2026, 11, 27), cards[2].RaisedOn);

        // A second node's pass raises nothing more, and the store refuses a duplicate outright.
        var node = app.AddNode();
        Assert.Equal(0, await node.Services.CreateScope().ServiceProvider.GetRequiredService<SupervisionPass>().RunAsync());
        await using var db = app.Context();
        var c = await db.Set<ServiceCase>().AsNoTracking().SingleAsync(x => x.Id == caseId);
        db.AddRange(SupervisionRules.Raise(c, [], app.Clock.Now, app.Service<OpsConsole.Domain.Common.IWorkingDayCalendar>()));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task ALateConclusionEarnsItsRedCardAtOnce()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        // Due Tuesday: registration on Monday already earns the reminder; no pass runs until the late conclusion on Thursday.
        var (caseId, _, staffId) = await PromisedCaseAsync(app, 1);
        Assert.Equal([CardLevel.Reminder], (await CardsAsync(app, caseId)).Select(c => c.Level));
        app.Clock.Now = At(11, 26);
        Assert.True((await app.Service<CaseDesk>().ConcludeAsync(caseId, new CaseActor(staffId, false, false), "办结")).Succeeded);
        Assert.Equal([CardLevel.Reminder, CardLevel.Red], (await CardsAsync(app, caseId)).Select(c => c.Level));
    }

    [Fact]
    public async Task TheJobRunsAtStartUp()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var (caseId, _, _) = await PromisedCaseAsync(app, 1);
        app.Clock.Now = At(11, 25);
        app.AddNode();
        await Wait.UntilAsync(async () => (await CardsAsync(app, caseId)).Count == 3, () => "the start-up pass raised the reminder, yellow and red cards");
    }

    [Fact]
    public Task TheChiefRepresentativeContestsAndAManagerDecides_Sqlite() => ContestAndDecide(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task TheChiefRepresentativeContestsAndAManagerDecides_Postgres() => ContestAndDecide(DatabaseProvider.Postgres);

    private static async Task ContestAndDecide(DatabaseProvider provider)
    {
        await using var app = await QueueApp.StartAsync(provider);
        var (caseId, _, staffId) = await PromisedCaseAsync(app, 1);
        app.Clock.Now = At(11, 24);
        Assert.Equal(1, await app.Service<SupervisionPass>().RunAsync());
        var yellow = (await CardsAsync(app, caseId)).Single(c => c.Level == CardLevel.Yellow);

        int chiefId, managerId, elsewhereChiefId;
        await using (var db = app.Context())
        {
            var chief = new OpsConsole.Domain.People.Staff { EmployeeNo = "T9001", Name = "首席甲", DepartmentId = yellow.DepartmentId };
            var other = await db.Departments.Where(d => d.Id != yellow.DepartmentId).Select(d => d.Id).FirstAsync();
            var elsewhere = new OpsConsole.Domain.People.Staff { EmployeeNo = "T9002", Name = "首席乙", DepartmentId = other };
            var manager = new OpsConsole.Domain.People.Staff { EmployeeNo = "T9003", Name = "管理丙" };
            db.AddRange(chief, elsewhere, manager);
            await db.SaveChangesAsync();
            (chiefId, elsewhereChiefId, managerId) = (chief.Id, elsewhere.Id, manager.Id);
        }
        var cards = app.Service<CardDesk>();
        Assert.Equal("只有本部门的首席代表可以对监察牌提出异议。", (await cards.ContestAsync(yellow.Id, new CaseActor(staffId, false, false), "日历错误")).Error);
        Assert.Equal("只有本部门的首席代表可以对监察牌提出异议。", (await cards.ContestAsync(yellow.Id, new CaseActor(elsewhereChiefId, true, false), "日历错误")).Error);
        Assert.Equal("请填写原因。", (await cards.ContestAsync(yellow.Id, new CaseActor(chiefId, true, false), "")).Error);
        Assert.Equal("该监察牌未提出异议，无需裁定。", (await cards.DecideAsync(yellow.Id, new CaseActor(managerId, false, true), false, null)).Error);
        Assert.True((await cards.ContestAsync(yellow.Id, new CaseActor(chiefId, true, false), "中心日历漏设调休，实际未到期")).Succeeded);
        Assert.Equal("只有中心管理人员可以裁定监察牌异议。", (await cards.DecideAsync(yellow.Id, new CaseActor(chiefId, true, false), false, null)).Error);

        var results = await Task.WhenAll(
            app.Service<CardDesk>().DecideAsync(yellow.Id, new CaseActor(managerId, false, true), false, "核实属实，撤销"),
            app.Service<CardDesk>().DecideAsync(yellow.Id, new CaseActor(managerId, false, true), true, "维持"));
        Assert.Single(results, r => r.Succeeded);
        var decided = (await CardsAsync(app, caseId)).Single(c => c.Level == CardLevel.Yellow);
        Assert.Equal((chiefId, "中心日历漏设调休，实际未到期", managerId), (decided.ContestedBy!.Value, decided.ContestReason!, decided.DecidedBy!.Value));
        Assert.Contains(decided.State, new[] { CardState.Withdrawn, CardState.Upheld });

        // A withdrawn card leaves the board's count; an upheld one stays.
        var board = await app.Service<CaseQueries>().BoardAsync(new CaseQueries.BoardFilter(new OpsConsole.Domain.Attendance.YearMonth(2026, 11)));
        Assert.Equal(decided.State == CardState.Withdrawn ? 0 : 1, board.CardsByLevel[CardLevel.Yellow]);
        Assert.Equal(1, board.CardsByLevel[CardLevel.Reminder]);
        Assert.Equal(1, board.Total.DueToday);
    }
}
