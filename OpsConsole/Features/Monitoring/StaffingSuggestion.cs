using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Staffing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Monitoring;

/// <summary>
/// How many windows each queue needs per hour of a day (Erlang C on the arrivals forecast from the
/// last 8 same weekdays and the queue's recent mean service time) beside the windows it has.
/// </summary>
public sealed class StaffingSuggestion(IDbContextFactory<OpsDbContext> dbFactory, ResolvedDatabase database, CenterClock clock)
{
    public const double ServiceLevelGoal = 0.8;
    public static readonly int[] OpenHours = [9, 10, 11, 13, 14, 15, 16];

    public sealed record QueueInfo(int QueueId, string Code, QueuePrefix Prefix, string Name, TimeSpan MeanService, TimeSpan TargetWait);

    /// <param name="FromRoster">Whether the windows come from the day's roster (else from the windows staffed now).</param>
    public sealed record Result(DateOnly Day, IReadOnlyList<QueueInfo> Queues, IReadOnlyList<StaffingHour> Hours, TimeSpan Took, bool FromRoster);

    public async Task<Result> ForAsync(DateOnly day, CancellationToken ct = default)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sameWeekdays = Enumerable.Range(1, ArrivalForecast.Weeks).Select(w => day.AddDays(-7 * w)).ToList();
        // One aggregate over the last 8 same weekdays: arrivals per 15 minutes (UTC) and the service
        // times of the tickets completed on those days (the same weekdays also shape service times).
        var slots = await SlotsAsync(db, sameWeekdays, ct);
        var history = slots.Select(s => new HourlyArrivals(s.IssuedQueueId, s.ServiceDay, clock.ToLocal(SlotStart(s.Slot)).Hour, s.Issued));
        var forecast = ArrivalForecast.For(day, history);
        var mean = slots.Where(s => s.Served > 0).GroupBy(s => s.QueueId)
            .ToDictionary(g => g.Key, g => TimeSpan.FromTicks((long)(g.Sum(s => s.ServiceTicks) / (double)g.Sum(s => s.Served))));

        var queues = (await db.Set<ServiceQueue>().AsNoTracking().OrderBy(q => q.Prefix).ToListAsync(ct))
            .Select(q => new QueueInfo(q.Id, q.Code, q.Prefix, q.Name, mean.GetValueOrDefault(q.Id, WaitForecast.DefaultMeanServiceTime), q.TargetWait)).ToList();

        // Rostered = windows on the day's roster whose first-choice queue it is, by half-day; a day without
        // any roster falls back to the staffed windows that serve the queue first right now.
        var firstChoice = await db.Set<WindowQueueRoute>().AsNoTracking().Where(r => r.Precedence == 1)
            .Select(r => new { r.WindowId, r.QueueId }).ToListAsync(ct);
        var rostered = await db.Set<RosterEntry>().AsNoTracking().Where(r => r.Day == day)
            .Select(r => new { r.WindowId, r.HalfDay }).Distinct().ToListAsync(ct);
        Func<int, int, int> windowsFor;
        if (rostered.Count > 0)
        {
            var perHalf = (from r in rostered
                           join f in firstChoice on r.WindowId equals f.WindowId
                           group r by (f.QueueId, r.HalfDay) into g
                           select (g.Key, g.Count())).ToDictionary(x => x.Key, x => x.Item2);
            windowsFor = (queueId, hour) => perHalf.GetValueOrDefault((queueId, hour < 12 ? HalfDay.Morning : HalfDay.Afternoon));
        }
        else
        {
            var open = (await db.Set<WindowSession>().AsNoTracking().Where(s => s.State != WindowState.Closed).Select(s => s.WindowId).ToListAsync(ct)).ToHashSet();
            var staffed = firstChoice.Where(f => open.Contains(f.WindowId)).GroupBy(f => f.QueueId).ToDictionary(g => g.Key, g => g.Count());
            windowsFor = (queueId, _) => staffed.GetValueOrDefault(queueId);
        }

        var plan = StaffingPlan.Suggest(queues.Select(q => new QueueStaffingInput(q.QueueId, q.MeanService, q.TargetWait, ServiceLevelGoal)),
            forecast, (queueId, hour) => windowsFor(queueId, hour), OpenHours);
        return new Result(day, queues, plan, started.Elapsed, rostered.Count > 0);
    }

    /// <summary>Tickets of a (issuing queue, current queue, day, quarter hour): how many were issued, and served with a trustworthy time.</summary>
    private sealed class ArrivalSlot
    {
        public int IssuedQueueId { get; init; }
        public int QueueId { get; init; }
        public DateOnly ServiceDay { get; init; }
        /// <summary>Quarter hours since 1970-01-01 UTC: every time zone's offset is a whole number of them.</summary>
        public long Slot { get; init; }
        public int Issued { get; init; }
        public int Served { get; init; }
        public long ServiceTicks { get; init; }
    }

    private static readonly TimeSpan SlotLength = TimeSpan.FromMinutes(15);

    private static DateTimeOffset SlotStart(long slot) => DateTimeOffset.UnixEpoch + slot * SlotLength;

    /// <summary>
    /// Grouped in the database so only a few thousand rows come back instead of every ticket. Times are
    /// UTC ticks on SQLite and timestamptz on PostgreSQL; the rest of the statement is the same.
    /// </summary>
    private async Task<List<ArrivalSlot>> SlotsAsync(OpsDbContext db, List<DateOnly> days, CancellationToken ct)
    {
        var (slot, serviceTicks) = database.Provider == DatabaseProvider.Postgres
            ? ("""floor(extract(epoch FROM "IssuedAt") / 900)::bigint""",
               """(extract(epoch FROM ("CompletedAt" - "ServiceStartedAt")) * 10000000)::bigint""")
            : ($"""("IssuedAt" - {DateTimeOffset.UnixEpoch.UtcTicks}) / {SlotLength.Ticks}""",
               "\"CompletedAt\" - \"ServiceStartedAt\"");
        const string served = """
            "State" = 'Completed' AND NOT "ClosedAtEndOfDay" AND "ServiceStartedAt" IS NOT NULL AND "CompletedAt" IS NOT NULL
            """;
        var sql = $"""
            SELECT "IssuedQueueId", "QueueId", "ServiceDay", {slot} AS "Slot", CAST(COUNT(*) AS integer) AS "Issued",
                   CAST(SUM(CASE WHEN {served} THEN 1 ELSE 0 END) AS integer) AS "Served",
                   CAST(SUM(CASE WHEN {served} THEN {serviceTicks} ELSE 0 END) AS bigint) AS "ServiceTicks"
            FROM "Tickets"
            WHERE "ServiceDay" IN ({string.Join(", ", days.Select((_, i) => $"{{{i}}}"))})
            GROUP BY "IssuedQueueId", "QueueId", "ServiceDay", {slot}
            """;
        return await db.Database.SqlQueryRaw<ArrivalSlot>(sql, days.Cast<object>().ToArray()).ToListAsync(ct);
    }
}
