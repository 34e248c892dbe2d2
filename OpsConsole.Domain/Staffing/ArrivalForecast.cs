namespace OpsConsole.Domain.Staffing;

/// <summary>Arrivals of one queue in one hour of one past day (the history the forecast reads).</summary>
public readonly record struct HourlyArrivals(int QueueId, DateOnly Day, int Hour, int Count);

/// <summary>
/// Forecasts arrivals per queue per hour for a day from the same weekday of the past weeks:
/// the mean of the last <see cref="Weeks"/> same weekdays that had any activity (a holiday with no
/// tickets at all does not pull the mean down).
/// </summary>
public static class ArrivalForecast
{
    public const int Weeks = 8;

    public static IReadOnlyDictionary<(int QueueId, int Hour), double> For(DateOnly day, IEnumerable<HourlyArrivals> history)
    {
        var sameWeekday = history.Where(h => h.Day < day && h.Day.DayOfWeek == day.DayOfWeek).ToList();
        var days = sameWeekday.Select(h => h.Day).Distinct().OrderDescending().Take(Weeks).ToHashSet();
        if (days.Count == 0) return new Dictionary<(int, int), double>();
        return sameWeekday.Where(h => days.Contains(h.Day))
            .GroupBy(h => (h.QueueId, h.Hour))
            .ToDictionary(g => g.Key, g => g.Sum(h => h.Count) / (double)days.Count);
    }
}
