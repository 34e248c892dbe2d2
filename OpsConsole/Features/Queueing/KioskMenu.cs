using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Data;
using OpsConsole.Domain.Common;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Queueing;

/// <summary>
/// What the kiosk and the kiosk API offer: every queue with its zone, waiting count, forecast and,
/// when the kiosk would refuse it now, the reason (message and stable code).
/// </summary>
public sealed class KioskMenu(IDbContextFactory<OpsDbContext> dbFactory, QueueQueries queries, CenterClock clock, IOptions<QueueingOptions> options,
    IWorkingDayCalendar calendar)
{
    public sealed record KioskQueue(string Code, QueuePrefix Prefix, string Name, int Waiting, TimeSpan? EstimatedWait,
        bool Issuing, string? Reason, string? ReasonCode, string? ReasonDetail, string ZoneCode, string ZoneName)
    {
        /// <summary>The opening hours as applicants read them ("09:00–12:00、13:00–17:00").</summary>
        public string Hours { get; init; } = "";
        /// <summary>When the queue opens next, if it is outside its hours now (center time).</summary>
        public DateTimeOffset? NextOpening { get; init; }
        /// <summary>The floor of <see cref="ZoneCode"/>; 0 when unknown.</summary>
        public int FloorLevel { get; init; }
    }

    public sealed record KioskZone(string Code, string Name, IReadOnlyList<KioskQueue> Queues);

    /// <summary>Every queue, refusals decided with the same policy the issuer applies.</summary>
    public async Task<IReadOnlyList<KioskQueue>> QueuesAsync(CancellationToken ct = default)
    {
        var summaries = await queries.QueuesAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var queues = await db.Set<ServiceQueue>().AsNoTracking().ToDictionaryAsync(q => q.Id, ct);
        // A queue's zone is where most of the windows serving it first (precedence 1) are.
        var routes = await (from r in db.Set<WindowQueueRoute>()
                            join w in db.Windows on r.WindowId equals w.Id
                            join z in db.Zones on w.ZoneId equals z.Id
                            join f in db.Floors on z.FloorId equals f.Id
                            select new { r.QueueId, r.Precedence, z.Code, z.Name, f.Level }).ToListAsync(ct);
        var zoneOf = routes.GroupBy(r => r.QueueId).ToDictionary(g => g.Key,
            g => g.OrderBy(r => r.Precedence).GroupBy(r => (r.Code, r.Name)).OrderByDescending(z => z.Count()).First().Key);
        var floorOf = routes.GroupBy(r => (r.Code, r.Name)).ToDictionary(g => g.Key, g => g.First().Level);
        var now = clock.Now;
        return summaries.Select(s =>
        {
            var queue = queues[s.QueueId];
            var decision = IssuePolicy.Decide(queue, now, s.IssuedToday, s.WindowsOpen == 0 ? null : s.EstimatedWait, windowOpen: s.WindowsOpen > 0,
                workday: calendar.IsWorkday(DateOnly.FromDateTime(now.DateTime)));
            var zone = zoneOf.TryGetValue(s.QueueId, out var z) ? z : ("", "");
            return new KioskQueue(s.Code, s.Prefix, s.Name, s.Waiting, s.EstimatedWait, decision.IsAllowed,
                decision.Refusal is { } r ? QueueingMessages.Of(r) : null, decision.Refusal is { } r2 ? CodeOf(r2) : null,
                decision.Refusal == IssueRefusal.QueueClosed ? s.StoppedReason : null, zone.Item1, zone.Item2)
            {
                Hours = s.Hours,
                NextOpening = decision.Refusal == IssueRefusal.OutsideOpeningHours || !s.OpenNow ? QueueHours.NextOpening(queue, now, calendar) : null,
                FloorLevel = floorOf.GetValueOrDefault(zone),
            };
        }).ToList();
    }

    /// <summary>The queues grouped by zone, zones in code order (queues without a zone last).</summary>
    public static IReadOnlyList<KioskZone> ByZone(IEnumerable<KioskQueue> queues) =>
        queues.GroupBy(q => (q.ZoneCode, q.ZoneName))
            .OrderBy(g => g.Key.ZoneCode == "" ? 1 : 0).ThenBy(g => g.Key.ZoneCode, StringComparer.Ordinal)
            .Select(g => new KioskZone(g.Key.ZoneCode, g.Key.ZoneName, g.OrderBy(q => q.Prefix).ToList())).ToList();

    public sealed record QueueRef(int Id, string Code);

    /// <summary>
    /// Finds a queue by its code ("BDC") or its prefix ("A", "BD"), case-insensitive. The code is
    /// tried first, so a two-letter prefix that spells another queue's code finds that queue.
    /// </summary>
    public async Task<QueueRef?> ResolveQueueAsync(string? queue, CancellationToken ct = default)
    {
        var key = queue?.Trim();
        if (string.IsNullOrEmpty(key)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var all = await db.Set<ServiceQueue>().AsNoTracking().Select(q => new { q.Id, q.Code, q.Prefix }).ToListAsync(ct);
        var found = all.FirstOrDefault(q => string.Equals(q.Code, key, StringComparison.OrdinalIgnoreCase))
                    ?? (QueuePrefix.TryParse(key, out var prefix) ? all.FirstOrDefault(q => q.Prefix == prefix) : null);
        return found is null ? null : new QueueRef(found.Id, found.Code);
    }

    /// <summary>The center's name printed on slips.</summary>
    public async Task<string> CenterNameAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Centers.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
    }

    /// <summary>The public status address of a ticket: the configured base URL, else <paramref name="requestBase"/>.</summary>
    public string StatusUrl(string publicCode, string requestBase)
    {
        var configured = options.Value.PublicBaseUrl;
        var root = string.IsNullOrWhiteSpace(configured) ? requestBase : configured;
        return root.TrimEnd('/') + "/t/" + Uri.EscapeDataString(publicCode);
    }

    /// <summary>Stable codes of refusals, for the API and for tests.</summary>
    public static string CodeOf(IssueRefusal refusal) => refusal switch
    {
        IssueRefusal.QueueClosed => "queue_closed",
        IssueRefusal.DailyCapReached => "daily_cap",
        IssueRefusal.ForecastPastClosing => "past_closing",
        IssueRefusal.OutsideOpeningHours => "outside_hours",
        IssueRefusal.NoWindowServing => "no_window",
        _ => "refused",
    };

    /// <summary>The stable code of an issuer's error message (the messages are the issuer's own keys).</summary>
    public static string CodeOf(OpResult result)
    {
        var error = result.Error ?? "";
        foreach (var refusal in Enum.GetValues<IssueRefusal>())
        {
            if (error == QueueingMessages.Of(refusal)) return CodeOf(refusal);
        }
        return error switch
        {
            "该业务暂停取号：{0}" => "queue_closed",
            "没有该业务队列：{0}" or "请选择业务。" => "unknown_queue",
            "身份证号格式不正确。" => "invalid_id_number",
            _ when IdNumberMessages.All.Contains(error) => "invalid_id_number",
            TicketIssuer.IdLimitReached => "id_limit",
            TicketIssuer.ItemNotInQueue => "item_not_in_queue",
            "预约码格式不正确。" or TicketIssuer.WrongBookingCheckDigit => "invalid_booking_code",
            "没有找到该预约码。" => "unknown_booking",
            "该预约码已使用过，不能重复签到。" => "booking_used",
            "还未到签到时间：请在预约时段开始前 30 分钟内签到。" => "booking_too_early",
            "已超过预约时段 15 分钟，预约作废，请取普通号。" => "booking_too_late",
            "该预约已取消或已失效。" => "booking_cancelled",
            IssueOutcome.KeyReused => "idempotency_key_reused",
            _ => "refused",
        };
    }
}
