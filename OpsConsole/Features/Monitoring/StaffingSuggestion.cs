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
public sealed class StaffingSuggestion(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock)
{
    public const double ServiceLevelGoal = 0.8;
    public static readonly int[] OpenHours = [9, 10, 11, 13, 14, 15, 16];

    public sealed record QueueInfo(int QueueId, string Code, char Prefix, string Name, TimeSpan MeanService, TimeSpan TargetWait);

    /// <param name="FromRoster">Whether the windows come from the day's roster (else from the windows staffed now).</param>
    public sealed record Result(DateOnly Day, IReadOnlyList<QueueInfo> Queues, IReadOnlyList<StaffingHour> Hours, TimeSpan Took, bool FromRoster);

    public async Task<Result> ForAsync(DateOnly day, CancellationToken ct = default)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sameWeekdays = Enumerable.Range(1, ArrivalForecast.Weeks).Select(w => day.AddDays(-7 * w)).ToList();
        // One read of the last 8 same weekdays: arrivals per hour and the service times of the
        // tickets completed on those days (the same weekdays also shape service times).
        var rows = await db.Set<Ticket>().AsNoTracking()
            .Where(t => sameWeekdays.Contains(t.ServiceDay))
            .Select(t => new { t.IssuedQueueId, t.QueueId, t.ServiceDay, t.IssuedAt, t.State, t.ClosedAtEndOfDay, t.ServiceStartedAt, t.CompletedAt })
            .ToListAsync(ct);
        var history = rows.GroupBy(t => (t.IssuedQueueId, t.ServiceDay, clock.ToLocal(t.IssuedAt).Hour))
            .Select(g => new HourlyArrivals(g.Key.IssuedQueueId, g.Key.ServiceDay, g.Key.Hour, g.Count()));
        var forecast = ArrivalForecast.For(day, history);
        var mean = rows.Where(d => d.State == TicketState.Completed && !d.ClosedAtEndOfDay && d.ServiceStartedAt is not null && d.CompletedAt is not null)
            .GroupBy(d => d.QueueId)
            .ToDictionary(g => g.Key, g => TimeSpan.FromTicks((long)g.Average(d => (d.CompletedAt!.Value - d.ServiceStartedAt!.Value).Ticks)));

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
}
