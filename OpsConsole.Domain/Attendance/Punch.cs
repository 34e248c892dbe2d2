using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Attendance;

/// <summary>How the terminal verified the person.</summary>
public enum PunchMethod { Face, Fingerprint, Card, Password, Other }

/// <summary>
/// One clock-in event as a terminal recorded it. Punches are never edited or deleted: classification
/// picks among them, and the ones it cannot use are reported, not dropped.
/// </summary>
public class Punch
{
    public const int TerminalIdMaxLength = 40;
    public const int TerminalEventIdMaxLength = 64;

    public int Id { get; private set; }
    public int StaffId { get; private set; }
    /// <summary>Wall-clock time at the center (local time, no offset), as the terminal shows it.</summary>
    public DateTime Time { get; private set; }
    /// <summary>May be empty: some terminal exports carry no device column.</summary>
    public string TerminalId { get; private set; } = "";
    /// <summary>The terminal's own event id; with <see cref="TerminalId"/> it makes replayed uploads idempotent.</summary>
    public string? TerminalEventId { get; private set; }
    public PunchMethod Method { get; private set; }

    private Punch() { }

    public Punch(int staffId, DateTime time, string terminalId, PunchMethod method, string? terminalEventId = null)
    {
        terminalId = terminalId.Trim();
        if (terminalId.Length > TerminalIdMaxLength) throw new DomainException("attendance.punch.terminal-too-long");
        if (terminalEventId is { Length: 0 or > TerminalEventIdMaxLength })
            throw new DomainException("attendance.punch.event-id-invalid");
        StaffId = staffId;
        Time = time;
        TerminalId = terminalId;
        Method = method;
        TerminalEventId = terminalEventId;
    }

    public DateOnly Day => DateOnly.FromDateTime(Time);

    /// <summary>Rules work in whole minutes, as staff read them on the terminal: 09:00:59 is 09:00.</summary>
    public TimeOnly Minute => new(Time.Hour, Time.Minute);
}
