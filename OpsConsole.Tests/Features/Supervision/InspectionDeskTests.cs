using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.Supervision;
using OpsConsole.Features.Supervision;
using OpsConsole.Data;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Supervision;

/// <summary>巡查 and 表扬: findings for open windows only, corrected or withdrawn within a day; commendations with their evidence.</summary>
public sealed class InspectionDeskTests
{
    [Fact]
    public Task AFindingWithAPhotoIsRecordedCorrectedAndWithdrawnWithinADayOnSqlite() => FindingsAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task AFindingWithAPhotoIsRecordedCorrectedAndWithdrawnWithinADayOnPostgres() => FindingsAsync(DatabaseProvider.Postgres);

    private static async Task FindingsAsync(DatabaseProvider provider)
    {
        var clock = TestClock.MondayMorning();
        await using var app = await QueueApp.StartAsync(provider, clock);
        var (windowId, staffId) = await app.StaffedWindowAsync(1);
        var desk = app.Service<InspectionDesk>();
        var manager = await SupervisionTestData.ManagerAsync(app);
        var types = await desk.TypesAsync();
        var phone = types.Single(t => t.Name == "玩手机");
        var absent = types.Single(t => t.Name == "脱岗");

        long photoId;
        await using (var png = File.OpenRead(SupervisionTestData.Fixture("banner.png")))
            photoId = (await app.Service<EvidenceStore>().SaveAsync(png, "IMG_0001.png", manager)).File!.Id;
        var (id, result) = await desk.RecordAsync(manager, new InspectionDesk.Input
        {
            WindowId = windowId, StaffId = staffId, FindingTypeId = phone.Id, Note = "办理间隙低头看手机", PhotoFileId = photoId,
        });
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("请选择问题类型。", (await desk.RecordAsync(manager, new InspectionDesk.Input { WindowId = windowId })).Result.Error);
        Assert.Equal("时间不能晚于现在。", (await desk.RecordAsync(manager, new InspectionDesk.Input
            { WindowId = windowId, FindingTypeId = phone.Id, ObservedAt = clock.Now.AddHours(1) })).Result.Error);

        clock.Advance(TimeSpan.FromHours(3));
        Assert.True((await desk.CorrectAsync(manager, id, absent.Id, "离开窗口约 20 分钟")).Succeeded);
        var row = Assert.Single(await desk.ListAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 23)), r => r.Id == id);
        Assert.Equal("脱岗", row.TypeName);
        Assert.Equal(absent.Points, row.Points);
        Assert.Equal(photoId, row.PhotoFileId);
        Assert.True(row.Editable);

        clock.Advance(TimeSpan.FromHours(22));
        Assert.Equal("记录已超过 24 小时，不能再更正或撤回。", (await desk.WithdrawAsync(manager, id, "记错窗口")).Error);
        await using var db = app.Context();
        Assert.Equal(FindingState.Active, (await db.Set<InspectionFinding>().SingleAsync(f => f.Id == id)).State);
    }

    [Fact]
    public async Task AFindingForAWindowClosedAtThatTimeIsRefused()
    {
        var clock = TestClock.MondayMorning();
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite, clock);
        var manager = await SupervisionTestData.ManagerAsync(app);
        var desk = app.Service<InspectionDesk>();
        var type = (await desk.TypesAsync()).First();
        int closedWindow;
        await using (var db = app.Context())
        {
            var window = new Window { Number = 901, Name = "备用窗口", Type = WindowType.Comprehensive, ZoneId = (await db.Zones.FirstAsync()).Id };
            db.Add(window);
            await db.SaveChangesAsync();
            closedWindow = window.Id;
        }
        var refused = await desk.RecordAsync(manager, new InspectionDesk.Input { WindowId = closedWindow, FindingTypeId = type.Id });
        Assert.Equal("该窗口在所填时间未开放（无人登录、未排班），不能记录巡查问题。", refused.Result.Error);

        // Window 1 signed in at the seed's start; an hour before it, nobody was there.
        var (windowId, _) = await app.StaffedWindowAsync(1);
        await using (var db = app.Context())
        {
            await db.Set<OpsConsole.Domain.Windows.RosterEntry>().Where(r => r.WindowId == windowId).ExecuteDeleteAsync();
        }
        var before = await desk.RecordAsync(manager, new InspectionDesk.Input { WindowId = windowId, FindingTypeId = type.Id, ObservedAt = clock.Now.AddHours(-1) });
        Assert.Equal("该窗口在所填时间未开放（无人登录、未排班），不能记录巡查问题。", before.Result.Error);
        Assert.True((await desk.RecordAsync(manager, new InspectionDesk.Input { WindowId = windowId, FindingTypeId = type.Id })).Result.Succeeded);
    }

    [Fact]
    public async Task FindingTypesAreConfigurableAndFindingsKeepTheirPoints()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var desk = app.Service<InspectionDesk>();
        var manager = await SupervisionTestData.ManagerAsync(app);
        Assert.Equal(FindingType.Defaults().Count, (await desk.TypesAsync()).Count);
        Assert.Equal("扣分应在 0 到 20 之间，最多一位小数。", (await desk.SaveTypeAsync(manager, 0, "smoke", "吸烟", 25m, true)).Error);
        Assert.True((await desk.SaveTypeAsync(manager, 0, "smoke", "吸烟", 3m, true)).Succeeded);
        Assert.Equal("编码 {0} 已被使用。", (await desk.SaveTypeAsync(manager, 0, "smoke", "吸烟2", 3m, true)).Error);

        var (windowId, _) = await app.StaffedWindowAsync(1);
        var smoke = (await desk.TypesAsync()).Single(t => t.Code == "smoke");
        var (id, _) = await desk.RecordAsync(manager, new InspectionDesk.Input { WindowId = windowId, FindingTypeId = smoke.Id });
        Assert.True((await desk.SaveTypeAsync(manager, smoke.Id, "smoke", "吸烟", 5m, false)).Succeeded);
        Assert.DoesNotContain(await desk.TypesAsync(), t => t.Code == "smoke");
        await using var db = app.Context();
        Assert.Equal(3m, (await db.Set<InspectionFinding>().SingleAsync(f => f.Id == id)).Points);
    }

    [Fact]
    public Task ACommendationIsRecordedWithItsEvidenceOnSqlite() => CommendationAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ACommendationIsRecordedWithItsEvidenceOnPostgres() => CommendationAsync(DatabaseProvider.Postgres);

    private static async Task CommendationAsync(DatabaseProvider provider)
    {
        await using var app = await QueueApp.StartAsync(provider);
        var (windowId, staffId) = await app.StaffedWindowAsync(1);
        var desk = app.Service<CommendationDesk>();
        var manager = await SupervisionTestData.ManagerAsync(app);
        long letterId;
        await using (var pdf = File.OpenRead(SupervisionTestData.Fixture("letter.pdf")))
            letterId = (await app.Service<EvidenceStore>().SaveAsync(pdf, "表扬信.pdf", manager)).File!.Id;

        Assert.Equal("表扬日期不能晚于今天。", (await desk.RecordAsync(manager, new CommendationDesk.Input
            { Kind = CommendationKind.Letter, Date = new DateTime(2026, 11, 24), WindowId = windowId, Description = "感谢" })).Result.Error);
        Assert.Equal("请选择受表扬的窗口或工作人员。", (await desk.RecordAsync(manager, new CommendationDesk.Input
            { Date = new DateTime(2026, 11, 20), Description = "感谢" })).Result.Error);
        var (_, ok) = await desk.RecordAsync(manager, new CommendationDesk.Input
            { Kind = CommendationKind.Banner, Date = new DateTime(2026, 11, 20), WindowId = windowId, StaffId = staffId, Description = "群众赠送锦旗“热情服务 高效便民”", EvidenceFileId = letterId });
        Assert.True(ok.Succeeded, ok.Error);
        var row = Assert.Single(await desk.ListAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)));
        Assert.Equal(CommendationKind.Banner, row.Kind);
        Assert.Equal(letterId, row.EvidenceFileId);
    }
}
