using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Cases;
using OpsConsole.Domain.Common;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Cases;

/// <summary>
/// Electronic supervision: raises the cards the open cases have earned today (reminder, yellow, red), once per case and level.
/// Idempotent: the cards already raised are read first, and the unique (case, level) index refuses a
/// card another node raised in between; then the pass saves its cards one by one, skipping those.
/// </summary>
public sealed class SupervisionPass(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock, IWorkingDayCalendar calendar,
    SupervisionFeed feed, ILogger<SupervisionPass> log)
{
    /// <summary>One pass over every open case; returns the cards raised.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.Set<ServiceCase>().AsNoTracking()
            .Where(c => c.State == CaseState.Accepted || c.State == CaseState.InProgress)
            .ToListAsync(ct);
        var raised = (await (from card in db.Set<SupervisionCard>()
                             join c in db.Set<ServiceCase>() on card.CaseId equals c.Id
                             where c.State == CaseState.Accepted || c.State == CaseState.InProgress
                             select new { card.CaseId, card.Level }).ToListAsync(ct))
            .ToLookup(x => x.CaseId, x => x.Level);
        var now = clock.Now;
        var cards = open.SelectMany(c => SupervisionRules.Raise(c, raised[c.Id], now, calendar)).ToList();
        return await SaveAsync(db, cards, ct);
    }

    /// <summary>The cards one case has earned now (after each of its changes).</summary>
    public async Task<int> RaiseForAsync(long caseId, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var c = await db.Set<ServiceCase>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct);
            if (c is null) return 0;
            var raised = await db.Set<SupervisionCard>().Where(x => x.CaseId == caseId).Select(x => x.Level).ToListAsync(ct);
            return await SaveAsync(db, SupervisionRules.Raise(c, raised, clock.Now, calendar).ToList(), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change itself is saved; the hourly pass raises what this one missed.
            log.LogWarning(e, "Raising supervision cards for case {CaseId} failed", caseId);
            return 0;
        }
    }

    private async Task<int> SaveAsync(OpsDbContext db, List<SupervisionCard> cards, CancellationToken ct)
    {
        if (cards.Count == 0) return 0;
        var saved = await SaveCardsAsync(db, cards, ct);
        if (saved > 0) feed.Changed();
        return saved;
    }

    private static async Task<int> SaveCardsAsync(OpsDbContext db, List<SupervisionCard> cards, CancellationToken ct)
    {
        db.AddRange(cards);
        try
        {
            await db.SaveChangesAsync(ct);
            return cards.Count;
        }
        catch (DbUpdateException ex) when (CaseMessages.IsUniqueViolation(ex))
        {
            // Another node raised some of them in between: save the rest one at a time.
            db.ChangeTracker.Clear();
            var saved = 0;
            foreach (var card in cards)
            {
                db.Add(card);
                try
                {
                    await db.SaveChangesAsync(ct);
                    saved++;
                }
                catch (DbUpdateException again) when (CaseMessages.IsUniqueViolation(again))
                {
                    db.ChangeTracker.Clear();
                }
            }
            return saved;
        }
    }
}
