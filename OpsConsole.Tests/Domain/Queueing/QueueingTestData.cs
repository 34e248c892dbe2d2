using OpsConsole.Domain.Queueing;

namespace OpsConsole.Tests.Domain.Queueing;

/// <summary>Fixed times on one service day in the center's offset (+08:00), and small builders.</summary>
internal static class QueueingTestData
{
    public static readonly DateOnly Today = new(2026, 11, 23);
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static DateTimeOffset At(int hour, int minute, int second = 0) =>
        new(Today.ToDateTime(new TimeOnly(hour, minute, second)), Beijing);

    public static DateTimeOffset On(DateOnly day, int hour, int minute) =>
        new(day.ToDateTime(new TimeOnly(hour, minute)), Beijing);

    /// <summary>09:00–12:00 and 13:00–17:00.</summary>
    public static ServiceQueue Queue(int id = 1, string prefix = "A", int? dailyCap = null)
    {
        var queue = new ServiceQueue($"Q{id}", new QueuePrefix(prefix), $"队列{id}",
            [new OpeningPeriod(new(9, 0), new(12, 0)), new OpeningPeriod(new(13, 0), new(17, 0))],
            dailyCap: dailyCap);
        return WithId(queue, id);
    }

    public static Ticket Issue(ServiceQueue queue, int sequence, DateTimeOffset at,
        TicketChannel channel = TicketChannel.Kiosk, PriorityClass? priority = null, int id = 0) =>
        WithId(Ticket.Issue(queue, sequence, channel, $"code{queue.Id:D2}{sequence:D4}", at, priority: priority), id == 0 ? queue.Id * 1000 + sequence : id);

    public static Ticket Called(ServiceQueue queue, int sequence, DateTimeOffset issuedAt, DateTimeOffset calledAt, int windowId = 5, int staffId = 50)
    {
        var ticket = Issue(queue, sequence, issuedAt);
        ticket.Call(windowId, staffId, calledAt);
        return ticket;
    }

    public static Ticket Serving(ServiceQueue queue, int sequence, DateTimeOffset issuedAt, DateTimeOffset calledAt, DateTimeOffset startedAt, int windowId = 5)
    {
        var ticket = Called(queue, sequence, issuedAt, calledAt, windowId);
        ticket.StartService(startedAt);
        return ticket;
    }

    /// <summary>Sets the database-generated id, as EF Core would after a save.</summary>
    public static T WithId<T>(T entity, int id) where T : class
    {
        typeof(T).GetProperty("Id")!.SetValue(entity, id);
        return entity;
    }
}
