using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Data;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Common;
using OpsConsole.Features.Queueing;
using OpsConsole.Realtime;

namespace OpsConsole.Features.Notifications;

/// <summary>
/// Sends near-turn notices when a queue moves. It hears the hall's events (a call, a transfer, a no-show…) and
/// looks at that queue on its own loop, so a counter's call never waits for it or for a gateway. A failed send is
/// logged and tried again at the queue's next move, at most <see cref="NearTurnNotice.MaxAttempts"/> times in all.
/// Every <see cref="PurgeEvery"/> phone numbers of past days are blanked.
/// </summary>
public sealed class NearTurnWatcher(IServiceScopeFactory scopes, HallEvents events, CenterClock clock, INearTurnNotifier notifier,
    IOptions<NotificationOptions> options, IOptions<QueueingOptions> queueing, ILogger<NearTurnWatcher> log) : BackgroundService
{
    public static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(10);

    private readonly Channel<int> _queues = Channel.CreateBounded<int>(new BoundedChannelOptions(1024)
        { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    /// <summary>Asks for a look at <paramref name="queueId"/> soon (never blocks).</summary>
    public void Nudge(int queueId) => _queues.Writer.TryWrite(queueId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = events.SubscribeInline(e =>
        {
            switch (e)
            {
                case TicketCalled called: Nudge(called.QueueId); break;
                case TicketChanged changed: Nudge(changed.QueueId); break;
                case TicketIssued issued: Nudge(issued.QueueId); break;
            }
        });
        using var purge = new PeriodicTimer(PurgeEvery);
        var purging = PurgeLoopAsync(purge, stoppingToken);
        try
        {
            await foreach (var queueId in _queues.Reader.ReadAllAsync(stoppingToken))
            {
                // A burst of calls in one queue is one look.
                var batch = new HashSet<int> { queueId };
                while (_queues.Reader.TryRead(out var more)) batch.Add(more);
                foreach (var id in batch)
                {
                    try
                    {
                        await CheckQueueAsync(id, stoppingToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        log.LogWarning(ex, "Near-turn notices of queue {QueueId} could not be checked", id);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await purging;
    }

    private async Task PurgeLoopAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            do
            {
                try
                {
                    await PurgeAsync(ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogWarning(ex, "Phone numbers of past days could not be purged");
                }
            } while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Blanks the phone numbers of notices from before today; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync(ct);
        var today = clock.Today;
        var old = await db.Set<NearTurnNotice>().Where(n => n.ServiceDay < today && n.Phone != "").ToListAsync(ct);
        foreach (var n in old) n.Purge(clock.Now);
        await db.SaveChangesAsync(ct);
        if (old.Count > 0) log.LogInformation("Purged {Count} phone numbers of near-turn notices from past days", old.Count);
        return old.Count;
    }

    /// <summary>Sends the notices of <paramref name="queueId"/> that are due now; returns how many went out.</summary>
    public async Task<int> CheckQueueAsync(int queueId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = clock.Today;
        // By the queue the ticket waits in now: a notice follows its ticket through a transfer.
        var pending = await (from n in db.Set<NearTurnNotice>()
                             join t in db.Set<Ticket>() on n.TicketId equals t.Id
                             where t.QueueId == queueId && n.ServiceDay == today && n.State == NearTurnState.Pending && n.Phone != ""
                             select n).ToListAsync(ct);
        if (pending.Count == 0) return 0;
        var ticketIds = pending.Select(n => n.TicketId).ToList();
        var tickets = await db.Set<Ticket>().AsNoTracking().Where(t => ticketIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var waiting = await db.Set<Ticket>().AsNoTracking().Where(t => t.QueueId == queueId && t.ServiceDay == today && t.State == TicketState.Waiting).ToListAsync(ct);
        var queueName = await db.Set<ServiceQueue>().AsNoTracking().Where(q => q.Id == queueId).Select(q => q.Name).FirstAsync(ct);
        var centerName = await db.Centers.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        var sent = 0;
        foreach (var notice in pending)
        {
            var ticket = tickets[notice.TicketId];
            // Called, cancelled or closed before its time came: nothing to tell.
            if (ticket.State != TicketState.Waiting)
            {
                notice.Drop();
                continue;
            }
            var ahead = QueuePosition.PeopleAhead(ticket, waiting);
            if (!notice.IsDue(ahead)) continue;
            notice.Claim();
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another node took it.
                db.Entry(notice).State = EntityState.Detached;
                continue;
            }
            var message = new NearTurnMessage(notice.Phone, notice.PhoneMasked, ticket.Number.ToString(), queueName, ahead, centerName,
                StatusUrl(ticket.PublicCode));
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.Value.TimeoutSeconds)));
                await notifier.SendAsync(message, timeout.Token);
                notice.MarkSent(clock.Now);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                notice.MarkFailed($"{notifier.Channel}: {ex.GetType().Name}: {ex.Message}");
                log.LogWarning(ex, "Near-turn notice {NoticeId} to {Phone} by {Channel} failed (attempt {Attempt} of {Max})",
                    notice.Id, notice.PhoneMasked, notifier.Channel, notice.Attempts, NearTurnNotice.MaxAttempts);
            }
            await db.SaveChangesAsync(ct);
        }
        await db.SaveChangesAsync(ct);
        return sent;
    }

    private string StatusUrl(string publicCode)
    {
        var root = queueing.Value.PublicBaseUrl;
        return (string.IsNullOrWhiteSpace(root) ? "" : root.TrimEnd('/')) + "/t/" + Uri.EscapeDataString(publicCode);
    }
}
