using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Reports;

/// <summary>
/// The daily operations report (日运行报告) for one day or a range: tickets by queue and hour, wait
/// and service time distributions, no-shows, satisfaction, busiest windows.
/// </summary>
public sealed class DailyOperationsReport(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock)
{
    /// <summary>Upper bounds (minutes) of the wait and service time buckets; the last is open.</summary>
    public static readonly int[] Buckets = [5, 10, 20, 30, 60];

    public const int MaxDays = 92;

    public sealed record QueueLine(string Code, QueuePrefix Prefix, string Name, int Issued, int Served, int NoShows, TimeSpan? MeanWait,
        TimeSpan? MeanService, double? ServiceLevel);

    public sealed record WindowLine(int Number, string Name, int Served, TimeSpan? MeanService);

    public sealed record Report(DateOnly From, DateOnly To, int Issued, int Served, int NoShows, int Cancelled, TimeSpan? MeanWait,
        TimeSpan? MeanService, IReadOnlyList<QueueLine> Queues, IReadOnlyList<int> Hours, IReadOnlyDictionary<string, int[]> IssuedByQueueAndHour,
        int[] WaitBuckets, int[] ServiceBuckets, IReadOnlyDictionary<SatisfactionLevel, int> Satisfaction, IReadOnlyList<WindowLine> BusiestWindows)
    {
        public double? NoShowRate => Issued == 0 ? null : (double)NoShows / Issued;
        public double? SatisfiedRate
        {
            get
            {
                var total = Satisfaction.Values.Sum();
                return total == 0 ? null : (double)Satisfaction.Where(kv => !kv.Key.IsBad()).Sum(kv => kv.Value) / total;
            }
        }
    }

    private sealed record Row(int Id, int QueueId, int? WindowId, TicketState State, DateTimeOffset IssuedAt, DateTimeOffset? FirstCalledAt,
        DateTimeOffset? ServiceStartedAt, DateTimeOffset? CompletedAt, bool ClosedAtEndOfDay);

    public async Task<Report> ForAsync(DateOnly first, DateOnly last, CancellationToken ct = default)
    {
        if (last < first) (first, last) = (last, first);
        if (last.DayNumber - first.DayNumber >= MaxDays) first = last.AddDays(-(MaxDays - 1));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<Ticket>().AsNoTracking().Where(t => t.ServiceDay >= first && t.ServiceDay <= last)
            .Select(t => new Row(t.Id, t.QueueId, t.WindowId, t.State, t.IssuedAt, t.FirstCalledAt, t.ServiceStartedAt, t.CompletedAt, t.ClosedAtEndOfDay))
            .ToListAsync(ct);
        var queues = await db.Set<ServiceQueue>().AsNoTracking().OrderBy(q => q.Prefix).ToListAsync(ct);
        var windows = await db.Windows.AsNoTracking().ToDictionaryAsync(w => w.Id, ct);
        var satisfaction = await (from e in db.Set<Evaluation>()
                                  join t in db.Set<Ticket>() on e.TicketId equals t.Id
                                  where t.ServiceDay >= first && t.ServiceDay <= last
                                  group e by e.Level into g
                                  select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        static TimeSpan? Wait(Row r) => r.FirstCalledAt - r.IssuedAt;
        static TimeSpan? Service(Row r) => (r.State == TicketState.Completed && !r.ClosedAtEndOfDay) ? r.CompletedAt - r.ServiceStartedAt : null;
        static TimeSpan? Mean(IEnumerable<TimeSpan?> xs)
        {
            var list = xs.Where(x => x is not null).Select(x => x!.Value.Ticks).ToList();
            return list.Count == 0 ? null : TimeSpan.FromTicks((long)list.Average());
        }

        var queueLines = queues.Select(q =>
        {
            var mine = rows.Where(r => r.QueueId == q.Id).ToList();
            var waits = mine.Select(Wait).Where(w => w is not null).ToList();
            return new QueueLine(q.Code, q.Prefix, q.Name, mine.Count, mine.Count(r => r.State == TicketState.Completed),
                mine.Count(r => r.State == TicketState.NoShow), Mean(waits), Mean(mine.Select(Service)),
                waits.Count == 0 ? null : (double)waits.Count(w => w <= q.TargetWait) / waits.Count);
        }).Where(l => l.Issued > 0).ToList();

        var hours = Enumerable.Range(8, 10).ToList();
        var byQueueHour = queues.ToDictionary(q => $"{q.Prefix} {q.Name}", q => hours.Select(h =>
            rows.Count(r => r.QueueId == q.Id && clock.ToLocal(r.IssuedAt).Hour == h)).ToArray());
        int[] Bucketise(IEnumerable<TimeSpan?> values)
        {
            var counts = new int[Buckets.Length + 1];
            foreach (var v in values.Where(v => v is not null))
            {
                var minutes = v!.Value.TotalMinutes;
                var i = Array.FindIndex(Buckets, b => minutes < b);
                counts[i < 0 ? Buckets.Length : i]++;
            }
            return counts;
        }

        var busiest = rows.Where(r => r.State == TicketState.Completed && r.WindowId is not null).GroupBy(r => r.WindowId!.Value)
            .Select(g => new WindowLine(windows[g.Key].Number, windows[g.Key].Name, g.Count(), Mean(g.Select(Service))))
            .OrderByDescending(w => w.Served).Take(10).ToList();

        return new Report(first, last, rows.Count, rows.Count(r => r.State == TicketState.Completed), rows.Count(r => r.State == TicketState.NoShow),
            rows.Count(r => r.State == TicketState.Cancelled), Mean(rows.Select(Wait)), Mean(rows.Select(Service)), queueLines, hours,
            byQueueHour.Where(kv => kv.Value.Sum() > 0).ToDictionary(), Bucketise(rows.Select(Wait)), Bucketise(rows.Select(Service)), satisfaction, busiest);
    }
}
