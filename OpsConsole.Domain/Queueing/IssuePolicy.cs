namespace OpsConsole.Domain.Queueing;

/// <summary>Why the kiosk does not issue a ticket for a queue; each has its own message on screen.</summary>
public enum IssueRefusal
{
    /// <summary>A manager stopped issuing (see <see cref="ServiceQueue.IssuingStoppedReason"/>).</summary>
    QueueClosed,
    OutsideOpeningHours,
    DailyCapReached,
    /// <summary>The forecast wait runs past closing time: the applicant would not be served today.</summary>
    ForecastPastClosing,
    /// <summary>No open window serves the queue now: a ticket would wait for nobody (the guide desk helps instead).</summary>
    NoWindowServing,
}

public sealed record IssueDecision(IssueRefusal? Refusal)
{
    public static IssueDecision Allowed { get; } = new((IssueRefusal?)null);
    public bool IsAllowed => Refusal is null;
    public static IssueDecision Refused(IssueRefusal refusal) => new(refusal);
}

/// <summary>Whether the kiosk may issue a ticket for a queue right now.</summary>
public static class IssuePolicy
{
    /// <summary>
    /// Checks, in order: issuing stopped, outside the day's hours, daily cap, no open window serving the queue
    /// (<paramref name="windowOpen"/> false), forecast past closing.
    /// Times are local clock times in the offset of <paramref name="at"/>. A lunch break between two
    /// opening periods still issues (for the afternoon); the forecast skips the break.
    /// A null <paramref name="forecastWait"/> (no window serving yet) skips the forecast check. A day off in the center's
    /// calendar (<paramref name="workday"/> false: a weekend or a holiday) is outside the opening hours all day.
    /// </summary>
    public static IssueDecision Decide(ServiceQueue queue, DateTimeOffset at, int issuedToday, TimeSpan? forecastWait, bool windowOpen = true,
        bool workday = true)
    {
        if (!queue.IsIssuing) return IssueDecision.Refused(IssueRefusal.QueueClosed);
        var now = TimeOnly.FromTimeSpan(at.TimeOfDay);
        if (!workday || now < queue.OpensAt || now >= queue.ClosesAt) return IssueDecision.Refused(IssueRefusal.OutsideOpeningHours);
        if (queue.DailyCap is { } cap && issuedToday >= cap) return IssueDecision.Refused(IssueRefusal.DailyCapReached);
        if (!windowOpen) return IssueDecision.Refused(IssueRefusal.NoWindowServing);
        if (forecastWait is { } wait && queue.OpenTimeAfter(now, wait) is null)
            return IssueDecision.Refused(IssueRefusal.ForecastPastClosing);
        return IssueDecision.Allowed;
    }
}
