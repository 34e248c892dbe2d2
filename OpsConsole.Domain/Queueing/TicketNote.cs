using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Queueing;

/// <summary>Why a note was written: the ticket was set aside (挂起) or sent elsewhere (转移).</summary>
public enum TicketNoteKind { Park, Transfer }

/// <summary>
/// A note that travels with a ticket: written at the counter when it is parked or transferred, shown at the
/// counter that takes it next ("缺户口本原件，已去复印").
/// </summary>
public class TicketNote
{
    public const int TextMaxLength = 200;

    private TicketNote() { }

    public int Id { get; private set; }
    public int TicketId { get; private set; }
    public TicketNoteKind Kind { get; private set; }
    public string Text { get; private set; } = "";
    public int WindowId { get; private set; }
    public int StaffId { get; private set; }
    public DateTimeOffset WrittenAt { get; private set; }

    /// <summary>A note, or null when <paramref name="text"/> is blank (a note is optional).</summary>
    public static TicketNote? Write(int ticketId, TicketNoteKind kind, string? text, int windowId, int staffId, DateTimeOffset at)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0) return null;
        if (trimmed.Length > TextMaxLength) throw new DomainException(QueueingErrors.NoteTooLong);
        if (ticketId <= 0 || windowId <= 0 || staffId <= 0) throw new DomainException(QueueingErrors.InvalidWindowOrStaff);
        return new TicketNote { TicketId = ticketId, Kind = kind, Text = trimmed, WindowId = windowId, StaffId = staffId, WrittenAt = at };
    }
}
