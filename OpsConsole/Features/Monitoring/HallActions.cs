using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.Common;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Common;
using OpsConsole.Features.Queueing;
using OpsConsole.Realtime;

namespace OpsConsole.Features.Monitoring;

/// <summary>What a manager does from the monitor: move or close windows, stop issuing, post a notice, end the day.</summary>
public sealed class HallActions(IDbContextFactory<OpsDbContext> dbFactory, ResolvedDatabase database, WriteGate gate, CenterClock clock, HallEvents events,
    HallMonitor monitor)
{
    public const string NeedsConfirmation = "ConfirmServing";
    public const int NoticeMaxLength = 200;

    /// <summary>
    /// Points a window at one queue (precedence 1), keeping its other queues behind it. A window
    /// serving a ticket is moved only when <paramref name="confirmed"/>: the ticket stays with it.
    /// </summary>
    public async Task<OpResult> MoveWindowAsync(int windowId, int queueId, bool confirmed)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var session = await db.Set<WindowSession>().AsNoTracking().FirstOrDefaultAsync(s => s.WindowId == windowId);
        if (session?.CurrentTicketId is not null && !confirmed)
            return OpResult.FailOn(NeedsConfirmation, "该窗口正在办理业务，确定要调整它服务的队列吗？当前号会继续在该窗口办完。");
        if (!await db.Set<ServiceQueue>().AnyAsync(q => q.Id == queueId)) return OpResult.Fail("目标队列不存在。");
        using (await gate.EnterAsync())
        {
            var routes = await db.Set<WindowQueueRoute>().Where(r => r.WindowId == windowId).ToListAsync();
            var others = routes.Where(r => r.QueueId != queueId).OrderBy(r => r.Precedence).Select(r => r.QueueId).ToList();
            db.RemoveRange(routes);
            await db.SaveChangesAsync();
            db.Add(new WindowQueueRoute(windowId, queueId, 1));
            var precedence = 2;
            foreach (var q in others.Take(WindowQueueRoute.MaxPrecedence - 1)) db.Add(new WindowQueueRoute(windowId, q, precedence++));
            await db.SaveChangesAsync();
        }
        await PublishAsync(new WindowChanged(clock.Now, windowId), new QueueChanged(clock.Now, queueId));
        return OpResult.Ok;
    }

    /// <summary>Closes a window now: the person at it is signed out (refused while a ticket is at the counter).</summary>
    public async Task<OpResult> CloseWindowAsync(int windowId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        using (await gate.EnterAsync())
        {
            var session = await db.Set<WindowSession>().FirstOrDefaultAsync(s => s.WindowId == windowId);
            if (session is null || session.State == WindowState.Closed) return OpResult.Ok;
            try
            {
                session.SignOut(clock.Now);
            }
            catch (DomainException ex)
            {
                return OpResult.Fail(QueueingMessages.Of(ex.Message));
            }
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateConcurrencyException)
            {
                // The window called or paused meanwhile (its session's revision moved): nothing was overwritten.
                return OpResult.Fail("该窗口刚有其他操作，请刷新后重试。");
            }
        }
        await PublishAsync(new WindowChanged(clock.Now, windowId, Staffing: true));
        return OpResult.Ok;
    }

    public async Task<OpResult> SetIssuingAsync(int queueId, bool issuing, string? reason)
    {
        if (!issuing && string.IsNullOrWhiteSpace(reason)) return OpResult.Fail("请填写暂停取号的原因（会显示在取号机上）。");
        if (reason is { Length: > ServiceQueue.IssuingStoppedReasonMaxLength }) return OpResult.Fail("原因不能超过 {0} 个字符。", ServiceQueue.IssuingStoppedReasonMaxLength);
        await using var db = await dbFactory.CreateDbContextAsync();
        var queue = await db.Set<ServiceQueue>().FirstOrDefaultAsync(q => q.Id == queueId);
        if (queue is null) return OpResult.Fail("目标队列不存在。");
        if (issuing) queue.ResumeIssuing(); else queue.StopIssuing(reason!.Trim());
        using (await gate.EnterAsync()) await db.SaveChangesAsync();
        await PublishAsync(new QueueChanged(clock.Now, queueId));
        return OpResult.Ok;
    }

    public async Task<OpResult> PostNoticeAsync(string text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length > NoticeMaxLength) return OpResult.Fail("通知不能超过 {0} 个字符。", NoticeMaxLength);
        await events.PublishAsync(new NoticePublished(clock.Now, trimmed));
        return OpResult.Ok;
    }

    /// <summary>
    /// End of day: every open ticket of <paramref name="through"/> (default today) and before is closed (waiting, called
    /// and parked cancelled, a ticket still served completed and flagged); closing today closes every window, closing a
    /// past day the windows signed in on it or holding one of its tickets (else they stay stuck on a closed ticket).
    /// Returns how many.
    /// </summary>
    public async Task<(OpResult Result, int Tickets, int Windows)> EndDayAsync(DateOnly? through = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.Now;
        var last = through ?? clock.Today;
        int tickets, windows = 0;
        using (await gate.EnterAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // The desk's lock order (HallLocks): every queue's turn, then the open sessions, then their tickets,
            // so a window completing or calling on another node waits for the day's end or goes first, never both.
            await HallLocks.LockQueueTurnsAsync(db, database, await db.Set<ServiceQueue>().Select(q => q.Id).ToListAsync(ct), ct);
            var sessions = await HallLocks.LockOpenSessionsAsync(db, database, ct);
            var open = await db.Set<Ticket>().Where(t => t.ServiceDay <= last
                && (t.State == TicketState.Waiting || t.State == TicketState.Called || t.State == TicketState.Serving || t.State == TicketState.Parked)).ToListAsync(ct);
            tickets = open.Count(t => t.EndOfDay(now));
            if (last < clock.Today)
            {
                // A past day: only the sessions it left behind (signed in that day, or holding one of its tickets).
                var held = sessions.Where(s => s.CurrentTicketId is not null).Select(s => s.CurrentTicketId!.Value).ToList();
                var heldFromClosedDays = (await db.Set<Ticket>().Where(t => held.Contains(t.Id) && t.ServiceDay <= last).Select(t => t.Id).ToListAsync(ct)).ToHashSet();
                sessions = sessions.Where(s => DateOnly.FromDateTime(clock.ToLocal(s.SignedInAt ?? s.StateSince).DateTime) <= last
                    || s.CurrentTicketId is { } id && heldFromClosedDays.Contains(id)).ToList();
            }
            foreach (var s in sessions) s.CloseForTheDay(now);
            windows = sessions.Count;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        if (tickets + windows == 0) return (OpResult.Ok, 0, 0);
        await PublishAsync(new HallResync(now));
        return (OpResult.Ok, tickets, windows);
    }

    private async Task PublishAsync(params HallEvent[] changes)
    {
        foreach (var e in changes) await events.PublishAsync(e);
        monitor.Poke();
    }
}
