using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Queueing;

/// <summary>When a queue opens next, for the kiosk's "closed is closed" screen (issue 10).</summary>
public static class QueueHours
{
    /// <summary>How far ahead <see cref="NextOpening"/> looks for a working day (a long holiday is shorter).</summary>
    public const int LookAheadDays = 30;

    /// <summary>Whether the queue is open at <paramref name="now"/>: a working day of the center's calendar, within an opening period.</summary>
    public static bool IsOpen(ServiceQueue queue, DateTimeOffset now, IWorkingDayCalendar calendar) =>
        calendar.IsWorkday(DateOnly.FromDateTime(now.DateTime)) && queue.IsOpenAt(TimeOnly.FromTimeSpan(now.TimeOfDay));

    /// <summary>
    /// The next time the queue opens after <paramref name="now"/> (local clock time in its offset): later today
    /// when a period is still to come (after lunch, before the morning) and today is a working day, else the first
    /// period of the next working day. Null when open now or when no working day comes within <see cref="LookAheadDays"/>.
    /// </summary>
    public static DateTimeOffset? NextOpening(ServiceQueue queue, DateTimeOffset now, IWorkingDayCalendar calendar)
    {
        var time = TimeOnly.FromTimeSpan(now.TimeOfDay);
        var today = DateOnly.FromDateTime(now.DateTime);
        if (calendar.IsWorkday(today))
        {
            if (queue.IsOpenAt(time)) return null;
            if (queue.OpeningPeriods.FirstOrDefault(p => p.Opens > time) is { } later) return At(today, later.Opens, now.Offset);
        }
        for (var day = today.AddDays(1); day <= today.AddDays(LookAheadDays); day = day.AddDays(1))
            if (calendar.IsWorkday(day)) return At(day, queue.OpensAt, now.Offset);
        return null;
    }

    private static DateTimeOffset At(DateOnly day, TimeOnly time, TimeSpan offset) => new(day.ToDateTime(time), offset);
}
