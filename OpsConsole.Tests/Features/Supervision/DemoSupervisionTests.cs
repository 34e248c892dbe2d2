using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Data;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Supervision;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Supervision;

/// <summary>The demo center's month of supervision: rectifications at every step, complaints with a veto, findings with photos, commendations.</summary>
public sealed class DemoSupervisionTests
{
    [Fact]
    public async Task TheDemoCenterHasAMonthOfPlausibleSupervisionRecords()
    {
        var clock = TestClock.MondayMorning();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock))) { SeedHistory = true };
        await using var ctx = app.CreateDbContext();

        var complaints = await ctx.Set<Complaint>().AsNoTracking().ToListAsync();
        Assert.Equal(10, complaints.Count);
        Assert.Equal(2, complaints.Count(c => c.IsVeto));
        Assert.Contains(complaints, c => c.State != ComplaintState.Concluded);
        Assert.All(complaints, c => Assert.True(c.WindowId is not null && c.StaffId is not null && c.ReceivedAt < clock.Now));

        var findings = await ctx.Set<InspectionFinding>().AsNoTracking().ToListAsync();
        Assert.Equal(26, findings.Count);
        Assert.Single(findings, f => f.State == FindingState.Withdrawn);
        Assert.True(findings.Count(f => f.PhotoFileId != null) > 15);
        Assert.Equal(6, await ctx.Set<Commendation>().CountAsync());

        var rectifications = await ctx.Set<Rectification>().AsNoTracking().ToListAsync();
        Assert.True(rectifications.Count > 20, $"{rectifications.Count} rectifications");
        foreach (var state in Enum.GetValues<RectificationState>()) Assert.Contains(rectifications, r => r.State == state);
        Assert.Contains(rectifications, r => r.Appeal == MisratingAppealState.Pending);
        Assert.Contains(rectifications, r => r.Appeal == MisratingAppealState.Upheld);
        Assert.Contains(rectifications, r => r.IsOverdue(new DateOnly(2026, 11, 23)));
        // Every file is a real PNG that the store would accept.
        Assert.All(await ctx.Set<EvidenceFile>().AsNoTracking().ToListAsync(), f => Assert.Equal(EvidenceKind.Png, EvidenceKinds.Sniff(f.Content)));
    }
}
