using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Data;
using OpsConsole.Domain.People;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Notifications;

/// <summary>
/// Takes an applicant's phone number for a near-turn notice (到号提醒), at the kiosk after the ticket is
/// printed or on the ticket's status page. One number per ticket: leaving another replaces it.
/// </summary>
public sealed class NearTurnDesk(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock, NearTurnWatcher watcher,
    IOptions<NotificationOptions> options)
{
    public const string InvalidPhone = "请输入 11 位手机号码，如 13812345678。";
    public const string NotWaiting = "该号已不在等候中，无需提醒。";
    public const string UnknownTicket = "没有找到这张号票。";

    /// <summary>The number of people ahead at which notices go out.</summary>
    public int WhenAhead => options.Value.WhenAhead;

    public sealed record Subscription(string PhoneMasked, int WhenAhead);

    /// <summary>Leaves <paramref name="phone"/> for the ticket with <paramref name="publicCode"/> (the code on its slip).</summary>
    public async Task<(OpResult Result, Subscription? Subscription)> SubscribeAsync(string publicCode, string? phone, CancellationToken ct = default)
    {
        if (!MobileNumber.TryParse(phone, out var number)) return (OpResult.Fail(InvalidPhone), null);
        if (!Ticket.IsValidPublicCode(publicCode)) return (OpResult.Fail(UnknownTicket), null);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await db.Set<Ticket>().AsNoTracking().FirstOrDefaultAsync(t => t.PublicCode == publicCode, ct);
        if (ticket is null) return (OpResult.Fail(UnknownTicket), null);
        if (ticket.State != TicketState.Waiting || ticket.ServiceDay != clock.Today) return (OpResult.Fail(NotWaiting), null);
        var earlier = await db.Set<NearTurnNotice>().Where(n => n.TicketId == ticket.Id && n.State == NearTurnState.Pending).ToListAsync(ct);
        foreach (var n in earlier) n.Purge(clock.Now);
        var notice = new NearTurnNotice(ticket.Id, ticket.QueueId, ticket.ServiceDay, number!, options.Value.WhenAhead, clock.Now);
        db.Add(notice);
        await db.SaveChangesAsync(ct);
        // Perhaps already near: the watcher looks at this queue now rather than at its next call.
        watcher.Nudge(ticket.QueueId);
        return (OpResult.Ok, new Subscription(notice.PhoneMasked, notice.WhenAhead));
    }

    /// <summary>The number left for a ticket (masked) and whether the notice went out; null when none.</summary>
    public async Task<(string PhoneMasked, NearTurnState State)?> CurrentAsync(string publicCode, CancellationToken ct = default)
    {
        if (!Ticket.IsValidPublicCode(publicCode)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await (from n in db.Set<NearTurnNotice>()
                         join t in db.Set<Ticket>() on n.TicketId equals t.Id
                         where t.PublicCode == publicCode && n.Phone != ""
                         orderby n.Id descending
                         select new { n.PhoneMasked, n.State }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.PhoneMasked, row.State);
    }
}
