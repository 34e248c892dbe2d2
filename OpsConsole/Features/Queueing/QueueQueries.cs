using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.People;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Queueing;

/// <summary>Read models of the hall for pages, devices and the public status page.</summary>
public sealed class QueueQueries(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock, OpsConsole.Domain.Common.IWorkingDayCalendar calendar)
{
    public sealed record QueueSummary(int QueueId, string Code, QueuePrefix Prefix, string Name, int Waiting, int WindowsOpen,
        bool IsIssuing, string? StoppedReason, TimeSpan TargetWait, TimeSpan? EstimatedWait, int IssuedToday)
    {
        /// <summary>Within the queue's opening hours on a working day of the center's calendar when the summary was read (center time).</summary>
        public bool OpenNow { get; init; } = true;
        /// <summary>When the queue opens next if it is closed now (later today, or the next working day); null when open.</summary>
        public DateTimeOffset? NextOpening { get; init; }
        /// <summary>The opening hours as applicants read them: "09:00–12:00、13:30–17:00".</summary>
        public string Hours { get; init; } = "";
    }

    /// <summary>Every queue with today's waiting count, open windows serving it and the forecast for a new ticket.</summary>
    public async Task<IReadOnlyList<QueueSummary>> QueuesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = clock.Today;
        var queues = await db.Set<ServiceQueue>().AsNoTracking().OrderBy(q => q.Prefix).ToListAsync(ct);
        var waiting = await db.Set<Ticket>().Where(t => t.ServiceDay == today && t.State == TicketState.Waiting)
            .GroupBy(t => t.QueueId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var open = await (from r in db.Set<WindowQueueRoute>()
                          join s in db.Set<WindowSession>() on r.WindowId equals s.WindowId
                          where s.State != WindowState.Closed
                          select new { r.QueueId, s.WindowId }).ToListAsync(ct);
        var openByQueue = open.GroupBy(x => x.QueueId).ToDictionary(g => g.Key, g => g.Select(x => x.WindowId).Distinct().Count());
        var issued = await db.Set<Data.Queueing.TicketCounter>().Where(c => c.Day == today).ToDictionaryAsync(c => c.QueueId, c => c.LastSequence, ct);
        var means = await RecentMeanServiceTimesAsync(db, ct);
        var now = clock.Now;
        return queues.Select(q =>
        {
            var w = waiting.GetValueOrDefault(q.Id);
            var windows = openByQueue.GetValueOrDefault(q.Id);
            return new QueueSummary(q.Id, q.Code, q.Prefix, q.Name, w, windows, q.IsIssuing, q.IssuingStoppedReason, q.TargetWait,
                WaitForecast.Estimate(w, windows, means.GetValueOrDefault(q.Id, WaitForecast.DefaultMeanServiceTime)), issued.GetValueOrDefault(q.Id))
            {
                OpenNow = QueueHours.IsOpen(q, now, calendar),
                NextOpening = QueueHours.NextOpening(q, now, calendar),
                Hours = string.Join("、", q.OpeningPeriods.Select(p => $"{p.Opens:HH\\:mm}–{p.Closes:HH\\:mm}")),
            };
        }).ToList();
    }

    private static async Task<Dictionary<int, TimeSpan>> RecentMeanServiceTimesAsync(OpsDbContext db, CancellationToken ct)
    {
        // The last completed tickets per queue (bounded): enough for the forecast, cheap to read.
        var recent = await db.Set<Ticket>().AsNoTracking().Where(t => t.State == TicketState.Completed)
            .OrderByDescending(t => t.Id).Take(2000).ToListAsync(ct);
        return recent.GroupBy(t => t.QueueId).ToDictionary(g => g.Key, g => WaitForecast.MeanServiceTime(g));
    }

    public sealed record CounterView(Window Window, WindowSession Session, Staff? Staff, Ticket? Current, ServiceQueue? CurrentQueue,
        IReadOnlyList<QueueSummary> Queues, IReadOnlyList<Ticket> Parked, IReadOnlyList<Ticket> RecentNoShows,
        int ServedToday, TimeSpan? MeanServiceToday);

