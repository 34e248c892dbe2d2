using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Domain.Assessment;
using OpsConsole.Domain.Attendance;
using OpsConsole.Features.Assessment;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Assessment;

/// <summary>
/// The bulletin's annex table: the demo's published October in rank order, from the stored scores, and nothing for
/// the November draft or a month nobody opened.
/// </summary>
public sealed class BulletinAnnexTests
{
    [Fact]
    public async Task ThePublishedMonthComesInRankOrderFromTheStoredScores()
    {
        var clock = TestClock.MondayMorning();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock))) { SeedHistory = true };
        _ = app.Server;
        await using var scope = app.Services.CreateAsyncScope();
        var query = scope.ServiceProvider.GetRequiredService<BulletinAnnexQuery>();

        var annex = await query.ForMonthAsync(new YearMonth(2026, 10), CancellationToken.None);
        Assert.True(annex.Published);
        Assert.Equal(1, annex.Version);
        Assert.NotNull(annex.PublishedAt);

        await using var ctx = app.CreateDbContext();
        var october = await ctx.AssessmentMonths.SingleAsync(m => m.Year == 2026 && m.Month == 10);
        var stored = await ctx.AssessmentScores.Where(s => s.AssessmentMonthId == october.Id).ToListAsync();
        var storedStaff = stored.Where(s => s.Subject == ItemSubject.Staff).ToDictionary(s => s.SubjectId, s => s.Total);
        var storedWindows = stored.Where(s => s.Subject == ItemSubject.Window).ToDictionary(s => s.SubjectId, s => s.Total);

        Assert.Equal(storedStaff.Count, annex.Staff.Count);
        Assert.Equal(storedWindows.Count, annex.Windows.Count);
        Assert.All(annex.Staff, s => Assert.Equal(storedStaff[s.StaffId], s.Score));
        Assert.All(annex.Windows, w => Assert.Equal(storedWindows[w.WindowId], w.Score));
        AssertCompetitionRanks(annex.Staff.Select(s => (s.Rank, s.Score)).ToList());
        AssertCompetitionRanks(annex.Windows.Select(w => (w.Rank, w.Score)).ToList());
        foreach (var department in annex.Staff.Where(s => s.DepartmentId is not null).GroupBy(s => s.DepartmentId))
            AssertCompetitionRanks(department.Select(s => (s.DepartmentRank!.Value, s.Score)).ToList());
        Assert.All(annex.Staff, s => Assert.False(string.IsNullOrEmpty(s.EmployeeNo)));
        Assert.All(annex.Windows, w => Assert.False(string.IsNullOrEmpty(w.Window)));

        // The demo's manual items: a banner (+2) and an off-post finding (−2) in October.
        var banner = await ctx.ManualAssessmentItems.SingleAsync(i => i.ItemCode == ItemCodes.CommendationBanner && i.Date.Month == 10);
        var bannerRow = annex.Staff.Single(s => s.StaffId == banner.SubjectId);
        Assert.True(bannerRow.Bonuses >= 2m);
        var finding = await ctx.ManualAssessmentItems.SingleAsync(i => i.ItemCode.StartsWith(ItemCodes.InspectionPrefix) && i.Date.Month == 10);
        Assert.True(annex.Staff.Single(s => s.StaffId == finding.SubjectId).Deductions <= -2m);

        var draft = await query.ForMonthAsync(new YearMonth(2026, 11), CancellationToken.None);
        Assert.False(draft.Published);
        Assert.Empty(draft.Staff);
        Assert.Empty(draft.Windows);
        Assert.False((await query.ForMonthAsync(new YearMonth(2026, 9), CancellationToken.None)).Published);
    }

    /// <summary>Best first; ties share a rank and the next rank skips (1, 2, 2, 4).</summary>
    private static void AssertCompetitionRanks(IReadOnlyList<(int Rank, decimal Score)> rows)
    {
        Assert.NotEmpty(rows);
        Assert.Equal(1, rows[0].Rank);
        for (var i = 1; i < rows.Count; i++)
        {
            Assert.True(rows[i].Score <= rows[i - 1].Score);
            Assert.Equal(rows[i].Score == rows[i - 1].Score ? rows[i - 1].Rank : i + 1, rows[i].Rank);
        }
    }
}
