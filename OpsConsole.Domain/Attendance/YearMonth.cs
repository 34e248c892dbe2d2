using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Attendance;

/// <summary>A calendar month, the unit attendance is scored in.</summary>
public readonly record struct YearMonth : IComparable<YearMonth>
{
    public YearMonth(int year, int month)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12)
            throw new DomainException("attendance.month.invalid");
        Year = year;
        Month = month;
    }

    public int Year { get; }
    public int Month { get; }

    public DateOnly FirstDay => new(Year, Month, 1);
    public DateOnly LastDay => new(Year, Month, DaysInMonth);
    public int DaysInMonth => DateTime.DaysInMonth(Year, Month);

    public static YearMonth Of(DateOnly day) => new(day.Year, day.Month);

    public bool Contains(DateOnly day) => day.Year == Year && day.Month == Month;

    public IEnumerable<DateOnly> Days()
    {
        for (var d = 1; d <= DaysInMonth; d++) yield return new DateOnly(Year, Month, d);
    }

    public YearMonth AddMonths(int months) => Of(FirstDay.AddMonths(months));

    public int CompareTo(YearMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public static bool operator <(YearMonth a, YearMonth b) => a.CompareTo(b) < 0;
    public static bool operator >(YearMonth a, YearMonth b) => a.CompareTo(b) > 0;
    public static bool operator <=(YearMonth a, YearMonth b) => a.CompareTo(b) <= 0;
    public static bool operator >=(YearMonth a, YearMonth b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
