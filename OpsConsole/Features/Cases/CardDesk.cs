using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Cases;
using OpsConsole.Domain.Common;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Cases;

/// <summary>Contesting a supervision card (the department's chief representative) and deciding it (a manager).</summary>
public sealed class CardDesk(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock, SupervisionFeed feed)
{
    /// <summary>Contest: the chief representative of the card's department contests it with a reason.</summary>
    public async Task<OpResult> ContestAsync(long cardId, CaseActor actor, string reason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var card = await db.Set<SupervisionCard>().FirstOrDefaultAsync(c => c.Id == cardId, ct);
        if (card is null) return OpResult.Fail("没有找到该监察牌。");
        var department = await db.Staff.Where(s => s.Id == actor.StaffId).Select(s => s.DepartmentId).FirstOrDefaultAsync(ct);
        if (!actor.IsChief || department != card.DepartmentId) return OpResult.Fail("只有本部门的首席代表可以对监察牌提出异议。");
        return await SaveAsync(db, () => card.Contest(reason, actor.StaffId, clock.Now), ct);
    }

    /// <summary>A manager upholds a contested card (it stands) or withdraws it (it no longer counts).</summary>
    public async Task<OpResult> DecideAsync(long cardId, CaseActor actor, bool uphold, string? note, CancellationToken ct = default)
    {
        if (!actor.IsManager) return OpResult.Fail("只有中心管理人员可以裁定监察牌异议。");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var card = await db.Set<SupervisionCard>().FirstOrDefaultAsync(c => c.Id == cardId, ct);
        if (card is null) return OpResult.Fail("没有找到该监察牌。");
        return await SaveAsync(db, () => card.Decide(uphold, note, actor.StaffId, clock.Now), ct);
    }

    private async Task<OpResult> SaveAsync(OpsDbContext db, Action change, CancellationToken ct)
    {
        try
        {
            change();
            await db.SaveChangesAsync(ct);
            feed.Changed();
            return OpResult.Ok;
        }
        catch (DomainException ex)
        {
            return OpResult.Fail(CaseMessages.Of(ex.Message));
        }
        catch (DbUpdateConcurrencyException)
        {
            return OpResult.Fail(CaseMessages.CardChangedByAnother);
        }
    }
}
