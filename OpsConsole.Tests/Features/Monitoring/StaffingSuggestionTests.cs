using OpsConsole.Data;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Monitoring;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Monitoring;

/// <summary>The staffing suggestion's history, grouped in the database, on both providers.</summary>
public sealed class StaffingSuggestionTests
{
    [Fact]
    public Task ArrivalsAndServiceTimesComeFromTheSameWeekdaysInLocalHoursOnSqlite() => SameWeekdaysAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ArrivalsAndServiceTimesComeFromTheSameWeekdaysInLocalHoursOnPostgres() => SameWeekdaysAsync(DatabaseProvider.Postgres);

    private static async Task SameWeekdaysAsync(DatabaseProvider provider)
    {
        await using var app = await QueueApp.StartAsync(provider);
        var bdc = await app.QueueAsync("BDC");
        var (window, staff) = await app.StaffedWindowAsync(1);
        var offset = app.Clock.Now.Offset;
        var today = DateOnly.FromDateTime(app.Clock.Now.DateTime);
        var sequence = new Dictionary<DateOnly, int>();
        Ticket Issued(DateOnly day, int hour, int minute, int second = 0)
        {
            sequence[day] = sequence.GetValueOrDefault(day) + 1;
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute, second)), offset);
            return Ticket.Issue(bdc, sequence[day], TicketChannel.Kiosk, Guid.NewGuid().ToString("N"), at);
        }
        Ticket Served(Ticket t, int minutes, bool closedAtEndOfDay = false)
        {
            t.Call(window, staff, t.IssuedAt.AddMinutes(1));
            t.StartService(t.IssuedAt.AddMinutes(2));
            if (closedAtEndOfDay) t.EndOfDay(t.IssuedAt.AddMinutes(2 + minutes));
            else t.Complete(t.IssuedAt.AddMinutes(2 + minutes));
            return t;
        }
        var lastWeek = today.AddDays(-7);
        var twoWeeksAgo = today.AddDays(-14);
        await using (var db = app.Context())
        {
            db.AddRange(
                Issued(lastWeek, 9, 59, 59), Served(Issued(lastWeek, 10, 0), 6), Served(Issued(lastWeek, 10, 0), 10),
                Issued(lastWeek, 13, 0), Served(Issued(lastWeek, 14, 0), 30, closedAtEndOfDay: true),
                Served(Issued(twoWeeksAgo, 10, 45), 14),
                // A Tuesday: not the same weekday, left out of both.
                Served(Issued(today.AddDays(-6), 10, 0), 40), Issued(today.AddDays(-6), 10, 5));
            await db.SaveChangesAsync();
        }

        var result = await app.Service<StaffingSuggestion>().ForAsync(today);

        double Arrivals(int hour) => result.Hours.Single(h => h.QueueId == bdc.Id && h.Hour == hour).ForecastArrivals;
        Assert.Equal(0.5, Arrivals(9));
        Assert.Equal(1.5, Arrivals(10));
        Assert.Equal(0, Arrivals(11));
        Assert.Equal(0.5, Arrivals(13));
        Assert.Equal(0.5, Arrivals(14));
        Assert.Equal(TimeSpan.FromMinutes(10), result.Queues.Single(q => q.QueueId == bdc.Id).MeanService);
        Assert.Equal(WaitForecast.DefaultMeanServiceTime, result.Queues.Single(q => q.Code == "ZH").MeanService);
    }
}
