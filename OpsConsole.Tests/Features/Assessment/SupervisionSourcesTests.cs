using OpsConsole.Data;
using OpsConsole.Domain.Assessment;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Supervision;
using OpsConsole.Features.Assessment;
using OpsConsole.Features.Supervision;
using OpsConsole.Tests.Features.Supervision;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Assessment;

/// <summary>
/// The month is scored from the supervision records (issue 11 → 12): an upheld complaint is a veto line, an inspection
/// finding deducts its own points, a withdrawn one nothing, a banner adds its bonus; each line names its record.
/// </summary>
public sealed class SupervisionSourcesTests
{
    [Fact]
    public Task ComplaintsFindingsAndCommendationsBecomeLinesOnSqlite() => LinesAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ComplaintsFindingsAndCommendationsBecomeLinesOnPostgres() => LinesAsync(DatabaseProvider.Postgres);

    private static async Task LinesAsync(DatabaseProvider provider)
    {
        await using var app = await QueueApp.StartAsync(provider);
        var (windowId, staffId) = await app.StaffedWindowAsync(1);
        var manager = await SupervisionTestData.ManagerAsync(app);

        var complaints = app.Service<ComplaintDesk>();
        var (complaintId, recorded) = await complaints.RecordAsync(manager, new ComplaintDesk.Input
        {
            Channel = ComplaintChannel.Hotline12345, ExternalNumber = "12345-20261123-0101", ComplainantName = "赵先生", Content = "窗口人员态度生硬。",
            WindowId = windowId, StaffId = staffId,
        });
        Assert.True(recorded.Succeeded, recorded.Error);
        var revision = (await complaints.DetailAsync(complaintId))!.Complaint.Revision;
        Assert.True((await complaints.ConcludeAsync(manager, complaintId, revision, ComplaintVerdict.Upheld, "属实，已批评教育。")).Succeeded);

        var inspections = app.Service<InspectionDesk>();
        var phone = (await inspections.TypesAsync()).Single(t => t.Code == "phone");
        var (kept, keptResult) = await inspections.RecordAsync(manager, new InspectionDesk.Input { WindowId = windowId, StaffId = staffId, FindingTypeId = phone.Id, Note = "看手机" });
        Assert.True(keptResult.Succeeded, keptResult.Error);
        var absent = (await inspections.TypesAsync()).Single(t => t.Code == "absent");
        var (withdrawn, withdrawnResult) = await inspections.RecordAsync(manager, new InspectionDesk.Input { WindowId = windowId, StaffId = staffId, FindingTypeId = absent.Id, Note = "离岗" });
        Assert.True(withdrawnResult.Succeeded, withdrawnResult.Error);
        Assert.True((await inspections.WithdrawAsync(manager, withdrawn, "误记：当时在后台取件。")).Succeeded);

        var (commendationId, commended) = await app.Service<CommendationDesk>().RecordAsync(manager, new CommendationDesk.Input
        {
            Kind = CommendationKind.Banner, Date = app.Clock.Now.DateTime, StaffId = staffId, WindowId = windowId, Description = "群众赠送锦旗“服务热情”",
        });
        Assert.True(commended.Succeeded, commended.Error);

        var month = await app.Service<MonthAssessment>().LoadAsync(YearMonth.Of(DateOnly.FromDateTime(app.Clock.Now.DateTime)));
        var lines = month.Scores.Staff[staffId].Lines;
        var complaint = Assert.Single(lines, l => l.SourceType == "complaint");
        Assert.Equal((ItemCodes.ComplaintUpheld, complaintId.ToString(), -5m, true), (complaint.ItemCode, complaint.SourceId, complaint.Points, complaint.IsVeto));
        var finding = Assert.Single(lines, l => l.SourceType == "finding");
        Assert.Equal((ItemCodes.InspectionPrefix + "phone", kept.ToString(), -phone.Points), (finding.ItemCode, finding.SourceId, finding.Points));
        var banner = Assert.Single(lines, l => l.SourceType == "commendation");
        Assert.Equal((ItemCodes.CommendationBanner, commendationId.ToString(), 2m), (banner.ItemCode, banner.SourceId, banner.Points));
        Assert.True(month.Scores.Staff[staffId].Vetoed);
        // Counted once: against the person, not again against the window (whose score averages its staff's).
        Assert.DoesNotContain(month.Scores.Windows[windowId].Lines, l => l.SourceType is "complaint" or "finding" or "commendation");
    }
}
