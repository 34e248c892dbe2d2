using System.Data.Common;
using System.Linq.Expressions;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using OpsConsole.Data;
using OpsConsole.Data.Auditing;
using OpsConsole.Data.Queueing;
using OpsConsole.Domain.Common;
using OpsConsole.Domain.People;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Common;
using OpsConsole.Realtime;

namespace OpsConsole.Features.Queueing;

/// <summary>What an applicant gets: the number, how many are ahead, the forecast, the status link.</summary>
public sealed record IssuedTicket(int TicketId, string Number, string QueueName, string QueueCode, int PeopleAhead,
    TimeSpan? EstimatedWait, string PublicCode, DateTimeOffset IssuedAt, PriorityClass Priority)
{
    /// <summary>The service item chosen at the kiosk (事项), when chosen by item.</summary>
    public string? ItemName { get; init; }
    public string? ItemCode { get; init; }
    /// <summary>The ID number masked (3713**********0021); the full number is never kept.</summary>
    public string? IdNumberMasked { get; init; }
    /// <summary>Where the queue is served (floor and zone), when known: the kiosk fills it from its menu.</summary>
    public QueuePlace? Place { get; init; }
}

/// <summary>The outcome of an issue; <paramref name="Replayed"/> when a retried request got the ticket its first try committed.</summary>
public sealed record IssueOutcome(IssuedTicket? Ticket, OpResult Result, bool Replayed = false)
{
    /// <summary>An idempotency key already used for another request (another queue or booking).</summary>
    public const string KeyReused = "该请求编号已用于另一次取号，请重新操作。";

    public static IssueOutcome Fail(string message, params object[] args) => new(null, OpResult.Fail(message, args));
}

