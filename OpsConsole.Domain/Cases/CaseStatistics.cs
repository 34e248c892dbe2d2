using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Cases;

/// <summary>The supervision board's rates over a set of cases (a department, a window, a month).</summary>
public sealed record CaseRates(int Concluded, int ConcludedOnTime, int ConcludedOnTheSpot, int Open, int Overdue, int DueToday)
{
    /// <summary>按时办结率: concluded by the due date, of all concluded (null when none).</summary>
    public double? OnTimeRate => Concluded == 0 ? null : (double)ConcludedOnTime / Concluded;

    /// <summary>现场办结率: concluded the day they were accepted, of all concluded (null when none).</summary>
    public double? OnTheSpotRate => Concluded == 0 ? null : (double)ConcludedOnTheSpot / Concluded;
}

public static class CaseStatistics
{
    public static CaseRates Rates(IEnumerable<ServiceCase> cases, DateOnly today, IWorkingDayCalendar calendar)
    {
        int concluded = 0, onTime = 0, onTheSpot = 0, open = 0, overdue = 0, dueToday = 0;
        foreach (var c in cases)
        {
            if (c.State == CaseState.Concluded)
            {
                concluded++;
                if (c.ConcludedOnTime(calendar) == true) onTime++;
                if (c.ClosedOn == c.AcceptedOn) onTheSpot++;
            }
            else if (c.IsOpen)
            {
                open++;
                if (c.IsSuspended) continue;
                var left = c.DaysLeft(today, calendar);
                if (left < 0) overdue++;
                else if (left == 0) dueToday++;
            }
        }
        return new CaseRates(concluded, onTime, onTheSpot, open, overdue, dueToday);
    }
}
