namespace OpsConsole.Domain.Staffing;

/// <summary>
/// The Erlang C queueing model (M/M/c): Poisson arrivals, exponential service, c servers, FIFO.
/// Used to say how many windows a queue needs in an hour to meet its service level.
/// </summary>
public static class ErlangC
{
    /// <summary>
    /// Probability that an arrival has to wait, for <paramref name="servers"/> servers and an offered
    /// load of <paramref name="trafficErlangs"/> (arrival rate × mean service time). 1 when the load is
    /// at or above capacity.
    /// </summary>
    public static double ProbabilityOfWaiting(int servers, double trafficErlangs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(servers);
        ArgumentOutOfRangeException.ThrowIfNegative(trafficErlangs);
        if (trafficErlangs == 0) return 0;
        if (servers == 0 || trafficErlangs >= servers) return 1;
        // Erlang B by its stable recurrence, then C from B.
        var b = 1.0;
        for (var k = 1; k <= servers; k++) b = trafficErlangs * b / (k + trafficErlangs * b);
        var rho = trafficErlangs / servers;
        return b / (1 - rho + rho * b);
    }

    /// <summary>Share of arrivals that wait no longer than <paramref name="targetWait"/>.</summary>
    public static double ServiceLevel(int servers, double arrivalsPerHour, TimeSpan meanServiceTime, TimeSpan targetWait)
    {
        var traffic = arrivalsPerHour * meanServiceTime.TotalHours;
        if (traffic == 0) return 1;
        if (servers == 0 || traffic >= servers) return 0;
        var pw = ProbabilityOfWaiting(servers, traffic);
        return 1 - pw * Math.Exp(-(servers - traffic) * targetWait.TotalSeconds / meanServiceTime.TotalSeconds);
    }

    /// <summary>Mean wait of all arrivals (those served at once count as zero).</summary>
    public static TimeSpan AverageSpeedOfAnswer(int servers, double arrivalsPerHour, TimeSpan meanServiceTime)
    {
        var traffic = arrivalsPerHour * meanServiceTime.TotalHours;
        if (traffic == 0) return TimeSpan.Zero;
        if (servers == 0 || traffic >= servers) return TimeSpan.MaxValue;
        return meanServiceTime * (ProbabilityOfWaiting(servers, traffic) / (servers - traffic));
    }

    /// <summary>
    /// The fewest servers that reach <paramref name="serviceLevel"/> (e.g. 0.8 = 80 % within the
    /// target wait); 0 when nothing arrives. Capped at <paramref name="maxServers"/>.
    /// </summary>
    public static int RequiredServers(double arrivalsPerHour, TimeSpan meanServiceTime, TimeSpan targetWait,
        double serviceLevel, int maxServers = 500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(meanServiceTime, TimeSpan.Zero);
        if (serviceLevel is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(serviceLevel));
        if (arrivalsPerHour <= 0) return 0;
        var traffic = arrivalsPerHour * meanServiceTime.TotalHours;
        for (var c = Math.Max(1, (int)Math.Floor(traffic) + 1); c <= maxServers; c++)
        {
            if (ServiceLevel(c, arrivalsPerHour, meanServiceTime, targetWait) >= serviceLevel) return c;
        }
        return maxServers;
    }
}
