using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Data;
using OpsConsole.Data.Auditing;
using OpsConsole.Domain.Common;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Common;
using OpsConsole.Realtime;

namespace OpsConsole.Features.Queueing;

/// <summary>
/// What a window does all day: sign in, call next, recall, start, complete, no-show, park,
/// resume, transfer, pause and resume. Each action loads the window's session and its ticket,
/// asks the domain, saves in one transaction and publishes the change after the commit.
/// </summary>
public sealed class CounterDesk(
    IDbContextFactory<OpsDbContext> dbFactory, ResolvedDatabase database, WriteGate gate, QueueCallLocks callLocks, CenterClock clock,
    HallEvents events, IOptions<QueueingOptions> options)
{
    public Task<OpResult> SignInAsync(int windowId, int staffId) => RunAsync(windowId, staffId, requireSignedIn: false, async ctx =>
    {
        var elsewhere = await ctx.Db.Set<WindowSession>().Where(s => s.StaffId == staffId && s.WindowId != windowId)
            .Join(ctx.Db.Windows, s => s.WindowId, w => w.Id, (s, w) => (int?)w.Number).FirstOrDefaultAsync();
        if (elsewhere is { } number) return OpResult.Fail("您已登录 {0} 号窗口，请先在该窗口退出。", number);
        ctx.Session.SignIn(staffId, ctx.Now);
        ctx.Changed(new WindowChanged(ctx.Now, windowId, Staffing: true));
        return OpResult.Ok;
    });

    public Task<OpResult> SignOutAsync(int windowId, int staffId) => RunAsync(windowId, staffId, ctx =>
    {
        ctx.Session.SignOut(ctx.Now);
        ctx.Changed(new WindowChanged(ctx.Now, windowId, Staffing: true));
        return Task.FromResult(OpResult.Ok);
    });

    /// <summary>
    /// Takes a person off every window they are signed in to (their account was disabled): a ticket at
    /// their counter goes back to its queue at its place, the window closes, and the audit log says why.
    /// </summary>
    public async Task<int> TakeOffWindowsAsync(int staffId, string reason, string actor)
    {
        int[] windows;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            windows = await db.Set<WindowSession>().Where(s => s.StaffId == staffId && s.State != WindowState.Closed)
                .Select(s => s.WindowId).ToArrayAsync();
        }
        var closed = 0;
        foreach (var windowId in windows)
        {
            var result = await RunAsync(windowId, staffId, async ctx =>
            {
                string? returned = null;
                if (ctx.Session.CurrentTicketId is { } ticketId)
                {
                    var ticket = await ctx.Db.Set<Ticket>().FirstAsync(t => t.Id == ticketId);
                    ticket.ReturnToQueue(ctx.Now);
                    ctx.Session.ReleaseTicket(ctx.Now);
                    ctx.TicketChanged(ticket);
                    returned = ticket.Number.ToString();
                }
                ctx.Session.SignOut(ctx.Now);
                ctx.Changed(new WindowChanged(ctx.Now, windowId, Staffing: true));
                ctx.Db.AuditLog.Add(new AuditEntry
                {
                    At = ctx.Now, Actor = actor.Length > AuditEntry.ActorMaxLength ? actor[..AuditEntry.ActorMaxLength] : actor, Action = "WindowTakenOff", EntityType = nameof(WindowSession), EntityId = windowId.ToString(),
                    Details = JsonSerializer.Serialize(new { staffId, reason, returnedTicket = returned }, AuditJson),
                });
                return OpResult.Ok;
            });
            if (result.Succeeded) closed++;
        }
        return closed;
    }

    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<OpResult> CallNextAsync(int windowId, int staffId)
    {
        List<int> routed;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            routed = await db.Set<WindowQueueRoute>().Where(r => r.WindowId == windowId).Select(r => r.QueueId).ToListAsync();
        }
        using var turn = await callLocks.AcquireAsync(routed);
        return await RunAsync(windowId, staffId, requireSignedIn: true, routed, async ctx =>
        {
            if (ctx.Session.State == WindowState.Paused) return OpResult.Fail(QueueingMessages.Of(WindowErrors.Paused));
            if (ctx.Session.CurrentTicketId is not null) return OpResult.Fail(QueueingMessages.Of(WindowErrors.TicketAtCounter));
            var routes = await ctx.Db.Set<WindowQueueRoute>().Where(r => r.WindowId == windowId).Select(r => new QueueRoute(r.QueueId, r.Precedence)).ToListAsync();
            // A manager moved the window between the two reads: choose only from queues whose turn we hold.
            routes.RemoveAll(r => !routed.Contains(r.QueueId));
            return await CallNextLockedAsync(ctx, windowId, staffId, routes);
        });
    }

    private async Task<OpResult> CallNextLockedAsync(Context ctx, int windowId, int staffId, List<QueueRoute> routes)
    {
        var queueIds = routes.Select(r => r.QueueId).ToList();
        var today = clock.Today;
        // Candidates are read untracked; only the chosen one is attached and changed.
        var candidates = await ctx.Db.Set<Ticket>().AsNoTracking()
            .Where(t => t.ServiceDay == today && t.State == TicketState.Waiting && (queueIds.Contains(t.QueueId) || t.TargetWindowId == windowId))
            .ToListAsync();
        var next = CallPolicy.PickNext(windowId, routes, candidates);
        if (next is null) return OpResult.Fail("当前没有等候的号。");
        ctx.Db.Attach(next);
        next.Call(windowId, staffId, ctx.Now);
        ctx.Session.TakeTicket(next.Id, ctx.Now);
        await ctx.CalledAsync(next, recall: false);
        return OpResult.Ok;
    }

    public Task<OpResult> RecallAsync(int windowId, int staffId) => WithTicketAsync(windowId, staffId, async (ctx, ticket) =>
    {
        if (ticket.Recall(ctx.Now, options.Value.MaxRecalls) == RecallOutcome.MarkedNoShow)
        {
            ctx.Session.ReleaseTicket(ctx.Now);
            ctx.TicketChanged(ticket);
            return OpResult.Notice("已重呼 {0} 次仍未到，已按过号处理。", options.Value.MaxRecalls);
        }
        await ctx.CalledAsync(ticket, recall: true);
        return OpResult.Ok;
    });

    public Task<OpResult> StartAsync(int windowId, int staffId) => WithTicketAsync(windowId, staffId, (ctx, ticket) =>
    {
        ticket.StartService(ctx.Now);
        ctx.TicketChanged(ticket);
        return Task.FromResult(OpResult.Ok);
    });

    public Task<OpResult> CompleteAsync(int windowId, int staffId) => WithTicketAsync(windowId, staffId, (ctx, ticket) =>
    {
        // A counter pad may press "complete" straight after the call: service starts and ends now.
        if (ticket.State == TicketState.Called) ticket.StartService(ctx.Now);
        ticket.Complete(ctx.Now);
        ctx.Session.ReleaseTicket(ctx.Now);
        ctx.TicketChanged(ticket);
        return Task.FromResult(OpResult.Ok);
    });

    public Task<OpResult> NoShowAsync(int windowId, int staffId) => WithTicketAsync(windowId, staffId, (ctx, ticket) =>
    {
        ticket.MarkNoShow(ctx.Now);
        ctx.Session.ReleaseTicket(ctx.Now);
        ctx.TicketChanged(ticket);
        return Task.FromResult(OpResult.Ok);
    });

    /// <param name="note">What the next counter should know (optional); it travels with the ticket.</param>
    public Task<OpResult> ParkAsync(int windowId, int staffId, string? note = null) => WithTicketAsync(windowId, staffId, (ctx, ticket) =>
    {
        ticket.Park(ctx.Now);
        ctx.Note(ticket, TicketNoteKind.Park, note, staffId);
        ctx.Session.ReleaseTicket(ctx.Now);
        ctx.TicketChanged(ticket);
        return Task.FromResult(OpResult.Ok);
    });

    /// <summary>
    /// Calls one named number out of turn (the applicant came back), in its queue's turn like any call. A recent
    /// no-show is put back and called at once; anything this window could not call in its turn is refused with the reason.
    /// </summary>
    public async Task<OpResult> CallNumberAsync(int windowId, int staffId, string? number)
    {
        if (!TicketNumber.TryParse(number?.Trim(), out var parsed)) return OpResult.FailOn("Number", "请输入完整的号码，如 A007。");
        var today = clock.Today;
        int? queueId;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            queueId = await db.Set<Ticket>().Where(t => t.ServiceDay == today && t.Prefix == parsed.Prefix && t.Sequence == parsed.Sequence)
                .Select(t => (int?)t.QueueId).FirstOrDefaultAsync();
        }
        if (queueId is null) return OpResult.FailOn("Number", "今天没有 {0} 号。", parsed.ToString());
        using var turn = await callLocks.AcquireAsync([queueId.Value]);
        return await RunAsync(windowId, staffId, requireSignedIn: true, [queueId.Value], async ctx =>
        {
            if (ctx.Session.State == WindowState.Paused) return OpResult.Fail(QueueingMessages.Of(WindowErrors.Paused));
            if (ctx.Session.CurrentTicketId is not null) return OpResult.Fail(QueueingMessages.Of(WindowErrors.TicketAtCounter));
            var ticket = await ctx.Db.Set<Ticket>().FirstOrDefaultAsync(t => t.ServiceDay == today && t.Prefix == parsed.Prefix && t.Sequence == parsed.Sequence);
            var served = await ctx.Db.Set<WindowQueueRoute>().Where(r => r.WindowId == windowId).Select(r => r.QueueId).ToListAsync();
            var outcome = SpecificCall.Check(ticket, windowId, served, ctx.Now);
            if (outcome is not (SpecificCallOutcome.Call or SpecificCallOutcome.ReinstateAndCall))
                return await SpecificCallRefusalAsync(ctx.Db, outcome, ticket, parsed.ToString());
            if (outcome == SpecificCallOutcome.ReinstateAndCall)
            {
                var waiting = await ctx.Db.Set<Ticket>().AsNoTracking()
                    .Where(t => t.QueueId == ticket!.QueueId && t.ServiceDay == ticket.ServiceDay && t.State == TicketState.Waiting).ToListAsync();
                ticket!.Reinstate(ctx.Now, waiting);
            }
            ticket!.Call(windowId, staffId, ctx.Now);
            ctx.Session.TakeTicket(ticket.Id, ctx.Now);
            await ctx.CalledAsync(ticket, recall: false);
            return OpResult.Notice(outcome == SpecificCallOutcome.ReinstateAndCall ? "已恢复过号并呼叫 {0}。" : "已呼叫 {0}。", parsed.ToString());
        });
    }

    private static async Task<OpResult> SpecificCallRefusalAsync(OpsDbContext db, SpecificCallOutcome outcome, Ticket? ticket, string number)
    {
        async Task<int> WindowNumberAsync(int? id) => await db.Windows.Where(w => w.Id == id).Select(w => w.Number).FirstOrDefaultAsync();
        return outcome switch
        {
            SpecificCallOutcome.Completed => OpResult.FailOn("Number", "{0} 号已办结。", number),
            SpecificCallOutcome.Cancelled => OpResult.FailOn("Number", "{0} 号已取消。", number),
            SpecificCallOutcome.AtACounter => OpResult.FailOn("Number", "{0} 号正在 {1} 号窗口，不能再呼叫。", number, await WindowNumberAsync(ticket!.WindowId)),
            SpecificCallOutcome.ParkedHere => OpResult.FailOn("Number", "{0} 号已在本窗口挂起，请在“挂起与过号”中恢复。", number),
            SpecificCallOutcome.ParkedElsewhere => OpResult.FailOn("Number", "{0} 号挂起于 {1} 号窗口，只能由该窗口恢复。", number, await WindowNumberAsync(ticket!.WindowId)),
            SpecificCallOutcome.ReservedForOtherWindow => OpResult.FailOn("Number", "{0} 号已转给 {1} 号窗口，只能由该窗口呼叫。", number, await WindowNumberAsync(ticket!.TargetWindowId)),
            SpecificCallOutcome.QueueNotServed => OpResult.FailOn("Number", "{0} 号在“{1}”队列等候，本窗口不办理该队列。", number,
                await db.Set<ServiceQueue>().Where(q => q.Id == ticket!.QueueId).Select(q => q.Name).FirstOrDefaultAsync() ?? ""),
            SpecificCallOutcome.NoShowTooLongAgo => OpResult.FailOn("Number", "{0} 号过号已超过 {1} 分钟，请重新取号。", number, (int)Ticket.DefaultReinstateWindow.TotalMinutes),
            _ => OpResult.FailOn("Number", "今天没有 {0} 号。", number),
        };
    }

    /// <summary>Calls a parked ticket back to the window, in its queue's turn like any call.</summary>
    public async Task<OpResult> ResumeParkedAsync(int windowId, int staffId, int ticketId)
    {
        int queueId;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            if (await db.Set<Ticket>().Where(t => t.Id == ticketId).Select(t => (int?)t.QueueId).FirstOrDefaultAsync() is not { } id)
                return OpResult.Fail("没有找到该号。");
            queueId = id;
        }
        using var turn = await callLocks.AcquireAsync([queueId]);
        return await RunAsync(windowId, staffId, requireSignedIn: true, [queueId], async ctx =>
        {
            if (ctx.Session.CurrentTicketId is not null) return OpResult.Fail(QueueingMessages.Of(WindowErrors.TicketAtCounter));
            var ticket = await ctx.Db.Set<Ticket>().FirstAsync(t => t.Id == ticketId);
            ticket.ResumeParked(windowId, staffId, ctx.Now);
            ctx.Session.TakeTicket(ticket.Id, ctx.Now);
            await ctx.CalledAsync(ticket, recall: false);
            return OpResult.Ok;
        });
    }

    /// <summary>A no-show who came back: the ticket rejoins its queue behind the next three waiting.</summary>
    public Task<OpResult> ReinstateAsync(int windowId, int staffId, int ticketId) => RunAsync(windowId, staffId, async ctx =>
    {
        var ticket = await ctx.Db.Set<Ticket>().FirstOrDefaultAsync(t => t.Id == ticketId);
        if (ticket is null) return OpResult.Fail("没有找到该号。");
        var waiting = await ctx.Db.Set<Ticket>().AsNoTracking()
            .Where(t => t.QueueId == ticket.QueueId && t.ServiceDay == ticket.ServiceDay && t.State == TicketState.Waiting).ToListAsync();
        ticket.Reinstate(ctx.Now, waiting);
        ctx.TicketChanged(ticket);
        // Where it stands now, so the counter can tell the applicant (the lane: same queue, no named window).
        var ahead = QueuePosition.PeopleAhead(ticket, waiting);
        var queue = await ctx.Db.Set<ServiceQueue>().Where(q => q.Id == ticket.QueueId).Select(q => q.Name).FirstAsync();
        return OpResult.Notice("{0} 号已恢复，在“{1}”队列排第 {2} 位（前面 {3} 人）。", ticket.Number.ToString(), queue, ahead + 1, ahead);
    });

    public Task<OpResult> TransferToQueueAsync(int windowId, int staffId, int queueId, string? note = null) => WithTicketAsync(windowId, staffId, async (ctx, ticket) =>
    {
        if (!await ctx.Db.Set<ServiceQueue>().AnyAsync(q => q.Id == queueId)) return OpResult.Fail("目标队列不存在。");
        ticket.TransferToQueue(queueId, ctx.Now);
        ctx.Note(ticket, TicketNoteKind.Transfer, note, staffId);
        ctx.Session.ReleaseTicket(ctx.Now);
        ctx.TicketChanged(ticket);
        return OpResult.Ok;
    });

    public Task<OpResult> TransferToWindowAsync(int windowId, int staffId, int targetWindowId, string? note = null) => WithTicketAsync(windowId, staffId, async (ctx, ticket) =>
    {
        if (!await ctx.Db.Windows.AnyAsync(w => w.Id == targetWindowId && w.Active)) return OpResult.Fail("目标窗口不存在或已停用。");
        ticket.TransferToWindow(targetWindowId, ctx.Now);
        ctx.Note(ticket, TicketNoteKind.Transfer, note, staffId);
        ctx.Session.ReleaseTicket(ctx.Now);
        ctx.TicketChanged(ticket);
        return OpResult.Ok;
    });

    public Task<OpResult> PauseAsync(int windowId, int staffId, PauseReason reason, string? note) => RunAsync(windowId, staffId, ctx =>
    {
        ctx.Session.Pause(reason, note, ctx.Now);
        ctx.Changed(new WindowChanged(ctx.Now, windowId));
        return Task.FromResult(OpResult.Ok);
    });

    public Task<OpResult> ResumeAsync(int windowId, int staffId) => RunAsync(windowId, staffId, ctx =>
    {
        ctx.Session.Resume(ctx.Now);
        ctx.Changed(new WindowChanged(ctx.Now, windowId));
        return Task.FromResult(OpResult.Ok);
    });

    private Task<OpResult> WithTicketAsync(int windowId, int staffId, Func<Context, Ticket, Task<OpResult>> action) =>
        RunAsync(windowId, staffId, async ctx =>
        {
            if (ctx.Session.CurrentTicketId is not { } ticketId) return OpResult.Fail(QueueingMessages.Of(WindowErrors.NoTicketAtCounter));
            var ticket = await ctx.Db.Set<Ticket>().FirstAsync(t => t.Id == ticketId);
            return await action(ctx, ticket);
        });

    private Task<OpResult> RunAsync(int windowId, int staffId, Func<Context, Task<OpResult>> action) =>
        RunAsync(windowId, staffId, requireSignedIn: true, [], action);

    private Task<OpResult> RunAsync(int windowId, int staffId, bool requireSignedIn, Func<Context, Task<OpResult>> action) =>
        RunAsync(windowId, staffId, requireSignedIn, [], action);

    /// <param name="queueTurns">Queues whose call turn the action takes (calls); empty for other actions.</param>
    private async Task<OpResult> RunAsync(int windowId, int staffId, bool requireSignedIn, IReadOnlyCollection<int> queueTurns,
        Func<Context, Task<OpResult>> action)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var (result, published) = await ExecuteAsync(db, windowId, staffId, requireSignedIn, queueTurns, action);
        // Published after the commit and outside the write gate: subscribers never see uncommitted state.
        foreach (var e in published) await events.PublishAsync(e);
        return result;
    }

    private async Task<(OpResult Result, IReadOnlyList<HallEvent> Events)> ExecuteAsync(
        OpsDbContext db, int windowId, int staffId, bool requireSignedIn, IReadOnlyCollection<int> queueTurns, Func<Context, Task<OpResult>> action)
    {
        using var turn = await gate.EnterAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        var now = clock.Now;
        var session = await LockSessionAsync(db, windowId, queueTurns);
        if (session is null)
        {
            if (!await db.Windows.AnyAsync(w => w.Id == windowId && w.Active)) return (OpResult.Fail("窗口不存在或已停用。"), []);
            session = new WindowSession(windowId, now);
            db.Add(session);
        }
        if (requireSignedIn && (session.State == WindowState.Closed || session.StaffId != staffId))
        {
            return (OpResult.Fail(session.State == WindowState.Closed ? "请先登录窗口。" : "该窗口已由其他工作人员登录。"), []);
        }
        var ctx = new Context(db, session, now);
        try
        {
            var result = await action(ctx);
            if (!result.Succeeded)
            {
                await tx.RollbackAsync();
                return (result, []);
            }
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return (result, ctx.Events);
        }
        catch (DomainException ex)
        {
            return (OpResult.Fail(QueueingMessages.Of(ex.Message)), []);
        }
        catch (DbUpdateConcurrencyException ex) when (ex.Entries.Any(e => e.Entity is WindowSession))
        {
            return (OpResult.Fail("该窗口刚有其他操作，请刷新后重试。"), []);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (OpResult.Fail("该号刚被其他窗口处理，请刷新后重试。"), []);
        }
        catch (DbUpdateException ex) when (DeskClashes.Of(ex) is { } clash)
        {
            return (clash, []);
        }
    }

    /// <summary>
    /// The window's session, read after the queues' call turns and (PostgreSQL) locked until commit: actions on one
    /// window from two nodes, or a pad and the workstation, take turns and each sees the other's result. SQLite's
    /// write gate and immediate transactions already serialise. Lock order everywhere: queues ascending, then the session.
    /// </summary>
    private async Task<WindowSession?> LockSessionAsync(OpsDbContext db, int windowId, IReadOnlyCollection<int> queueTurns)
    {
        // Windows sharing a queue take turns choosing from it (ADR 0007), then the session; the hall's one lock order.
        await HallLocks.LockQueueTurnsAsync(db, database, queueTurns);
        return await HallLocks.LockSessionAsync(db, database, windowId);
    }

    private sealed class Context(OpsDbContext db, WindowSession session, DateTimeOffset now)
    {
        public OpsDbContext Db { get; } = db;
        public WindowSession Session { get; } = session;
        public DateTimeOffset Now { get; } = now;
        public List<HallEvent> Events { get; } = [];

        public void Changed(HallEvent e) => Events.Add(e);

        public void Note(Ticket t, TicketNoteKind kind, string? text, int staffId)
        {
            if (TicketNote.Write(t.Id, kind, text, Session.WindowId, staffId, Now) is { } note) Db.Add(note);
        }

        public void TicketChanged(Ticket t)
        {
            Events.Add(new Realtime.TicketChanged(Now, t.QueueId, t.Id, t.Number.ToString(), t.State.ToString(), t.WindowId));
            Events.Add(new WindowChanged(Now, Session.WindowId));
        }

        public async Task CalledAsync(Ticket t, bool recall)
        {
            var number = await Db.Windows.Where(w => w.Id == Session.WindowId).Select(w => w.Number).FirstAsync();
            Events.Add(new TicketCalled(Now, t.QueueId, t.Id, t.Number.ToString(), Session.WindowId, number, recall));
            Events.Add(new WindowChanged(Now, Session.WindowId));
        }
    }
}