/// <summary>
/// Issues tickets: kiosk, appointment check-in and manager-issued (green channel). The number
/// comes from a per-(queue, day) counter incremented in the same transaction as the insert, so
/// numbers are gap-free and unique under any concurrency (ADR 0007). Concurrent issues share that
/// transaction and its commit (ADR 0011).
/// </summary>
public sealed class TicketIssuer(
    IDbContextFactory<OpsDbContext> dbFactory, GroupCommit commits, QueueCapacityCache capacities, ICurrentActor actor, CenterClock clock,
    HallEvents events, IOptions<QueueingOptions> options, IWorkingDayCalendar calendar)
{
    /// <summary>
    /// Issues a ticket. With <paramref name="requestCode"/> (from <see cref="RequestCode"/>) the request is idempotent:
    /// a request whose ticket was committed, even if never answered, gets that ticket again.
    /// </summary>
    public async Task<IssueOutcome> IssueAsync(string queueCode, TicketChannel channel, string? idNumber = null,
        PriorityClass? priority = null, CancellationToken ct = default, string? requestCode = null, int? serviceItemId = null)
    {
        if (string.IsNullOrWhiteSpace(queueCode)) return IssueOutcome.Fail("请选择业务。");
        ResidentIdNumber? id = null;
        if (idNumber is not null && !ResidentIdNumber.TryParse(idNumber, clock.Today, out id, out var idError))
            return IssueOutcome.Fail(IdNumberMessages.Of(idError!));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = queueCode.Trim();
        var queue = await QueueNowAsync(db, q => q.Code == code, ct);
        if (queue is null) return IssueOutcome.Fail("没有该业务队列：{0}", queueCode);
        // A replay is answered before any refusal: the ticket exists whatever the queue does now.
        if (requestCode is not null && await ReplayAsync(db, requestCode, t => t.IssuedQueueId == queue.Queue.Id && t.AppointmentId is null, ct) is { } replay)
            return replay;
        if (serviceItemId is { } itemId && !queue.Queue.Covers(itemId)
            && !await db.Set<ServiceQueueItem>().AnyAsync(i => i.ServiceQueueId == queue.Queue.Id && i.ServiceItemId == itemId, ct))
            return IssueOutcome.Fail(ItemNotInQueue);
        return await IssueInAsync(db, queue, channel, id, priority, null, requestCode, ct, serviceItemId);
    }

    /// <summary>The item chosen is not one the queue handles.</summary>
    public const string ItemNotInQueue = "该事项不在此业务队列办理，请重新选择。";

    /// <summary>A 9-digit booking code whose check digit does not fit (<see cref="BookingCode"/>): refused before any lookup.</summary>
    public const string WrongBookingCheckDigit = "预约码有误（校验位不符），请核对后重新输入。";

    /// <summary>The per-ID daily limit of one queue was reached (against scalping, 黄牛).</summary>
    public const string IdLimitReached = "该身份证号今日在本业务已取号 {0} 次，已达上限；如有疑问请到导办台咨询。";

    /// <summary>Checks in an appointment by its booking code and issues its ticket (idempotent with <paramref name="requestCode"/>).</summary>
    public async Task<IssueOutcome> CheckInAsync(string bookingCode, CancellationToken ct = default, string? requestCode = null)
    {
        switch (BookingCode.Check(bookingCode?.Trim()))
        {
            case BookingCodeCheck.Format: return IssueOutcome.Fail("预约码格式不正确。");
            case BookingCodeCheck.WrongCheckDigit: return IssueOutcome.Fail(WrongBookingCheckDigit);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var appointment = await db.Set<Appointment>().AsNoTracking().FirstOrDefaultAsync(a => a.BookingCode == bookingCode!.Trim(), ct);
        if (appointment is null) return IssueOutcome.Fail("没有找到该预约码。");
        if (requestCode is not null && await ReplayAsync(db, requestCode, t => t.AppointmentId == appointment.Id, ct) is { } replay)
            return replay;
        // Checked on this untracked copy to refuse early; the write checks in again in its transaction.
        var result = appointment.CheckIn(clock.Now);
        if (!result.Succeeded) return CheckInRefused(result.Outcome);
        var queue = await QueueNowAsync(db, q => q.Id == appointment.QueueId, ct);
        return await IssueInAsync(db, queue!, TicketChannel.Appointment, null, null, appointment.Id, requestCode, ct);
    }

    /// <summary>The public code that names device <paramref name="deviceId"/>'s request <paramref name="idempotencyKey"/>.</summary>
    public string RequestCode(int deviceId, string idempotencyKey) =>
        KioskRequestKey.PublicCode(options.Value.IdNumberSalt, deviceId, idempotencyKey);

    /// <summary>The ticket a request code already got, if its request was committed (a kiosk asking again after a crash).</summary>
    public async Task<IssueOutcome?> FindAsync(string requestCode, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReplayAsync(db, requestCode, _ => true, ct);
    }

    private async Task<IssueOutcome?> ReplayAsync(OpsDbContext db, string requestCode, Func<Ticket, bool> sameRequest, CancellationToken ct)
    {
        var ticket = await db.Set<Ticket>().AsNoTracking().FirstOrDefaultAsync(t => t.PublicCode == requestCode, ct);
        if (ticket is null) return null;
        return sameRequest(ticket) ? new IssueOutcome(await DescribeAsync(db, ticket, ct), OpResult.Ok, Replayed: true) : IssueOutcome.Fail(IssueOutcome.KeyReused);
    }

    /// <summary>An issued ticket as it stands now: the people still ahead of it and the forecast for them.</summary>
    private async Task<IssuedTicket> DescribeAsync(OpsDbContext db, Ticket ticket, CancellationToken ct)
    {
        var queue = await db.Set<ServiceQueue>().AsNoTracking().Where(q => q.Id == ticket.IssuedQueueId).Select(q => new { q.Name, q.Code }).FirstAsync(ct);
        var ahead = ticket.State != TicketState.Waiting ? 0 : await PeopleAheadAsync(db, ticket, ct);
        var capacity = await capacities.GetAsync(db, ticket.QueueId, ct);
        return await DetailAsync(db, ticket, new IssuedTicket(ticket.Id, ticket.Number.ToString(), queue.Name, queue.Code, ahead,
            WaitForecast.Estimate(ahead, capacity.WindowsServing, capacity.MeanService), ticket.PublicCode, ticket.IssuedAt, ticket.Priority), ct);
    }

    /// <summary>
    /// What the slip prints besides the number: the item and the masked ID. No query without an item (the kiosk's hot
    /// path); the place comes from the kiosk's menu, which already knows it.
    /// </summary>
    private static async Task<IssuedTicket> DetailAsync(OpsDbContext db, Ticket ticket, IssuedTicket issued, CancellationToken ct)
    {
        var item = ticket.ServiceItemId is { } itemId
            ? await db.ServiceItems.AsNoTracking().Where(i => i.Id == itemId).Select(i => new { i.Name, i.Code }).FirstOrDefaultAsync(ct)
            : null;
        return issued with { ItemName = item?.Name, ItemCode = item?.Code, IdNumberMasked = ticket.IdNumberMasked };
    }

    /// <summary>
    /// The tickets of the same lane (queue and target window) that will be called first, in call order
    /// (<see cref="QueuePosition.CallOrder"/>): every higher priority class, then the same class by sort time.
    /// A green-channel ticket behind twelve normal ones has none ahead (issue 10).
    /// </summary>
    private static Task<int> PeopleAheadAsync(OpsDbContext db, Ticket ticket, CancellationToken ct)
    {
        var rank = ticket.Priority.Rank();
        var higher = Enum.GetValues<PriorityClass>().Where(p => p.Rank() < rank).ToList();
        return db.Set<Ticket>().CountAsync(t => t.QueueId == ticket.QueueId && t.ServiceDay == ticket.ServiceDay
            && t.State == TicketState.Waiting && t.Id != ticket.Id && t.TargetWindowId == ticket.TargetWindowId
            && (higher.Contains(t.Priority)
                || t.Priority == ticket.Priority && (t.SortTime < ticket.SortTime || t.SortTime == ticket.SortTime && t.Sequence < ticket.Sequence)), ct);
    }

    /// <summary>A queue with its waiting count and today's last number, as read before an issue.</summary>
    private sealed record QueueNow(ServiceQueue Queue, int Waiting, int IssuedToday);

    /// <summary>One round trip: the queue, how many wait in it today and its counter.</summary>
    private async Task<QueueNow?> QueueNowAsync(OpsDbContext db, Expression<Func<ServiceQueue, bool>> which, CancellationToken ct)
    {
        var today = clock.Today;
        return await db.Set<ServiceQueue>().AsNoTracking().Where(which)
            .Select(q => new QueueNow(q,
                db.Set<Ticket>().Count(t => t.QueueId == q.Id && t.ServiceDay == today && t.State == TicketState.Waiting),
                db.Set<TicketCounter>().Where(c => c.QueueId == q.Id && c.Day == today).Select(c => c.LastSequence).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);
    }

    private async Task<IssueOutcome> IssueInAsync(OpsDbContext db, QueueNow read, TicketChannel channel, ResidentIdNumber? idNumber,
        PriorityClass? priority, int? appointmentId, string? requestCode, CancellationToken ct, int? serviceItemId = null)
    {
        var now = clock.Now;
        var today = clock.Today;
        var queue = read.Queue;
        var capacity = await capacities.GetAsync(db, queue.Id, ct);
        var wait = WaitForecast.Estimate(read.Waiting, capacity.WindowsServing, capacity.MeanService);
        // Green-channel tickets are issued by a manager on purpose: caps and forecasts do not apply.
        // A kiosk ticket for a queue no open window serves would wait for nobody (issue 14 #11): refused; a manager's
        // green channel and a booked appointment are promised, so they are issued and wait for the first window.
        var decision = IssuePolicy.Decide(queue, now, channel == TicketChannel.ManagerIssued ? 0 : read.IssuedToday,
            channel == TicketChannel.ManagerIssued ? null : wait, windowOpen: channel != TicketChannel.Kiosk || capacity.WindowsServing > 0,
            workday: calendar.IsWorkday(today));
        if (!decision.IsAllowed && !(channel == TicketChannel.Appointment && decision.Refusal != IssueRefusal.QueueClosed))
        {
            return IssueOutcome.Fail(decision.Refusal == IssueRefusal.QueueClosed && queue.IssuingStoppedReason is { } reason
                ? "该业务暂停取号：{0}" : QueueingMessages.Of(decision.Refusal!.Value), queue.IssuingStoppedReason ?? "");
        }

        var publicCode = requestCode ?? NewPublicCode();
        var idNumberHash = idNumber is null ? null : HashIdNumber(idNumber.Value);
        var perIdLimit = options.Value.TicketsPerIdPerQueueDay;
        // The cap read above may be stale; the counter upsert enforces it in the transaction.
        var cap = channel == TicketChannel.Kiosk ? queue.DailyCap : null;
        var actorName = await actor.GetNameAsync();
        Issued written;
        var runs = 0;
        try
        {
            written = await commits.RunAsync(queue.Id, actorName, async w =>
            {
                // Run again after a failed group: if that commit did succeed (only its acknowledgement was lost), the
                // ticket is there under its unique public code, and this applicant must get it, not a second number.
                // An idempotent request looks first time too: the same key may have committed from a concurrent request,
                // or sit unsaved earlier in this very group.
                var rerun = runs++ > 0;
                if ((rerun || requestCode is not null) && await w.Set<Ticket>().FirstOrDefaultAsync(t => t.PublicCode == publicCode, ct) is { } committed)
                    return new Issued(committed, null, Replayed: !rerun);
                if (requestCode is not null && w.Set<Ticket>().Local.FirstOrDefault(t => t.PublicCode == publicCode) is { } sameGroup)
                    return new Issued(sameGroup, null, Replayed: true);
                if (appointmentId is { } id && await CheckInAsync(w, id, now) is { } refused) return new Issued(null, refused);
                // The per-ID limit counts inside the shared transaction, this group's unsaved tickets included.
                if (idNumberHash is not null && channel == TicketChannel.Kiosk && perIdLimit > 0)
                {
                    var taken = await w.Set<Ticket>().CountAsync(t => t.IssuedQueueId == queue.Id && t.ServiceDay == today && t.IdNumberHash == idNumberHash, ct)
                                + w.ChangeTracker.Entries<Ticket>().Count(e => e.State == EntityState.Added && e.Entity.IssuedQueueId == queue.Id
                                    && e.Entity.ServiceDay == today && e.Entity.IdNumberHash == idNumberHash);
                    if (taken >= perIdLimit) return new Issued(null, IssueOutcome.Fail(IdLimitReached, perIdLimit));
                }
                var sequence = await NextSequenceAsync(w, queue.Id, today, cap);
                if (sequence is null) return new Issued(null, IssueOutcome.Fail(QueueingMessages.Of(IssueRefusal.DailyCapReached)));
                var ticket = Ticket.Issue(queue, sequence.Value, channel, publicCode, now, idNumberHash, priority, appointmentId)
                    .For(idNumber?.Masked, serviceItemId);
                w.Add(ticket);
                return new Issued(ticket, null);
            }, ct);
        }
        catch (DomainException ex)
        {
            // Thrown before the commit: the transaction was rolled back and the number returned.
            return IssueOutcome.Fail(QueueingMessages.Of(ex.Message));
        }
        if (written.Ticket is not { } issued) return written.Refusal!;
        if (written.Replayed)
        {
            if (issued.IssuedQueueId != queue.Id || issued.AppointmentId != appointmentId) return IssueOutcome.Fail(IssueOutcome.KeyReused);
            return new IssueOutcome(await DescribeAsync(db, issued, ct), OpResult.Ok, Replayed: true);
        }

        await events.PublishAsync(new TicketIssued(now, queue.Id, issued.Id, issued.Number.ToString()));
        // A normal ticket goes behind everyone who waited before it (the count read above, no extra query on the
        // kiosk's hot path); a priority ticket (green channel, appointment) goes ahead of lower classes: count in call order.
        var ahead = issued.Priority == PriorityClass.Normal ? read.Waiting : await PeopleAheadAsync(db, issued, ct);
        if (ahead != read.Waiting) wait = WaitForecast.Estimate(ahead, capacity.WindowsServing, capacity.MeanService);
        return new IssueOutcome(await DetailAsync(db, issued, new IssuedTicket(issued.Id, issued.Number.ToString(), queue.Name, queue.Code, ahead,
            wait, issued.PublicCode, now, issued.Priority), ct), OpResult.Ok);
    }

    /// <summary>What the write in the shared transaction did: added the ticket, or refused without taking a number.</summary>
    private sealed record Issued(Ticket? Ticket, IssueOutcome? Refusal, bool Replayed = false);

    /// <summary>The check-in that counts, inside the issue's transaction; null when it succeeded.</summary>
    private static async Task<IssueOutcome?> CheckInAsync(OpsDbContext db, int appointmentId, DateTimeOffset now)
    {
        var appointment = await db.Set<Appointment>().FirstAsync(a => a.Id == appointmentId);
        var result = appointment.CheckIn(now);
        return result.Succeeded ? null : CheckInRefused(result.Outcome);
    }

    private static IssueOutcome CheckInRefused(CheckInOutcome outcome) => IssueOutcome.Fail(outcome switch
    {
        CheckInOutcome.AlreadyCheckedIn => "该预约码已使用过，不能重复签到。",
        CheckInOutcome.TooEarly => "还未到签到时间：请在预约时段开始前 30 分钟内签到。",
        CheckInOutcome.TooLate => "已超过预约时段 15 分钟，预约作废，请取普通号。",
        _ => "该预约已取消或已失效。",
    });

    /// <summary>
    /// The counter upsert: one statement, row-locked until commit, the same SQL on SQLite and PostgreSQL
    /// (SQL Server: MERGE under HOLDLOCK; written for it, not run here: no SQL Server engine, ADR 0016).
    /// Null when the counter already reached <paramref name="cap"/>: no number is taken (caps are at least 1).
    /// </summary>
    private static async Task<int?> NextSequenceAsync(OpsDbContext db, int queueId, DateOnly day, int? cap)
    {
        var connection = db.Database.GetDbConnection();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        cmd.CommandText = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.SqlServer"
            ? """
              MERGE [TicketCounters] WITH (HOLDLOCK) AS t
              USING (SELECT @queue AS [QueueId], @day AS [Day]) AS s ON t.[QueueId] = s.[QueueId] AND t.[Day] = s.[Day]
              WHEN MATCHED AND t.[LastSequence] < @cap THEN UPDATE SET [LastSequence] = t.[LastSequence] + 1
              WHEN NOT MATCHED THEN INSERT ([QueueId], [Day], [LastSequence]) VALUES (s.[QueueId], s.[Day], 1)
              OUTPUT inserted.[LastSequence];
              """
            : """
              INSERT INTO "TicketCounters" ("QueueId", "Day", "LastSequence") VALUES (@queue, @day, 1)
              ON CONFLICT ("QueueId", "Day") DO UPDATE SET "LastSequence" = "TicketCounters"."LastSequence" + 1
              WHERE "TicketCounters"."LastSequence" < @cap
              RETURNING "LastSequence"
              """;
        AddParameter(cmd, "@queue", queueId);
        AddParameter(cmd, "@day", day);
        AddParameter(cmd, "@cap", cap ?? int.MaxValue);
        return await cmd.ExecuteScalarAsync() is { } sequence and not DBNull ? Convert.ToInt32(sequence) : null;
    }

    private static void AddParameter(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    private static string NewPublicCode() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(9)).Replace('+', '-').Replace('/', '_');

    /// <summary>ID numbers are never stored: only an HMAC with the installation's secret.</summary>
    private string HashIdNumber(string idNumber) => IdNumbers.Hash(options.Value.IdNumberSalt, idNumber);
}
