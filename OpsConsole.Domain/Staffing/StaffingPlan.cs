namespace OpsConsole.Domain.Staffing;

/// <summary>What one queue needs in one hour, and what it has.</summary>
public sealed record StaffingHour(int QueueId, int Hour, double ForecastArrivals, int SuggestedWindows, int RosteredWindows)
{
    public bool IsShort => RosteredWindows < SuggestedWindows;
}

/// <summary>The inputs of one queue: service time, target wait and service level.</summary>
public sealed record QueueStaffingInput(int QueueId, TimeSpan MeanServiceTime, TimeSpan TargetWait, double ServiceLevelGoal);

/// <summary>Suggested windows per queue per hour (Erlang C) beside the rostered ones.</summary>
public static class StaffingPlan
{
    public static IReadOnlyList<StaffingHour> Suggest(IEnumerable<QueueStaffingInput> queues,
        IReadOnlyDictionary<(int QueueId, int Hour), double> forecast,
        Func<int, int, int> rosteredWindows, IEnumerable<int> hours)
    {
        var hourList = hours.ToList();
        var plan = new List<StaffingHour>();
        foreach (var q in queues)
        {
            foreach (var hour in hourList)
            {
                var arrivals = forecast.GetValueOrDefault((q.QueueId, hour));
                var need = ErlangC.RequiredServers(arrivals, q.MeanServiceTime, q.TargetWait, q.ServiceLevelGoal);
                plan.Add(new StaffingHour(q.QueueId, hour, arrivals, need, rosteredWindows(q.QueueId, hour)));
            }
        }
        return plan;
    }
}
