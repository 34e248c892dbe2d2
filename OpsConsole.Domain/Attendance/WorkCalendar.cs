using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Attendance;

public enum DayKind { Workday, RestDay, Holiday }

/// <summary>
/// Which days are worked: Monday–Friday unless an entry makes the day a holiday; Saturday and Sunday
/// off unless an entry makes the day a workday (调休). Immutable once built; safe to share.
/// </summary>
public sealed class WorkCalendar : IWorkingDayCalendar
{
    // Ten years in a row without a workday means the calendar is broken, not that the deadline is far away.
    private const int MaxScanDays = 3660;

    private readonly Dictionary<DateOnly, CalendarEntry> _entries;

    /// <exception cref="DomainException">Two entries for the same date.</exception>
    public WorkCalendar(IEnumerable<CalendarEntry> entries)
    {
        _entries = [];
        foreach (var entry in entries)
            if (!_entries.TryAdd(entry.Date, entry)) throw new DomainException("attendance.calendar.duplicate-date");
    }

    public static WorkCalendar WeekendsOnly { get; } = new([]);

    public IEnumerable<CalendarEntry> Entries => _entries.Values.OrderBy(e => e.Date);

    public CalendarEntry? EntryFor(DateOnly day) => _entries.GetValueOrDefault(day);

    public DayKind KindOf(DateOnly day)
    {
        if (_entries.TryGetValue(day, out var entry))
            return entry.Kind == CalendarEntryKind.Workday ? DayKind.Workday : DayKind.Holiday;
        return day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? DayKind.RestDay : DayKind.Workday;
    }

    public bool IsWorkday(DateOnly day) => KindOf(day) == DayKind.Workday;

    /// <summary>
    /// Counts working days after <paramref name="from"/> (the start day itself never counts): a case
    /// accepted on Friday with 1 working day is due the next workday. Negative counts go backwards.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var step = Math.Sign(days);
        var remaining = Math.Abs(days);
        var day = from;
        var scanned = 0;
        while (remaining > 0)
        {
            day = day.AddDays(step);
            if (IsWorkday(day)) { remaining--; scanned = 0; }
            else if (++scanned > MaxScanDays) throw new DomainException("attendance.calendar.no-workdays");
        }
        return day;
    }

    public int WorkdaysIn(YearMonth month) => month.Days().Count(IsWorkday);
}
