using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Features.Attendance;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Attendance;

/// <summary>
/// Admins change rules and schedules from a month on, over a real database on 23 November 2026: November keeps
/// what it was worked under, December takes the change; refusals come back in Chinese and change nothing.
/// </summary>
public sealed class AttendanceSettingsTests(AttendanceSettingsTests.Fixture fx) : IClassFixture<AttendanceSettingsTests.Fixture>
{
    private static readonly YearMonth November = new(2026, 11);
    private static readonly YearMonth December = new(2026, 12);
    private OpsApp App => fx.App;

    /// <summary>One app for the class, its clock on Monday 23 November 2026; each test changes its own months, scopes and days.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private TestDatabase _db = default!;
        public OpsApp App { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            App = new OpsApp(_db, services: s => s.AddSingleton<TimeProvider>(TestClock.MondayMorning()));
            _ = App.Server;
        }

        public async Task DisposeAsync()
        {
            await App.DisposeAsync();
            await _db.DisposeAsync();
        }
    }

    private T Service<T>() where T : notnull => App.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private async Task<AttendanceSetup> SetupAsync()
    {
        await using var db = App.CreateDbContext();
        return await AttendanceSetup.LoadAsync(db);
    }

    [Fact]
    public async Task APublishedVersionAppliesFromItsMonthAndNeverToAMonthPast()
    {
        var settings = Service<AttendanceSettings>();
        var stricter = AttendanceRuleValues.Defaults with { MissingPunchPoints = 3, MonthlyDeductionCap = 20 };

        var past = await settings.PublishRulesAsync(stricter, new YearMonth(2026, 10), "补发");
        Assert.Equal("生效月份不能早于本月：已过去的月份始终按当时的规则计算。", past.Error);
        var invalid = await settings.PublishRulesAsync(stricter with { LateMajorMaxMinutes = 5 }, December, "");
        Assert.Equal("分钟阈值必须由小到大排列，且不能为负数。", invalid.Error);

        var published = await settings.PublishRulesAsync(stricter, December, "2026年12月起执行");
        Assert.True(published.Succeeded, published.Error);
        Assert.Equal("已发布第 {0} 版，自 {1}年{2}月起生效。", published.NoticeText);

        var setup = await SetupAsync();
        Assert.Equal(2m, setup.RuleSets.ForMonth(November).Rules.MissingPunchPoints);
        var december = setup.RuleSets.ForMonth(December);
        Assert.Equal((3m, (decimal?)20m, "2026年12月起执行"), (december.Rules.MissingPunchPoints, december.Rules.MonthlyDeductionCap, december.Name));
        Assert.Equal(setup.RuleSets.ForMonth(November).Version + 1, december.Version);
    }

    [Fact]
    public async Task AScheduleChangedFromNextMonthLeavesThisMonthAlone()
    {
        var settings = Service<AttendanceSettings>();
        var standard = (await settings.LoadAsync()).Schedules.Single(s => s.DepartmentId is null && !s.IsSeasonal);
        var form = ScheduleForm.From(standard);
        form.Slots[0][0] = new TimeOnly(8, 30);

        Assert.Equal("生效月份不能早于本月：已过去的月份始终按当时的作息计算。", (await settings.SaveScheduleAsync(standard.Id, null, form, new YearMonth(2026, 10))).Error);
        form.Slots[0][2] = new TimeOnly(8, 0);
        Assert.Equal("规定时间必须在有效打卡时段之内。", (await settings.SaveScheduleAsync(standard.Id, null, form, December)).Error);
        form.Slots[0][2] = new TimeOnly(10, 29);
        form.Slots[1][1] = new TimeOnly(10, 0);
        Assert.Equal("四个打卡时段必须按时间先后排列，且互不重叠。", (await settings.SaveScheduleAsync(standard.Id, null, form, December)).Error);
        form.Slots[1][1] = new TimeOnly(10, 30);

        Assert.True((await settings.SaveScheduleAsync(standard.Id, null, form, December)).Succeeded);

        var setup = await SetupAsync();
        Assert.Equal(new TimeOnly(9, 0), setup.Schedules.For(null, new DateOnly(2026, 11, 30)).MorningIn.OnTime);
        Assert.Equal(new TimeOnly(8, 30), setup.Schedules.For(null, new DateOnly(2026, 12, 1)).MorningIn.OnTime);
        Assert.Equal(new TimeOnly(8, 30), setup.Schedules.For(3, new DateOnly(2027, 1, 4)).MorningIn.OnTime);
    }

    [Fact]
    public async Task ADepartmentOverrideIsAddedRefusedWhenItClashesAndRetired()
    {
        var settings = Service<AttendanceSettings>();
        await using (var db = App.CreateDbContext())
        {
            var departmentId = await db.Departments.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
            var form = ScheduleForm.From(WorkSchedule.Standard());
            form.Name = "早班";
            form.Slots[0][0] = new TimeOnly(8, 30);

            Assert.True((await settings.SaveScheduleAsync(null, departmentId, form, December)).Succeeded);
            Assert.Equal("同一适用范围在同一时间只能有一个全年作息。", (await settings.SaveScheduleAsync(null, departmentId, form, new YearMonth(2027, 1))).Error);
            Assert.Equal("部门不存在。", (await settings.SaveScheduleAsync(null, 99_999, form, December)).Error);

            var setup = await SetupAsync();
            Assert.Equal("早班", setup.Schedules.For(departmentId, new DateOnly(2026, 12, 1)).Name);
            Assert.Equal("标准作息", setup.Schedules.For(departmentId, new DateOnly(2026, 11, 30)).Name);

            var early = await db.WorkSchedules.AsNoTracking().SingleAsync(s => s.DepartmentId == departmentId);
            Assert.True((await settings.RetireScheduleAsync(early.Id, December)).Succeeded); // never in force: deleted
            Assert.False(await db.WorkSchedules.AnyAsync(s => s.DepartmentId == departmentId));
        }
        var center = (await settings.LoadAsync()).Schedules.Single(s => s.DepartmentId is null && !s.IsSeasonal);
        Assert.Equal("全中心全年作息不能停用，只能修改。", (await settings.RetireScheduleAsync(center.Id, December)).Error);
    }

    [Fact]
    public async Task CalendarDaysAreSetChangedAndRemovedOneAtATime()
    {
        var settings = Service<AttendanceSettings>();
        var saturday = new DateOnly(2027, 1, 9);

        Assert.Equal("{0} 本来就是工作日，只有周末可以调为上班。", (await settings.SetCalendarDayAsync(new DateOnly(2027, 1, 8), CalendarEntryKind.Workday, "")).Error);
        Assert.True((await settings.SetCalendarDayAsync(saturday, CalendarEntryKind.Workday, "调休上班")).Succeeded);
        Assert.True((await settings.SetCalendarDayAsync(saturday, CalendarEntryKind.Workday, "元旦调休")).Succeeded);
        Assert.Equal("元旦调休", (await SetupAsync()).Calendar.EntryFor(saturday)!.Name);
        Assert.True((await SetupAsync()).Calendar.IsWorkday(saturday));

        Assert.True((await settings.RemoveCalendarDayAsync(saturday)).Succeeded);
        Assert.False((await SetupAsync()).Calendar.IsWorkday(saturday));
        Assert.Equal("该记录已被删除，请刷新后重试。", (await settings.RemoveCalendarDayAsync(saturday)).Error);
    }

    [Fact]
    public async Task TwoAdminsClosingTheSameScheduleAtOnceSaveItOnce()
    {
        var settings = Service<AttendanceSettings>();
        await using var stale = App.CreateDbContext();
        var summer = await stale.WorkSchedules.SingleAsync(s => s.DepartmentId == null && s.Season != null && s.ValidUntil == null);

        Assert.True((await settings.RetireScheduleAsync(summer.Id, December)).Succeeded);
        await using (var mid = App.CreateDbContext())
            Assert.Equal(new DateOnly(2026, 11, 30), (await mid.WorkSchedules.AsNoTracking().SingleAsync(s => s.Id == summer.Id)).ValidUntil);
        Assert.True(stale.Model.FindEntityType(typeof(WorkSchedule))!.FindProperty(nameof(WorkSchedule.ValidUntil))!.IsConcurrencyToken);
        summer.EndBefore(new YearMonth(2027, 1));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
        await using var check = App.CreateDbContext();
        Assert.Equal(new DateOnly(2026, 11, 30), (await check.WorkSchedules.AsNoTracking().SingleAsync(s => s.Id == summer.Id)).ValidUntil);
    }
}
