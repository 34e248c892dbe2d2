using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Attendance;

/// <summary>
/// A span of half-days, both ends inclusive: "11月3日下午 to 11月5日上午" covers three half-days.
/// </summary>
public sealed record HalfDayRange
{
    public HalfDayRange(DateOnly startDate, HalfDay startHalf, DateOnly endDate, HalfDay endHalf)
    {
        if (Key(endDate, endHalf) < Key(startDate, startHalf)) throw new DomainException("attendance.range.end-before-start");
        StartDate = startDate;
        StartHalf = startHalf;
        EndDate = endDate;
        EndHalf = endHalf;
    }

    public DateOnly StartDate { get; private set; }
    public HalfDay StartHalf { get; private set; }
    public DateOnly EndDate { get; private set; }
    public HalfDay EndHalf { get; private set; }

    public static HalfDayRange Half(DateOnly date, HalfDay half) => new(date, half, date, half);

    public static HalfDayRange Days(DateOnly from, DateOnly to) => new(from, HalfDay.Morning, to, HalfDay.Afternoon);

    public bool Covers(DateOnly date, HalfDay half)
    {
        var k = Key(date, half);
        return k >= Key(StartDate, StartHalf) && k <= Key(EndDate, EndHalf);
    }

    public bool Overlaps(HalfDayRange other) =>
        Key(StartDate, StartHalf) <= Key(other.EndDate, other.EndHalf) && Key(other.StartDate, other.StartHalf) <= Key(EndDate, EndHalf);

    /// <summary>Half-days of the range that fall on workdays: what a leave actually costs.</summary>
    public int WorkingHalfDays(IWorkingDayCalendar calendar)
    {
        var count = 0;
        for (var d = StartDate; d <= EndDate; d = d.AddDays(1))
        {
            if (!calendar.IsWorkday(d)) continue;
            if (Covers(d, HalfDay.Morning)) count++;
            if (Covers(d, HalfDay.Afternoon)) count++;
        }
        return count;
    }

    private static int Key(DateOnly date, HalfDay half) => date.DayNumber * 2 + (int)half;
}
