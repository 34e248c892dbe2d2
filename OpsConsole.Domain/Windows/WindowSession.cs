using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Windows;

/// <summary>What a window is doing right now.</summary>
public enum WindowState
{
    /// <summary>No one signed in.</summary>
    Closed,
    /// <summary>Staffed, no ticket at the counter.</summary>
    Idle,
    /// <summary>A ticket has been called or is being served.</summary>
    Serving,
    /// <summary>Staffed but not calling (break, meeting…).</summary>
    Paused,
}

/// <summary>Why a window is paused (暂停服务).</summary>
public enum PauseReason { Break, Meeting, BackOffice, Other }

/// <summary>
/// The live state of one window: who is signed in, whether it serves, pauses or is closed, and
/// which ticket is at the counter. One row per window; a person is at one window at a time
/// (enforced by the use case and a unique index).
/// </summary>
public class WindowSession
{
    public const int PauseNoteMaxLength = 100;

    private WindowSession() { }

    public WindowSession(int windowId, DateTimeOffset at)
    {
        WindowId = windowId;
        State = WindowState.Closed;
        StateSince = at;
    }

    public int WindowId { get; private set; }
    public int? StaffId { get; private set; }
    public WindowState State { get; private set; }
    public DateTimeOffset StateSince { get; private set; }
    public PauseReason? PauseReason { get; private set; }
    public string? PauseNote { get; private set; }
    public int? CurrentTicketId { get; private set; }
    public DateTimeOffset? SignedInAt { get; private set; }
    /// <summary>Counts the session's changes: saved only over the revision it was read at, so no change is lost.</summary>
    public int Revision { get; private set; }

    public bool IsOpen => State != WindowState.Closed;

    public void SignIn(int staffId, DateTimeOffset at)
    {
        if (staffId <= 0) throw new DomainException(WindowErrors.InvalidStaff);
        if (IsOpen && StaffId != staffId) throw new DomainException(WindowErrors.OccupiedByOther);
        if (IsOpen) return;
        StaffId = staffId;
        SignedInAt = at;
        Become(WindowState.Idle, at);
    }

    public void SignOut(DateTimeOffset at)
    {
        if (CurrentTicketId is not null) throw new DomainException(WindowErrors.TicketAtCounter);
        StaffId = null;
        SignedInAt = null;
        Become(WindowState.Closed, at);
    }

    public void Pause(PauseReason reason, string? note, DateTimeOffset at)
    {
        RequireStaffed();
        if (CurrentTicketId is not null) throw new DomainException(WindowErrors.TicketAtCounter);
        if (note is { Length: > PauseNoteMaxLength }) throw new DomainException(WindowErrors.NoteTooLong);
        PauseReason = reason;
        PauseNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Become(WindowState.Paused, at);
    }

    public void Resume(DateTimeOffset at)
    {
        if (State != WindowState.Paused) throw new DomainException(WindowErrors.NotPaused);
        Become(WindowState.Idle, at);
    }

    /// <summary>A ticket was called to this window.</summary>
    public void TakeTicket(int ticketId, DateTimeOffset at)
    {
        RequireStaffed();
        if (State == WindowState.Paused) throw new DomainException(WindowErrors.Paused);
        if (CurrentTicketId is not null) throw new DomainException(WindowErrors.TicketAtCounter);
        CurrentTicketId = ticketId;
        Become(WindowState.Serving, at);
    }

    /// <summary>The ticket at the counter left it (completed, no-show, parked, transferred).</summary>
    public void ReleaseTicket(DateTimeOffset at)
    {
        if (CurrentTicketId is null) throw new DomainException(WindowErrors.NoTicketAtCounter);
        CurrentTicketId = null;
        Become(WindowState.Idle, at);
    }

    /// <summary>End of day: whoever is signed in is signed out; a ticket still at the counter is let go.</summary>
    public void CloseForTheDay(DateTimeOffset at)
    {
        CurrentTicketId = null;
        StaffId = null;
        SignedInAt = null;
        Become(WindowState.Closed, at);
    }

    private void RequireStaffed()
    {
        if (State == WindowState.Closed || StaffId is null) throw new DomainException(WindowErrors.NotSignedIn);
    }

    private void Become(WindowState state, DateTimeOffset at)
    {
        if (state != WindowState.Paused)
        {
            PauseReason = null;
            PauseNote = null;
        }
        State = state;
        StateSince = at;
        Revision++;
    }
}

public static class WindowErrors
{
    public const string InvalidStaff = "window.invalid_staff";
    public const string OccupiedByOther = "window.occupied_by_other";
    public const string TicketAtCounter = "window.ticket_at_counter";
    public const string NoTicketAtCounter = "window.no_ticket_at_counter";
    public const string NotSignedIn = "window.not_signed_in";
    public const string NotPaused = "window.not_paused";
    public const string Paused = "window.paused";
    public const string NoteTooLong = "window.note_too_long";
}
