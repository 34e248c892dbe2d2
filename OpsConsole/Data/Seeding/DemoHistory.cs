using Microsoft.EntityFrameworkCore;
using OpsConsole.Data.Queueing;
using OpsConsole.Domain.Common;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;

namespace OpsConsole.Data.Seeding;

/// <summary>
/// Sixty workdays of past tickets and ratings for the demo, so dashboards, staffing forecasts
/// and the monthly assessment have data. Deterministic from a fixed seed: arrivals follow a
/// morning and an afternoon peak (Monday heavier, Friday lighter), each queue is served FIFO by
/// its dedicated windows with service times typical of its department, a few applicants do not
/// show, and about two thirds rate the service (mostly satisfied, a few not, with rectifications).
/// </summary>
public sealed class DemoHistory(IDbContextFactory<OpsDbContext> dbFactory, ILogger<DemoHistory> log)
{
    public const int Days = 60;
    private const int Seed = 20261122;

    /// <summary>Arrival weight per opening hour (9–11, 13–16); lunch 12:00–13:00 is closed.</summary>
    private static readonly (int Hour, double Weight)[] HourlyArrivals =
        [(9, 0.15), (10, 0.19), (11, 0.14), (13, 0.10), (14, 0.16), (15, 0.15), (16, 0.11)];

    /// <summary>Mean service minutes by queue code (others: 8).</summary>
    private static readonly Dictionary<string, double> MeanServiceMinutes = new()
    {
        ["BDC"] = 16, ["CRJ"] = 7, ["SB"] = 6, ["YB"] = 5, ["GJJ"] = 9, ["SCJG"] = 14, ["SW"] = 10,
        ["CG"] = 8, ["ZJ"] = 15, ["MZ"] = 9, ["RS"] = 7, ["WJ"] = 6, ["ZH"] = 7, ["CJ"] = 3,
    };

    public async Task GenerateAsync(DateOnly today, TimeSpan offset, CancellationToken ct = default)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var random = new Random(Seed);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var queues = await db.Set<ServiceQueue>().AsNoTracking().ToListAsync(ct);
        var routes = await db.Set<WindowQueueRoute>().AsNoTracking().Where(r => r.Precedence == 1).ToListAsync(ct);
        var staffAt = await db.Set<WindowSession>().AsNoTracking().Where(s => s.StaffId != null).ToDictionaryAsync(s => s.WindowId, s => s.StaffId!.Value, ct);
        var calendar = new Domain.Attendance.WorkCalendar(await db.CalendarEntries.AsNoTracking().ToListAsync(ct));

        var days = new List<DateOnly>();
        for (var d = today.AddDays(-1); days.Count < Days; d = d.AddDays(-1))
        {
            if (calendar.IsWorkday(d)) days.Add(d);
        }
        days.Reverse();

        var tickets = 0;
        foreach (var day in days)
        {
            var dayTickets = new List<Ticket>();
            var counters = new List<TicketCounter>();
            foreach (var queue in queues)
            {
                var windows = routes.Where(r => r.QueueId == queue.Id && staffAt.ContainsKey(r.WindowId)).Select(r => r.WindowId).ToList();
                if (windows.Count == 0) continue;
                var generated = SimulateQueueDay(queue, windows, staffAt, day, offset, random);
                if (generated.Count == 0) continue;
                dayTickets.AddRange(generated);
                counters.Add(new TicketCounter { QueueId = queue.Id, Day = day, LastSequence = generated.Count });
            }
            db.AddRange(dayTickets);
            db.AddRange(counters);
            await db.SaveChangesAsync(ct);

            var evaluations = dayTickets.Where(t => t.State == TicketState.Completed && random.NextDouble() < 0.65)
                .Select(t => Rate(t, random, calendar)).ToList();
            db.AddRange(evaluations);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            tickets += dayTickets.Count;
        }
        log.LogInformation("Demo history: {Tickets} tickets over {Days} workdays in {Ms} ms.", tickets, days.Count, started.ElapsedMilliseconds);
    }

    private static List<Ticket> SimulateQueueDay(ServiceQueue queue, List<int> windows, Dictionary<int, int> staffAt,
        DateOnly day, TimeSpan offset, Random random)
    {
        var weekday = day.DayOfWeek switch { DayOfWeek.Monday => 1.3, DayOfWeek.Friday => 0.85, _ => 1.0 };
        var mean = MeanServiceMinutes.GetValueOrDefault(queue.Code, 8);
        // About 82% utilisation of the queue's windows over a 7-hour day, with day-to-day noise.
        var expected = windows.Count * 7 * 60 / mean * 0.82 * weekday * (0.85 + random.NextDouble() * 0.3);
        var arrivals = new List<DateTimeOffset>();
        foreach (var (hour, weight) in HourlyArrivals)
        {
            var n = (int)Math.Round(expected * weight);
            for (var i = 0; i < n; i++)
            {
                arrivals.Add(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), offset).AddSeconds(random.Next(3600)));
            }
        }
        arrivals.Sort();

        var free = windows.ToDictionary(w => w, _ => new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), offset));
        var closing = new DateTimeOffset(day.ToDateTime(new TimeOnly(17, 30)), offset);
        var result = new List<Ticket>(arrivals.Count);
        var sequence = 0;
        foreach (var arrival in arrivals)
        {
            var ticket = Ticket.Issue(queue, ++sequence, TicketChannel.Kiosk, $"h{day:yyyyMMdd}{queue.Prefix}{sequence:0000}", arrival);
            var window = free.MinBy(kv => kv.Value).Key;
            var callAt = Max(arrival.AddSeconds(20), free[window]);
            if (callAt > closing)
            {
                ticket.EndOfDay(closing);
                result.Add(ticket);
                continue;
            }
            ticket.Call(window, staffAt[window], callAt);
            if (random.NextDouble() < 0.03)
            {
                var noShowAt = callAt.AddMinutes(3);
                ticket.MarkNoShow(noShowAt);
                free[window] = noShowAt;
            }
            else
            {
                var start = callAt.AddSeconds(30 + random.Next(60));
                // Log-normal-ish service time: most near the mean, a long tail of complex cases.
                var minutes = Math.Clamp(mean * Math.Exp(0.45 * Gaussian(random)) * 0.9, 1.5, mean * 4);
                var end = start.AddMinutes(minutes);
                ticket.StartService(start);
                ticket.Complete(end);
                free[window] = end.AddSeconds(15);
            }
            result.Add(ticket);
        }
        return result;
    }

    private static Evaluation Rate(Ticket ticket, Random random, IWorkingDayCalendar calendar)
    {
        var roll = random.NextDouble();
        var level = roll switch
        {
            < 0.84 => SatisfactionLevel.VerySatisfied,
            < 0.95 => SatisfactionLevel.Satisfied,
            < 0.985 => SatisfactionLevel.Basic,
            < 0.996 => SatisfactionLevel.Dissatisfied,
            _ => SatisfactionLevel.VeryDissatisfied,
        };
        var waited = ticket.CalledAt!.Value - ticket.IssuedAt;
        EvaluationReason[] reasons = level.IsBad()
            ? [waited > TimeSpan.FromMinutes(30) ? EvaluationReason.LongWait : (EvaluationReason)random.Next(1, 6)]
            : [];
        return Evaluation.Submit(ticket, level, reasons, null, ticket.CompletedAt!.Value.AddSeconds(10 + random.Next(40)), calendar);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
