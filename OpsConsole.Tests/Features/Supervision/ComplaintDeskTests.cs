using Microsoft.EntityFrameworkCore;
using OpsConsole.Auth;
using OpsConsole.Domain.Supervision;
using OpsConsole.Features.Supervision;
using OpsConsole.Data;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Supervision;

/// <summary>投诉: recorded by managers, investigated with notes and evidence, concluded once; an upheld complaint is a veto.</summary>
public sealed class ComplaintDeskTests
{
    [Fact]
    public Task AComplaintIsRecordedInvestigatedAndUpheldAsAVetoOnSqlite() => LifecycleAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task AComplaintIsRecordedInvestigatedAndUpheldAsAVetoOnPostgres() => LifecycleAsync(DatabaseProvider.Postgres);

    private static async Task LifecycleAsync(DatabaseProvider provider)
    {
        await using var app = await QueueApp.StartAsync(provider);
        var (windowId, staffId) = await app.StaffedWindowAsync(1);
        var desk = app.Service<ComplaintDesk>();
        var manager = await SupervisionTestData.ManagerAsync(app);

        var noTarget = await desk.RecordAsync(manager, new ComplaintDesk.Input { ComplainantName = "王女士", Content = "等了很久" });
        Assert.Equal("请选择被投诉的窗口或工作人员。", noTarget.Result.Error);
        var staff = await SupervisionTestData.ActorAsync(app, staffId, Roles.WindowStaff);
        Assert.Equal("只有关联了人员档案的中心管理人员可以登记投诉。",
            (await desk.RecordAsync(staff, new ComplaintDesk.Input { ComplainantName = "王女士", Content = "x", WindowId = windowId })).Result.Error);

        var (id, recorded) = await desk.RecordAsync(manager, new ComplaintDesk.Input
        {
            Channel = ComplaintChannel.Hotline12345, ExternalNumber = "12345-20261123-0088", ComplainantName = "王女士", ComplainantPhone = "13800138000",
            Content = "窗口人员办理时接打私人电话，态度冷淡。", WindowId = windowId, StaffId = staffId,
        });
        Assert.True(recorded.Succeeded, recorded.Error);
        var detail = (await desk.DetailAsync(id))!;
        // Received Monday 2026-11-23: the reply is due five working days later.
        Assert.Equal(app.Service<OpsConsole.Domain.Common.IWorkingDayCalendar>().AddWorkingDays(new DateOnly(2026, 11, 23), 5), detail.Complaint.ReplyDue);
        Assert.NotNull(detail.Complaint.Department);

        await using (var png = File.OpenRead(SupervisionTestData.Fixture("banner.png")))
        {
            var photo = (await app.Service<EvidenceStore>().SaveAsync(png, "监控截图.png", manager)).File!;
            Assert.True((await desk.AddNoteAsync(manager, id, detail.Complaint.Revision, "调取监控，属实。", photo.Id)).Succeeded);
        }
        detail = (await desk.DetailAsync(id))!;
        Assert.Equal(ComplaintState.Investigating, detail.Complaint.State);
        Assert.Equal("监控截图.png", Assert.Single(detail.Notes).EvidenceName);

        Assert.True((await desk.ConcludeAsync(manager, id, detail.Complaint.Revision, ComplaintVerdict.Upheld, "已对当事人批评教育并扣分。")).Succeeded);
        var row = Assert.Single(await desk.ListAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), r => r.Id == id);
        Assert.True(row.IsVeto);
        Assert.Equal(ComplaintVerdict.Upheld, row.Verdict);
        Assert.Equal("该投诉已由其他管理人员办结（结论：{0}），您的操作未保存。请刷新后查看。",
            (await desk.ConcludeAsync(manager, id, detail.Complaint.Revision, ComplaintVerdict.NotUpheld, "不属实")).Error);
    }

    [Fact]
    public Task TwoManagersDecidingAtOnceSaveItOnceOnSqlite() => RaceAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task TwoManagersDecidingAtOnceSaveItOnceOnPostgres() => RaceAsync(DatabaseProvider.Postgres);

    private static async Task RaceAsync(DatabaseProvider provider)
    {
        await using var app = await QueueApp.StartAsync(provider);
        var (windowId, _) = await app.StaffedWindowAsync(1);
        var manager = await SupervisionTestData.ManagerAsync(app);
        await using var db = app.Context();
        var otherManagerId = await db.Staff.Where(s => s.DepartmentId == null && s.EmployeeNo != "BJ0003" && !s.Title.Contains("考核")).Select(s => s.Id).FirstAsync();
        var other = await SupervisionTestData.ActorAsync(app, otherManagerId, Roles.Manager);
        var (id, _) = await app.Service<ComplaintDesk>().RecordAsync(manager, new ComplaintDesk.Input { ComplainantName = "李先生", Content = "材料一次性告知不清", WindowId = windowId });
        var revision = (await app.Service<ComplaintDesk>().DetailAsync(id))!.Complaint.Revision;

        // Each manager on their own circuit (scope), both holding the same copy.
        var results = await Task.WhenAll(
            Task.Run(() => app.Service<ComplaintDesk>().ConcludeAsync(manager, id, revision, ComplaintVerdict.Upheld, "属实，已批评教育")),
            Task.Run(() => app.Service<ComplaintDesk>().ConcludeAsync(other, id, revision, ComplaintVerdict.NotUpheld, "经核实不属实")));

        Assert.Single(results, r => r.Succeeded);
        var loser = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal("该投诉已由其他管理人员办结（结论：{0}），您的操作未保存。请刷新后查看。", loser.Error);
        var saved = await db.Set<Complaint>().AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal(1, saved.Revision);
        var winnerVerdict = results[0].Succeeded ? ComplaintVerdict.Upheld : ComplaintVerdict.NotUpheld;
        Assert.Equal(winnerVerdict, saved.Verdict);
        Assert.Equal(SupervisionMessages.Verdict(winnerVerdict), loser.Args![0]);
    }
}
