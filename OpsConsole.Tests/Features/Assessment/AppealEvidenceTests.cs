using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Domain.Assessment;
using OpsConsole.Domain.Attendance;
using OpsConsole.Features.Assessment;
using OpsConsole.Features.Supervision;
using OpsConsole.Tests.Features.Attendance;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Assessment;

/// <summary>
/// Evidence on an appeal goes through the supervision evidence store (ADR 0025): the appellant's own upload is
/// attached, someone else's is refused; the chief representative of the appellant's department and the manager may
/// open it, a chief of another department may not. And 离驻: a posting ends on a day, not before its 入驻, once.
/// Clock: Monday 23 November 2026.
/// </summary>
public sealed class AppealEvidenceTests
{
    private static readonly YearMonth October = new(2026, 10);
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    [Fact]
    public async Task AnAppealCarriesItsEvidenceForTheChiefAndTheManager()
    {
        var clock = TestClock.MondayMorning();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        _ = app.Server;
        var (staffId, manager) = await HandComputedOctober.SeedAsync(app, "E0001");
        int chief, hr, otherDepartment;
        int? department;
        await using (var ctx = app.CreateDbContext())
        {
            var chiefRow = await ctx.Staff.SingleAsync(s => s.EmployeeNo == DemoAccounts.ByRole[OpsConsole.Auth.Roles.ChiefRepresentative]);
            (chief, department) = (chiefRow.Id, chiefRow.DepartmentId);
            hr = await ctx.Staff.Where(s => s.EmployeeNo == DemoAccounts.ByRole[OpsConsole.Auth.Roles.HR]).Select(s => s.Id).SingleAsync();
            otherDepartment = await ctx.Departments.Where(d => d.Id != department).Select(d => d.Id).FirstAsync();
            var staff = await ctx.Staff.SingleAsync(s => s.Id == staffId);
            staff.DepartmentId = department;
            await ctx.SaveChangesAsync();
        }
        await using var scope = app.Services.CreateAsyncScope();
        var months = scope.ServiceProvider.GetRequiredService<MonthAssessment>();
        var appeals = scope.ServiceProvider.GetRequiredService<AssessmentAppeals>();
        var store = scope.ServiceProvider.GetRequiredService<EvidenceStore>();
        Assert.True((await months.OpenForAppealAsync(October, hr)).Succeeded);
        var lines = (await months.LoadAsync(October)).Scores.Staff[staffId].Lines.Where(l => l.ItemCode == ItemCodes.Attendance).ToList();

        var appellant = new SupervisionActor("E0001", staffId, false, false, department);
        var (mine, saved) = await store.SaveAsync(new MemoryStream(Png), "考勤机故障照片.png", appellant);
        Assert.True(saved.Succeeded);
        var (theirs, _) = await store.SaveAsync(new MemoryStream(Png), "别人的照片.png", new SupervisionActor("BJ0004", hr, true, false, null));

        Assert.Equal("证据文件不存在，请重新上传。", (await appeals.FileAsync(October, staffId, lines[0].ItemCode, lines[0].SourceType, lines[0].SourceId,
            "考勤机故障", theirs!.Id)).Error);
        Assert.True((await appeals.FileAsync(October, staffId, lines[0].ItemCode, lines[0].SourceType, lines[0].SourceId, "考勤机故障", mine!.Id)).Succeeded);
        var appeal = (await months.LoadAsync(October)).Appeals.Single();
        Assert.Equal(mine.Id, appeal.EvidenceFileId);

        Assert.NotNull(await store.ReadAsync(mine.Id, appellant));
        Assert.NotNull(await store.ReadAsync(mine.Id, new SupervisionActor("BJ0002", chief, false, true, department)));
        Assert.NotNull(await store.ReadAsync(mine.Id, new SupervisionActor("BJ0003", manager, true, false, null) { IsManager = true }));
        Assert.Null(await store.ReadAsync(mine.Id, new SupervisionActor("X", chief, false, true, otherDepartment)));
        Assert.Null(await store.ReadAsync(mine.Id, new SupervisionActor("Y", hr + 1000, false, false, department)));
    }

    [Fact]
    public async Task APostingEndsOnADayNotBeforeItsStartAndOnlyOnce()
    {
        var clock = TestClock.MondayMorning();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        _ = app.Server;
        int staffId;
        await using (var ctx = app.CreateDbContext())
            staffId = await ctx.Staff.Where(s => s.EmployeeNo == DemoAccounts.ByRole[OpsConsole.Auth.Roles.WindowStaff]).Select(s => s.Id).SingleAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var postings = scope.ServiceProvider.GetRequiredService<Postings>();
        var from = new DateOnly(2026, 9, 1);
        var existing = (await postings.ListAsync()).Where(p => p.StaffId == staffId).ToList();
        if (existing.Count == 0) Assert.True((await postings.AddAsync(staffId, null, from, null, null, "测试")).Succeeded);
        var open = (await postings.ListAsync()).Single(p => p.StaffId == staffId && p.To is null);

        Assert.Equal("离驻日期不能早于入驻日期。", (await postings.EndAsync(open.Id, open.From.AddDays(-1))).Error);
        Assert.True((await postings.EndAsync(open.Id, new DateOnly(2026, 11, 20))).Succeeded);
        Assert.Equal(new DateOnly(2026, 11, 20), (await postings.ListAsync()).Single(p => p.Id == open.Id).To);
        Assert.Equal("该入驻记录已离驻。", (await postings.EndAsync(open.Id, new DateOnly(2026, 11, 21))).Error);
    }
}
