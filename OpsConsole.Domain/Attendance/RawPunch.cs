using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Attendance;

/// <summary>How a punch reached the center.</summary>
public enum PunchChannel { DeviceApi, FileImport }

/// <summary>What became of one received punch (one API item or one file row).</summary>
public enum RawPunchOutcome
{
    /// <summary>Stored as a punch and used by classification.</summary>
    Imported,
    /// <summary>Stored as a punch, but its minute falls outside every punch window of a workday: shown, not used.</summary>
    OutsideWindows,
    /// <summary>The same punch was already stored (same terminal event, or same person at the same second).</summary>
    Duplicate,
    UnknownEmployee,
    UnparseableTime,
    FutureTime,
    /// <summary>Before 2000 or over a year old: a terminal whose clock was reset (1970) or a wrong file.</summary>
    ImplausibleTime,
    /// <summary>Malformed item: missing employee number, over-long fields, unknown terminal.</summary>
    Invalid,
}

/// <summary>
/// One punch exactly as it arrived, kept forever whatever its outcome, so that nothing a terminal sent
/// is ever lost and every refusal can be explained. Raw text is cut to the column sizes, never refused, and
/// made storable on every provider (<see cref="StorableText"/>).
/// </summary>
public class RawPunch
{
    public const int TextMaxLength = 100;
    public const int LineMaxLength = 500;
    public const int ReasonMaxLength = 200;

    public int Id { get; private set; }
    public PunchChannel Channel { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    /// <summary>The clock terminal that uploaded it (device API).</summary>
    public int? DeviceId { get; private set; }
    /// <summary>The file import it came from, with its 1-based line number in the file.</summary>
    public int? ImportId { get; private set; }
    public int? RowNumber { get; private set; }
    public string TerminalId { get; private set; } = "";
    public string? TerminalEventId { get; private set; }
    public string EmployeeNo { get; private set; } = "";
    public string StaffName { get; private set; } = "";
    public string TimeText { get; private set; } = "";
    public string MethodText { get; private set; } = "";
    /// <summary>The file line or JSON item as received.</summary>
    public string RawText { get; private set; } = "";
    public DateTime? Time { get; private set; }
    public int? StaffId { get; private set; }
    public int? PunchId { get; private set; }
    public Punch? Punch { get; private set; }
    public RawPunchOutcome Outcome { get; private set; }
    /// <summary>Why it was refused or flagged, in Chinese; empty when imported.</summary>
    public string Reason { get; private set; } = "";

    private RawPunch() { }

    public RawPunch(PunchChannel channel, DateTimeOffset receivedAt, RawPunchFields fields, RawPunchOutcome outcome,
        string reason, DateTime? time = null, int? staffId = null, Punch? punch = null, int? deviceId = null,
        int? importId = null, int? rowNumber = null)
    {
        Channel = channel;
        ReceivedAt = receivedAt;
        DeviceId = deviceId;
        ImportId = importId;
        RowNumber = rowNumber;
        TerminalId = Cut(fields.TerminalId, Punch.TerminalIdMaxLength);
        TerminalEventId = fields.TerminalEventId is { Length: > 0 } e ? Cut(e, TextMaxLength) : null;
        EmployeeNo = Cut(fields.EmployeeNo, TextMaxLength);
        StaffName = Cut(fields.StaffName, TextMaxLength);
        TimeText = Cut(fields.TimeText, TextMaxLength);
        MethodText = Cut(fields.MethodText, TextMaxLength);
        RawText = Cut(fields.RawText, LineMaxLength);
        Outcome = outcome;
        Reason = Cut(reason, ReasonMaxLength);
        Time = time;
        StaffId = staffId;
        Punch = punch;
    }

    /// <summary>Imported and outside-window records created a punch; every other outcome did not.</summary>
    public bool CreatedPunch => Outcome is RawPunchOutcome.Imported or RawPunchOutcome.OutsideWindows;

    /// <summary>Rows a person has to look at: anything that did not become a usable punch.</summary>
    public bool IsProblem => Outcome != RawPunchOutcome.Imported;

    private static string Cut(string? s, int max) => StorableText.Fit(s, max);
}

/// <summary>The text fields of a received punch, before any interpretation.</summary>
public sealed record RawPunchFields(string EmployeeNo, string TimeText, string TerminalId = "", string? TerminalEventId = null,
    string StaffName = "", string MethodText = "", string RawText = "")
{
    /// <summary>The same fields without what no database can store (NUL, half a surrogate pair).</summary>
    public RawPunchFields Storable() => new(StorableText.Clean(EmployeeNo), StorableText.Clean(TimeText), StorableText.Clean(TerminalId),
        TerminalEventId is null ? null : StorableText.Clean(TerminalEventId), StorableText.Clean(StaffName), StorableText.Clean(MethodText),
        StorableText.Clean(RawText));
}
