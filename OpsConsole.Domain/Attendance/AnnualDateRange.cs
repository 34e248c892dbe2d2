using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Attendance;

/// <summary>
/// A range of month-days that recurs every year, both ends inclusive (summer: 5月1日–9月30日).
/// A range whose start is after its end wraps the new year (winter: 11月1日–2月28日).
/// </summary>
public sealed record AnnualDateRange
{
    public AnnualDateRange(int startMonth, int startDay, int endMonth, int endDay)
    {
        if (!IsValid(startMonth, startDay) || !IsValid(endMonth, endDay))
            throw new DomainException("attendance.schedule.season-invalid");
        StartMonth = startMonth;
        StartDay = startDay;
        EndMonth = endMonth;
        EndDay = endDay;
    }

    public int StartMonth { get; private set; }
    public int StartDay { get; private set; }
    public int EndMonth { get; private set; }
    public int EndDay { get; private set; }

    /// <summary>The summer default of the example rules: May 1 to September 30.</summary>
    public static AnnualDateRange Summer => new(5, 1, 9, 30);

    public bool Contains(DateOnly day)
    {
        var d = day.Month * 100 + day.Day;
        var start = StartMonth * 100 + StartDay;
        var end = EndMonth * 100 + EndDay;
        return start <= end ? d >= start && d <= end : d >= start || d <= end;
    }

    public bool Overlaps(AnnualDateRange other)
    {
        // A leap year holds every month-day, so checking its days is exact.
        for (var d = new DateOnly(2024, 1, 1); d.Year == 2024; d = d.AddDays(1))
            if (Contains(d) && other.Contains(d)) return true;
        return false;
    }

    public override string ToString() => $"{StartMonth}月{StartDay}日–{EndMonth}月{EndDay}日";

    private static bool IsValid(int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2024, month);
}
