namespace OpsConsole.Domain.Common;

/// <summary>
/// A calendar's workdays over a span of days, indexed once so that counting workdays between two days and adding
/// working days are array look-ups instead of day-by-day loops (the supervision board does this for thousands of
/// open cases per call). Days outside the span fall back to the calendar itself. Immutable; safe to share.
/// </summary>
public sealed class WorkdayIndex : IWorkingDayCalendar
{
    private readonly IWorkingDayCalendar _calendar;
    // _through[i]: workdays in [First, First + i].
    private readonly int[] _through;
    private readonly DateOnly[] _workdays;

    public WorkdayIndex(IWorkingDayCalendar calendar, DateOnly first, DateOnly last)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (last < first) throw new ArgumentOutOfRangeException(nameof(last), "The span ends before it starts.");
        _calendar = calendar is WorkdayIndex inner ? inner._calendar : calendar;
        First = first;
        Last = last;
        _through = new int[last.DayNumber - first.DayNumber + 1];
        var workdays = new List<DateOnly>();
        for (var i = 0; i < _through.Length; i++)
        {
            var day = first.AddDays(i);
            if (_calendar.IsWorkday(day)) workdays.Add(day);
            _through[i] = workdays.Count;
        }
        _workdays = [.. workdays];
    }

    public DateOnly First { get; }
    public DateOnly Last { get; }

    public bool Covers(DateOnly day) => day >= First && day <= Last;

    public bool IsWorkday(DateOnly day)
    {
        if (!Covers(day)) return _calendar.IsWorkday(day);
        var i = day.DayNumber - First.DayNumber;
        return _through[i] > (i == 0 ? 0 : _through[i - 1]);
    }

    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        if (days == 0) return from;
        if (Covers(from))
        {
            var atOrBefore = _through[from.DayNumber - First.DayNumber];
            // Forward: the days-th workday after from; backward: counted from the last workday before from.
            var k = days > 0 ? atOrBefore + days - 1 : atOrBefore - (IsWorkday(from) ? 1 : 0) + days;
            if (k >= 0 && k < _workdays.Length) return _workdays[k];
        }
        return _calendar.AddWorkingDays(from, days);
    }

    /// <summary>Workdays d with <paramref name="from"/> &lt; d ≤ <paramref name="to"/>; 0 when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public int WorkdaysBetween(DateOnly from, DateOnly to)
    {
        if (to <= from) return 0;
        if (Covers(from) && Covers(to)) return _through[to.DayNumber - First.DayNumber] - _through[from.DayNumber - First.DayNumber];
        return Count(_calendar, from, to);
    }

    /// <summary>Workdays d with <paramref name="from"/> &lt; d ≤ <paramref name="to"/> on any calendar (an index answers without a loop).</summary>
    public static int WorkdaysBetween(IWorkingDayCalendar calendar, DateOnly from, DateOnly to) =>
        calendar is WorkdayIndex index ? index.WorkdaysBetween(from, to) : Count(calendar, from, to);

    private static int Count(IWorkingDayCalendar calendar, DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (calendar.IsWorkday(d)) n++;
        return n;
    }
}
