using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Attendance;

/// <summary>Holiday: a day off that would be a workday (法定节假日). Workday: a weekend day that is worked (调休上班).</summary>
public enum CalendarEntryKind { Holiday, Workday }

/// <summary>One explicit day of the work calendar; every day without an entry follows the weekday rule.</summary>
public class CalendarEntry
{
    public const int NameMaxLength = 40;

    public int Id { get; private set; }
    public DateOnly Date { get; private set; }
    public CalendarEntryKind Kind { get; private set; }
    /// <summary>国庆节, 国庆调休… Shown on the grid and in explanations.</summary>
    public string Name { get; private set; } = "";

    private CalendarEntry() { }

    public CalendarEntry(DateOnly date, CalendarEntryKind kind, string name)
    {
        Date = date;
        Change(kind, name);
    }

    public void Change(CalendarEntryKind kind, string name)
    {
        name = name.Trim();
        if (name.Length > NameMaxLength) throw new DomainException("attendance.calendar.name-too-long");
        if (!Enum.IsDefined(kind)) throw new DomainException("attendance.calendar.kind-invalid");
        Kind = kind;
        Name = name;
    }
}
