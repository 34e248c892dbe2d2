using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Common;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Common;
using OpsConsole.Features.Queueing;

namespace OpsConsole.Features.Satisfaction;

/// <summary>
/// The window's evaluator (评价器): which completed ticket waits for a rating, and saving the
/// rating — a bad one opens its rectification, due 15 working days later. A ticket is rated once.
/// </summary>
public sealed class EvaluationDesk(IDbContextFactory<OpsDbContext> dbFactory, WriteGate gate, CenterClock clock, IWorkingDayCalendar calendar)
{
    /// <summary>How long after its completion a ticket can still be rated on the evaluator.</summary>
    public static readonly TimeSpan RatingWindow = TimeSpan.FromMinutes(10);

    public sealed record RateableTicket(int TicketId, string Number);

    /// <summary>The latest ticket completed at the window, still unrated and recent enough to rate; null if none.</summary>
    public async Task<RateableTicket?> PendingAsync(int windowId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = clock.Today;
        var since = clock.Now - RatingWindow;
        var latest = (await db.Set<Ticket>().AsNoTracking()
                .Where(t => t.ServiceDay == today && t.WindowId == windowId && t.State == TicketState.Completed)
                .ToListAsync(ct))
            .Where(t => t.CompletedAt >= since).OrderByDescending(t => t.CompletedAt).FirstOrDefault();
        if (latest is null) return null;
        var rated = await db.Set<Evaluation>().AnyAsync(e => e.TicketId == latest.Id, ct);
        return rated ? null : new RateableTicket(latest.Id, latest.Number.ToString());
    }

    /// <summary>Rates a ticket completed at <paramref name="windowId"/>.</summary>
    public async Task<OpResult> SubmitAsync(int windowId, int ticketId, SatisfactionLevel level, IEnumerable<EvaluationReason> reasons, string? comment)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        using var turn = await gate.EnterAsync();
        var ticket = await db.Set<Ticket>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId);
        if (ticket is null) return OpResult.Fail("没有找到该号。");
        if (ticket.WindowId != windowId) return OpResult.Fail("该号不是在本窗口办理的，不能在此评价。");
        if (await db.Set<Evaluation>().AnyAsync(e => e.TicketId == ticketId)) return OpResult.Fail("该号已评价过，感谢您的参与。");
        try
        {
            db.Add(Evaluation.Submit(ticket, level, reasons, comment, clock.Now, calendar));
            await db.SaveChangesAsync();
            return OpResult.Ok;
        }
        catch (DomainException ex)
        {
            return OpResult.Fail(QueueingMessages.Of(ex.Message));
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            return OpResult.Fail("该号已评价过，感谢您的参与。");
        }
    }

    private static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true
        || ex.InnerException is Npgsql.PostgresException { SqlState: "23505" };
}
