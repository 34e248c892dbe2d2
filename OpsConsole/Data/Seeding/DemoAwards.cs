using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Awards;
using OpsConsole.Features.Awards;
using OpsConsole.Features.Common;

namespace OpsConsole.Data.Seeding;

/// <summary>
/// The demo center's awards, after the demo assessment: last month's red-flag windows confirmed (their certificates
/// numbered by the desk), and this quarter's ballots so far from duty officers and the public.
/// </summary>
public static class DemoAwards
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var clock = sp.GetRequiredService<CenterClock>();
        var rules = sp.GetRequiredService<AwardRules>();
        var desk = sp.GetRequiredService<AwardDesk>();
        if (rules.Find("red-flag-month") is { } monthly)
        {
            var last = AwardPeriod.Containing(AwardPeriodKind.Month, clock.Today).Previous();
            var proposal = await desk.ProposeAsync(monthly, last, ct);
            if (proposal.Rows.Any(r => r.Proposed)) await desk.ConfirmAsync(monthly, last, [], "demo", ct);
        }
        if (rules.WithPublicVote.FirstOrDefault() is not { } quarterly) return;

        await using var db = await sp.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync(ct);
        var windows = await db.Windows.AsNoTracking().Where(w => w.Active && w.DepartmentId != null).OrderBy(w => w.Number).Select(w => w.Id).Take(12).ToListAsync(ct);
        if (windows.Count == 0) return;
        var period = AwardPeriod.Containing(quarterly.Period, clock.Today);
        var at = clock.Now;
        // Popularity falls off along the list: the first windows get most votes, as a hall's favourites do.
        for (var i = 0; i < 60; i++)
            db.AwardBallots.Add(new AwardBallot(quarterly.Code, period, BallotChannel.Public, $"demo-public-{i:000}", windows[i * i % 37 % windows.Count], at.AddMinutes(-i * 17)));
        for (var i = 0; i < 4; i++)
            db.AwardBallots.Add(new AwardBallot(quarterly.Code, period, BallotChannel.DutyOfficer, $"demo-duty-{i + 1}", windows[i % 3], at.AddHours(-i * 5)));
        await db.SaveChangesAsync(ct);
    }
}
