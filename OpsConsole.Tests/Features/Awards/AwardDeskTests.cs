using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Data;
using OpsConsole.Domain.Awards;
using OpsConsole.Features.Awards;
using OpsConsole.Features.Common;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Awards;

/// <summary>
/// The quarter's red-flag windows from the published third quarter of 2026: the proposal's components, vetoes and
/// minimum; confirmation issues numbered certificates; two managers confirming at once never share a number and
/// never confirm one round twice; ballots are one per voter; honors are kept per person.
/// </summary>
public sealed class AwardDeskTests
{
    private static readonly AwardPeriod Q3 = new(AwardPeriodKind.Quarter, 2026, 3);

    [Fact]
    public async Task TheProposalShowsEveryComponentAndBarsTheVetoedAndTheLow()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db);
        _ = app.Server;
        AwardTestData data;
        await using (var ctx = app.CreateDbContext()) data = await AwardTestData.PublishThirdQuarterAsync(ctx);
        await using var scope = app.Services.CreateAsyncScope();
        var rules = scope.ServiceProvider.GetRequiredService<AwardRules>();
        var rule = rules.Find("red-flag-quarter")!;
        var votes = scope.ServiceProvider.GetRequiredService<AwardVotes>();
        // Ballots count for the period containing today (the fourth quarter), not for the third.
        Assert.True((await votes.CastAsync(rule.Code, BallotChannel.DutyOfficer, "BJ0003", data.Windows[3].Id)).Succeeded);

        var proposal = await scope.ServiceProvider.GetRequiredService<AwardDesk>().ProposeAsync(rule, Q3);

        Assert.Equal(AwardTestData.ThirdQuarter, proposal.MonthsPublished);
        Assert.Empty(proposal.MonthsMissing);
        Assert.Equal(6, proposal.Rows.Count);
        var vetoed = proposal.Rows.Single(r => r.SubjectId == data.Vetoed.Id);
        Assert.Equal(AwardExclusion.Vetoed, vetoed.Exclusion);
        Assert.Equal(["红牌"], vetoed.Candidate.Vetoes);
        Assert.Equal(AwardExclusion.BelowMinimum, proposal.Rows.Single(r => r.SubjectId == data.Windows[5].Id).Exclusion);
        var first = proposal.Rows.Single(r => r.SubjectId == data.Windows[0].Id);
        Assert.Equal(99.5m, first.Candidate.WindowScore);
        Assert.NotNull(first.Candidate.StaffScore);
        Assert.All(proposal.Rows, r => Assert.Equal(0, r.Candidate.DutyVotes));
        Assert.Equal(decimal.Round(0.3m * 99.5m + 0.3m * first.Candidate.StaffScore!.Value, 2, MidpointRounding.AwayFromZero), first.Composite);
        Assert.Equal(new[] { 0, 1, 3, 4 }.Select(i => data.Windows[i].Id).Order(), proposal.Rows.Where(r => r.Proposed).Select(r => r.SubjectId).Order());
    }

    [Fact]
    public Task TwoManagersConfirmingAtOnceNeverShareANumberOnSqlite() => ConfirmAtOnceAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task TwoManagersConfirmingAtOnceNeverShareANumberOnPostgres() => ConfirmAtOnceAsync(DatabaseProvider.Postgres);

    private static async Task ConfirmAtOnceAsync(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new OpsApp(db);
        _ = app.Server;
        AwardTestData data;
        await using (var ctx = app.CreateDbContext()) data = await AwardTestData.PublishThirdQuarterAsync(ctx);
        var rules = app.Services.GetRequiredService<AwardRules>();
        var quarter = rules.Find("red-flag-quarter")!;
        var month = rules.Find("red-flag-month")!;

        async Task<OpResult> ConfirmAsync(AwardRule rule, AwardPeriod period, string by)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AwardDesk>().ConfirmAsync(rule, period, [], by);
        }

        // Two managers confirm the same quarter at once, while two others confirm July and August's monthly
        // red-flag windows: the same series of numbers (红旗窗口, 2026).
        var results = await Task.WhenAll(
            Task.Run(() => ConfirmAsync(quarter, Q3, "BJ0003")),
            Task.Run(() => ConfirmAsync(quarter, Q3, "admin")),
            Task.Run(() => ConfirmAsync(month, new AwardPeriod(AwardPeriodKind.Month, 2026, 7), "BJ0003")),
            Task.Run(() => ConfirmAsync(month, new AwardPeriod(AwardPeriodKind.Month, 2026, 8), "admin")));

        Assert.Single(results.Take(2), r => r.Succeeded);
        Assert.Single(results.Take(2), r => !r.Succeeded);
        Assert.True(results[2].Succeeded, results[2].Error);
        Assert.True(results[3].Succeeded, results[3].Error);
        await using var check = app.CreateDbContext();
        Assert.Equal(3, await check.AwardRounds.CountAsync());
        var awards = await check.Awards.ToListAsync();
        Assert.All(awards, a => Assert.NotNull(a.CertificateId));
        Assert.Equal(4, awards.Count(a => a.PeriodKey == "2026-Q3"));
        var numbers = await check.HonorCertificates.Where(c => c.Kind == AwardKind.RedFlagWindow && c.Year == 2026).Select(c => c.Sequence).ToListAsync();
        // The demo issued 001–003; every confirmed place got the next, none twice, no gap.
        Assert.Equal(Enumerable.Range(1, 3 + awards.Count), numbers.Order());
        var quarterCertificate = awards.First(a => a.PeriodKey == "2026-Q3").CertificateId;
        var certificate = await check.HonorCertificates.SingleAsync(c => c.Id == quarterCertificate);
        Assert.Equal("2026年第三季度“红旗窗口”", certificate.Title);
        Assert.DoesNotContain(awards, a => a.SubjectId == data.Vetoed.Id && a.PeriodKey == "2026-Q3");
    }

    [Fact]
    public async Task AnOverrideNeedsAReasonAndTheHonorIsKeptForThePerson()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db);
        _ = app.Server;
        AwardTestData data;
        await using (var ctx = app.CreateDbContext()) data = await AwardTestData.PublishThirdQuarterAsync(ctx);
        await using var scope = app.Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<AwardDesk>();
        var rule = new AwardRule { Code = "service-model-quarter", Kind = AwardKind.ServiceModel, Period = AwardPeriodKind.Quarter, Subject = AwardSubject.Staff, TopN = 2, MinScore = 98 };
        var proposal = await desk.ProposeAsync(rule, Q3);
        var proposed = proposal.Rows.Where(r => r.Proposed).Select(r => r.SubjectId).ToList();
        var dropped = proposed[0];
        var added = proposal.Rows.First(r => !r.Proposed && r.Exclusion == AwardExclusion.None).SubjectId;
        var limit = proposed.Count;

        var refused = await desk.ConfirmAsync(rule, Q3, [new AwardOverride(dropped, false, ""), new AwardOverride(added, true, "")], "BJ0003");
        Assert.False(refused.Succeeded);
        Assert.Contains("书面理由", refused.Error);
        var confirmed = await desk.ConfirmAsync(rule, Q3, [new AwardOverride(dropped, false, "本季度借调外单位一个月"), new AwardOverride(added, true, "群众来信表扬三次")], "BJ0003");
        Assert.True(confirmed.Succeeded, confirmed.Error);
        var again = await desk.ConfirmAsync(rule, Q3, [], "admin");
        Assert.False(again.Succeeded);

        var honors = await desk.HonorsAsync(AwardSubject.Staff, added);
        var honor = Assert.Single(honors);
        Assert.Equal("2026年第三季度“服务标兵”", honor.Title);
        Assert.StartsWith("滨政服标〔2026〕第", honor.CertificateNumber);
        Assert.Empty(await desk.HonorsAsync(AwardSubject.Staff, dropped));
        await using var ctx2 = app.CreateDbContext();
        Assert.Equal("群众来信表扬三次", (await ctx2.Awards.SingleAsync(a => a.SubjectId == added)).OverrideReason);
        Assert.Equal(limit, await ctx2.Awards.CountAsync());
        Assert.EndsWith("：本季度借调外单位一个月", (await ctx2.AwardRounds.SingleAsync()).DroppedNotes);
    }

    [Fact]
    public async Task ADutyOfficerHasOneBallotPerPeriodEvenWhenSendingTwiceAtOnce()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db);
        _ = app.Server;
        int[] windows;
        await using (var ctx = app.CreateDbContext())
            windows = await ctx.Windows.Where(w => w.DepartmentId != null && w.Active).OrderBy(w => w.Number).Select(w => w.Id).Take(2).ToArrayAsync();

        async Task<OpResult> CastAsync(int window)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AwardVotes>().CastAsync("red-flag-quarter", BallotChannel.DutyOfficer, "BJ0003", window);
        }

        var results = await Task.WhenAll(Task.Run(() => CastAsync(windows[0])), Task.Run(() => CastAsync(windows[1])));

        Assert.Single(results, r => r.Succeeded);
        Assert.Contains("已经投过票", results.Single(r => !r.Succeeded).Error);
        await using var check = app.CreateDbContext();
        var ballot = await check.AwardBallots.SingleAsync();
        Assert.Equal("2026-Q4", ballot.PeriodKey);
        // A window not among the choices, a rule without duty votes: refused.
        await using var s2 = app.Services.CreateAsyncScope();
        var votes = s2.ServiceProvider.GetRequiredService<AwardVotes>();
        Assert.False((await votes.CastAsync("red-flag-quarter", BallotChannel.DutyOfficer, "admin", -1)).Succeeded);
        Assert.False((await votes.CastAsync("red-flag-month", BallotChannel.DutyOfficer, "admin", windows[0])).Succeeded);
    }
}