    /// <summary>Everything the counter workstation of one window shows.</summary>
    public async Task<CounterView?> CounterAsync(int windowId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var window = await db.Windows.AsNoTracking().Include(w => w.Zone).Include(w => w.Department).FirstOrDefaultAsync(w => w.Id == windowId, ct);
        if (window is null) return null;
        var session = await db.Set<WindowSession>().AsNoTracking().FirstOrDefaultAsync(s => s.WindowId == windowId, ct)
                      ?? new WindowSession(windowId, clock.Now);
        var staff = session.StaffId is { } sid ? await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sid, ct) : null;
        var current = session.CurrentTicketId is { } tid ? await db.Set<Ticket>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == tid, ct) : null;
        var currentQueue = current is null ? null : await db.Set<ServiceQueue>().AsNoTracking().FirstOrDefaultAsync(q => q.Id == current.QueueId, ct);
        var routed = await db.Set<WindowQueueRoute>().Where(r => r.WindowId == windowId).Select(r => r.QueueId).ToListAsync(ct);
        var today = clock.Today;
        var parked = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.ServiceDay == today && t.State == TicketState.Parked && t.WindowId == windowId).OrderBy(t => t.ParkedAt).ToListAsync(ct);
        var noShowSince = clock.Now - Ticket.DefaultReinstateWindow;
        var noShows = (await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.ServiceDay == today && t.State == TicketState.NoShow && t.WindowId == windowId).ToListAsync(ct))
            .Where(t => t.NoShowAt >= noShowSince).OrderByDescending(t => t.NoShowAt).ToList();
        var served = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.ServiceDay == today && t.State == TicketState.Completed && t.WindowId == windowId).ToListAsync(ct);
        var durations = served.Where(t => t.ServiceDuration is not null).Select(t => t.ServiceDuration!.Value).ToList();
        var queues = (await QueuesAsync(ct)).Where(q => routed.Contains(q.QueueId)).ToList();
        return new CounterView(window, session, staff, current, currentQueue, queues, parked, noShows, served.Count,
            durations.Count == 0 ? null : TimeSpan.FromTicks((long)durations.Average(d => d.Ticks)));
    }

    public sealed record PublicTicketStatus(string Number, string QueueName, TicketState State, int PeopleAhead,
        TimeSpan? EstimatedWait, int? WindowNumber, string? WindowName, DateTimeOffset IssuedAt, int QueueId);

    /// <summary>The public status of a ticket by its code: no personal data.</summary>
    public async Task<PublicTicketStatus?> StatusAsync(string publicCode, CancellationToken ct = default)
    {
        if (!Ticket.IsValidPublicCode(publicCode)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await db.Set<Ticket>().AsNoTracking().FirstOrDefaultAsync(t => t.PublicCode == publicCode, ct);
        if (ticket is null) return null;
        var queue = await db.Set<ServiceQueue>().AsNoTracking().FirstAsync(q => q.Id == ticket.QueueId, ct);
        var ahead = 0;
        TimeSpan? wait = null;
        if (ticket.State == TicketState.Waiting)
        {
            var waiting = await db.Set<Ticket>().AsNoTracking()
                .Where(t => t.QueueId == ticket.QueueId && t.ServiceDay == ticket.ServiceDay && t.State == TicketState.Waiting).ToListAsync(ct);
            ahead = QueuePosition.PeopleAhead(ticket, waiting);
            var summary = (await QueuesAsync(ct)).First(q => q.QueueId == queue.Id);
            var mean = summary.EstimatedWait is { } est && summary.Waiting > 0 && summary.WindowsOpen > 0
                ? est * summary.WindowsOpen / summary.Waiting : WaitForecast.DefaultMeanServiceTime;
            wait = WaitForecast.Estimate(ahead, summary.WindowsOpen, mean);
        }
        Window? window = ticket.WindowId is { } wid && ticket.State is TicketState.Called or TicketState.Serving
            ? await db.Windows.AsNoTracking().FirstOrDefaultAsync(w => w.Id == wid, ct) : null;
        return new PublicTicketStatus(ticket.Number.ToString(), queue.Name, ticket.State, ahead, wait, window?.Number, window?.Name,
            clock.ToLocal(ticket.IssuedAt), queue.Id);
    }

    public sealed record CallRecord(string Number, int WindowNumber, string QueueName, DateTimeOffset At);

    /// <summary>Today's latest calls, newest first (the lobby display's list).</summary>
    public async Task<IReadOnlyList<CallRecord>> RecentCallsAsync(int count, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = clock.Today;
        var rows = await (from t in db.Set<Ticket>()
                          join w in db.Windows on t.WindowId equals w.Id
                          join q in db.Set<ServiceQueue>() on t.QueueId equals q.Id
                          where t.ServiceDay == today && t.LastCalledAt != null
                          orderby t.LastCalledAt descending
                          select new { t.Prefix, t.Sequence, w.Number, q.Name, t.LastCalledAt }).Take(count).ToListAsync(ct);
        return rows.Select(r => new CallRecord(new TicketNumber(r.Prefix, r.Sequence).ToString(), r.Number, r.Name, clock.ToLocal(r.LastCalledAt!.Value))).ToList();
    }

    /// <summary>The window a staff member is signed in to, if any.</summary>
    public async Task<int?> SignedInWindowAsync(int staffId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<WindowSession>().Where(s => s.StaffId == staffId).Select(s => (int?)s.WindowId).FirstOrDefaultAsync(ct);
    }
}
