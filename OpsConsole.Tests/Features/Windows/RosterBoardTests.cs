using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Monitoring;
using OpsConsole.Features.Windows;
using OpsConsole.Realtime;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Windows;

/// <summary>Roster, routes and skills through the real use cases on the seeded demo center (Monday 2026-11-23).</summary>
public sealed class RosterBoardTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static async Task<(int Id, int Number)> WindowAsync(QueueApp app, int number)
    {
        await using var db = app.Context();
        return (await db.Windows.Where(w => w.Number == number).Select(w => w.Id).SingleAsync(), number);
    }

    [Fact]
    public async Task TheDemoWeekIsRosteredWithItsDeliberateConflictAndProposesWindowOneToLiJing()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var (window1, liJing) = await app.StaffedWindowAsync(1);

        var week = await app.Service<RosterBoard>().WeekAsync(Monday.AddDays(2));

        Assert.Equal(Monday, week.Monday);
        Assert.Equal(liJing, week.Cells[(Monday, HalfDay.Morning, window1)]);
        var twice = week.Conflicts.Where(c => c.Kind == RosterConflictKind.TwoWindows).ToList();
        Assert.Equal(2, twice.Count);
        Assert.All(twice, c => Assert.Equal((Monday.AddDays(1), HalfDay.Afternoon), (c.Day!.Value, c.HalfDay!.Value)));
        Assert.DoesNotContain(week.Conflicts, c => c.Kind == RosterConflictKind.QueueUncovered);
        Assert.Equal(window1, await app.Service<RosterQueries>().RosteredWindowAsync(liJing, Monday, HalfDay.Morning));
        Assert.Null(await app.Service<RosterQueries>().RosteredWindowAsync(liJing, Monday.AddDays(7), HalfDay.Morning));
        Assert.NotEmpty((await app.Service<RosterBoard>().WeekAsync(Monday.AddDays(-7))).Cells);
    }

    [Fact]
    public Task ASecondPersonOnAWindowHalfDayIsRefusedButOnePersonOnTwoWindowsIsSavedAndFlagged() => AssignScenarioAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ASecondPersonOnAWindowHalfDayIsRefusedOnPostgres() => AssignScenarioAsync(DatabaseProvider.Postgres);

    private static async Task AssignScenarioAsync(DatabaseProvider provider)
    {
        await using var app = await QueueApp.StartAsync(provider);
        var (window1, liJing) = await app.StaffedWindowAsync(1);
        var (window2, other) = await app.StaffedWindowAsync(2);
        var board = app.Service<RosterBoard>();
        var wednesday = Monday.AddDays(2);

        // The editor saw window 1 empty, but 李静 is there: a second person is refused.
        var refused = await board.AssignAsync(wednesday, HalfDay.Morning, window1, other, expected: null);
        Assert.False(refused.Succeeded);
        Assert.Equal("该窗口这个半天已安排{0}，一个窗口同一半天只能安排一人。请刷新后再改。", refused.Error);

        // Replacing whoever the editor saw works; 李静 on window 2 as well is saved and flagged.
        var saved = await board.AssignAsync(wednesday, HalfDay.Morning, window2, liJing, expected: other);
        Assert.True(saved.Succeeded, saved.Error);
        var week = await board.WeekAsync(wednesday);
        Assert.Equal(liJing, week.Cells[(wednesday, HalfDay.Morning, window2)]);
        Assert.Contains(week.Conflicts, c => c is { Kind: RosterConflictKind.TwoWindows, WindowId: var w } && w == window2 && c.Day == wednesday);

        // Emptying the cell removes it.
        Assert.True((await board.AssignAsync(wednesday, HalfDay.Morning, window2, null, expected: liJing)).Succeeded);
        Assert.False((await board.WeekAsync(wednesday)).Cells.ContainsKey((wednesday, HalfDay.Morning, window2)));
        await using var db = app.Context();
        Assert.True(await db.AuditLog.AnyAsync(a => a.EntityType.Contains("RosterEntry")));
    }

    [Fact]
    public Task CopyingLastWeekFillsTheEmptyCellsAndSkipsFilledOnes() => CopyScenarioAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task CopyingLastWeekWorksOnPostgres() => CopyScenarioAsync(DatabaseProvider.Postgres);

    private static async Task CopyScenarioAsync(DatabaseProvider provider)
    {
        await using var app = await QueueApp.StartAsync(provider);
        var board = app.Service<RosterBoard>();
        var next = Monday.AddDays(7);
        var (window3, staff3) = await app.StaffedWindowAsync(3);
        var (_, liJing) = await app.StaffedWindowAsync(1);
        Assert.True((await board.AssignAsync(next, HalfDay.Morning, window3, liJing, expected: null)).Succeeded);
        var thisWeek = (await board.WeekAsync(Monday)).Cells.Count;

        var (result, copied, skipped) = await board.CopyPreviousWeekAsync(next);

        Assert.True(result.Succeeded);
        Assert.Equal((thisWeek - 1, 1), (copied, skipped));
        var week = await board.WeekAsync(next);
        Assert.Equal(thisWeek, week.Cells.Count);
        Assert.Equal(liJing, week.Cells[(next, HalfDay.Morning, window3)]);
        Assert.NotEqual(liJing, staff3);

        var again = await board.CopyPreviousWeekAsync(Monday.AddDays(21));
        Assert.Equal("上周没有排班，无可复制。", again.Result.Error);
    }

    [Fact]
    public async Task RoutesRefuseAPrecedenceOutOfRangeAndPublishTheChange()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var editor = app.Service<RouteEditor>();
        var (window1, _) = await WindowAsync(app, 1);
        var bdc = await app.QueueAsync("BDC");
        var zh = await app.QueueAsync("ZH");

        var refused = await editor.SaveWindowAsync(window1, new Dictionary<int, int> { [bdc.Id] = 5 });
        Assert.Equal(("优先级必须在 {0} 到 {1} 之间。", "precedence"), (refused.Error, refused.Field));

        var events = new List<HallEvent>();
        using var _ = app.Service<HallEvents>().SubscribeInline(e => { lock (events) events.Add(e); });
        var saved = await editor.SaveWindowAsync(window1, new Dictionary<int, int> { [bdc.Id] = 1, [zh.Id] = 2 });

        Assert.True(saved.Succeeded, saved.Error);
        var matrix = await editor.LoadAsync();
        Assert.Equal(new Dictionary<int, int> { [bdc.Id] = 1, [zh.Id] = 2 }, matrix.Routes[window1]);
        Assert.Contains(events, e => e is WindowChanged w && w.WindowId == window1);
        Assert.Contains(events, e => e is QueueChanged q && q.QueueId == zh.Id);
    }

    [Fact]
    public async Task PresetsGiveDedicatedWindowsTheirDepartmentAndComprehensiveWindowsThePool()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var matrix = await app.Service<RouteEditor>().LoadAsync();
        var byCode = matrix.Queues.ToDictionary(q => q.Code, q => q.Id);
        var dedicated = matrix.Windows.First(w => w.Number == 1);
        var comprehensive = matrix.Windows.First(w => w.Type == OpsConsole.Domain.Catalog.WindowType.Comprehensive && !w.Name.Contains("企业开办"));

        Assert.Equal(new Dictionary<int, int> { [byCode["BDC"]] = 1 }, RouteEditor.Preset(dedicated, matrix.Queues));
        var pool = RouteEditor.Preset(comprehensive, matrix.Queues);
        Assert.Equal(1, pool[byCode["ZH"]]);
        Assert.Equal([2, 2, 2, 2, 2], new[] { "SB", "YB", "GJJ", "MZ", "RS" }.Select(c => pool[byCode[c]]));
        Assert.Equal(6, pool.Count);
    }

    [Fact]
    public async Task SkillsAreGrantedForTheWholeDepartmentAndWithdrawnOneByOne()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var skills = app.Service<SkillEditor>();
        var (_, liJing) = await app.StaffedWindowAsync(1);
        await using var db = app.Context();
        var bdc = await db.Departments.SingleAsync(d => d.Code == "BDC");
        var items = await db.ServiceItems.Where(i => i.DepartmentId == bdc.Id && i.Active).Select(i => i.Id).ToListAsync();

        Assert.True((await skills.SetAsync(liJing, items[0], false)).Succeeded);
        Assert.DoesNotContain(items[0], (await skills.LoadAsync(bdc.Id)).Skills[liJing]);
        Assert.True((await skills.GrantDepartmentAsync(liJing)).Succeeded);
        Assert.Superset(items.ToHashSet(), (await skills.LoadAsync(bdc.Id)).Skills[liJing]);
    }

    [Fact]
    public async Task StaffingCountsRosteredWindowsPerHalfDayAndFallsBackWithoutARoster()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var suggestion = app.Service<StaffingSuggestion>();
        var bdc = await app.QueueAsync("BDC");
        var (window1, _) = await app.StaffedWindowAsync(1);
        // Window 1 has nobody on Monday afternoon: BDC has one window fewer from 13:00.
        var afternoon = (await app.Service<RosterBoard>().WeekAsync(Monday)).Cells[(Monday, HalfDay.Afternoon, window1)];
        Assert.True((await app.Service<RosterBoard>().AssignAsync(Monday, HalfDay.Afternoon, window1, null, expected: afternoon)).Succeeded);

        var monday = await suggestion.ForAsync(Monday);
        Assert.True(monday.FromRoster);
        Assert.Equal(6, monday.Hours.Single(h => h.QueueId == bdc.Id && h.Hour == 10).RosteredWindows);
        Assert.Equal(5, monday.Hours.Single(h => h.QueueId == bdc.Id && h.Hour == 14).RosteredWindows);

        var unrostered = await suggestion.ForAsync(Monday.AddDays(14));
        Assert.False(unrostered.FromRoster);
        Assert.Equal(6, unrostered.Hours.Single(h => h.QueueId == bdc.Id && h.Hour == 14).RosteredWindows);
    }
}
