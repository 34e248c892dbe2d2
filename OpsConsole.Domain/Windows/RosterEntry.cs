using OpsConsole.Domain.Attendance;

namespace OpsConsole.Domain.Windows;

/// <summary>
/// One cell of the roster (排班): who works at a window on a day's morning or afternoon. A window has at
/// most one person per half-day (unique index); one person on two windows is saved and flagged by
/// <see cref="RosterChecker"/>.
/// </summary>
public class RosterEntry
{
    private RosterEntry() { }

    public RosterEntry(DateOnly day, HalfDay halfDay, int windowId, int staffId)
    {
        Day = day;
        HalfDay = halfDay;
        WindowId = windowId;
        StaffId = staffId;
    }

    public int Id { get; private set; }
    public DateOnly Day { get; private set; }
    public HalfDay HalfDay { get; private set; }
    public int WindowId { get; private set; }
    public int StaffId { get; private set; }

    /// <summary>Puts someone else in this cell.</summary>
    public void Reassign(int staffId) => StaffId = staffId;
}
