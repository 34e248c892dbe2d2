namespace OpsConsole.Domain.Queueing;

/// <summary>Estimated wait shown on the kiosk slip and the public status page.</summary>
public static class WaitForecast
{
    /// <summary>Used until a queue has <see cref="MinimumSamples"/> recent completed services.</summary>
    public static readonly TimeSpan DefaultMeanServiceTime = TimeSpan.FromMinutes(8);
    public const int MinimumSamples = 3;
    public const int SampleSize = 30;

    /// <summary>
    /// The wait for someone with <paramref name="peopleAhead"/> ahead while <paramref name="windowsServing"/>
    /// windows serve the queue; null when no window serves it (nothing to forecast from).
    /// </summary>
    public static TimeSpan? Estimate(int peopleAhead, int windowsServing, TimeSpan meanServiceTime)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(peopleAhead);
        ArgumentOutOfRangeException.ThrowIfNegative(windowsServing);
        if (windowsServing == 0) return null;
        return meanServiceTime * peopleAhead / windowsServing;
    }

    /// <summary>
    /// Mean service time of the latest <see cref="SampleSize"/> completed tickets (parking excluded,
    /// end-of-day closures ignored), or <see cref="DefaultMeanServiceTime"/> with too little history.
    /// </summary>
    public static TimeSpan MeanServiceTime(IEnumerable<Ticket> completed)
    {
        var recent = completed
            .Where(t => t.State == TicketState.Completed && !t.ClosedAtEndOfDay && t.ServiceDuration is not null)
            .OrderByDescending(t => t.CompletedAt)
            .Take(SampleSize)
            .Select(t => t.ServiceDuration!.Value)
            .ToList();
        if (recent.Count < MinimumSamples) return DefaultMeanServiceTime;
        return TimeSpan.FromTicks((long)recent.Average(d => d.Ticks));
    }
}
