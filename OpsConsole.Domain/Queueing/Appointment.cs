using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Queueing;

public enum AppointmentState { Booked, CheckedIn, NoShow, Cancelled }

public enum BookingSource
{
    /// <summary>Entered by staff in the console.</summary>
    Console,
    /// <summary>Accepted from an online booking platform through the API.</summary>
    Api,
}

public enum CheckInOutcome
{
    CheckedIn,
    /// <summary>More than 30 minutes before the slot.</summary>
    TooEarly,
    /// <summary>More than 15 minutes after the slot started: take a normal ticket.</summary>
    TooLate,
    /// <summary>The booking code was already used.</summary>
    AlreadyCheckedIn,
    Cancelled,
    /// <summary>No booking has this code (decided by the caller that looks it up).</summary>
    UnknownCode,
}

public sealed record CheckInResult(CheckInOutcome Outcome)
{
    public bool Succeeded => Outcome == CheckInOutcome.CheckedIn;
}

/// <summary>A booking (预约) of one person for one slot, checked in at the kiosk with its code.</summary>
public class Appointment
{
    public const int BookingCodeMinLength = 6;
    public const int BookingCodeMaxLength = 16;
    public const int PersonHashMaxLength = 128;
    public static readonly TimeSpan CheckInOpensBefore = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan CheckInClosesAfter = TimeSpan.FromMinutes(15);

    private Appointment() { }

    internal Appointment(AppointmentSlot slot, string personHash, string bookingCode, BookingSource source, DateTimeOffset at)
    {
        if (!IsValidBookingCode(bookingCode)) throw new DomainException(QueueingErrors.InvalidBookingCode);
        if (string.IsNullOrWhiteSpace(personHash) || personHash.Length > PersonHashMaxLength)
            throw new DomainException(QueueingErrors.InvalidPersonHash);
        SlotId = slot.Id;
        QueueId = slot.QueueId;
        Day = slot.Day;
        SlotStart = slot.Start;
        SlotEnd = slot.End;
        PersonHash = personHash;
        BookingCode = bookingCode;
        Source = source;
        State = AppointmentState.Booked;
        BookedAt = at;
    }

    public int Id { get; private set; }
    /// <summary>Unique; made by the caller (random, unambiguous characters).</summary>
    public string BookingCode { get; private set; } = "";
    /// <summary>Salted hash of the person's ID number: how repeat no-shows are found.</summary>
    public string PersonHash { get; private set; } = "";
    public int SlotId { get; private set; }
    /// <summary>Copied from the slot so the check-in rule needs no join.</summary>
    public int QueueId { get; private set; }
    public DateOnly Day { get; private set; }
    public TimeOnly SlotStart { get; private set; }
    public TimeOnly SlotEnd { get; private set; }
    public BookingSource Source { get; private set; }
    public AppointmentState State { get; private set; }
    public DateTimeOffset BookedAt { get; private set; }
    public DateTimeOffset? CheckedInAt { get; private set; }
    public DateTimeOffset? NoShowAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }

    public static bool IsValidBookingCode(string? code) =>
        code is { Length: >= BookingCodeMinLength and <= BookingCodeMaxLength } && code.All(char.IsAsciiLetterOrDigit);

    public DateTimeOffset SlotStartsAt(DateTimeOffset reference) => new(Day.ToDateTime(SlotStart), reference.Offset);

    /// <summary>
    /// Check-in by code at the kiosk, from 30 minutes before the slot to 15 minutes after its start
    /// (both ends included). On success the caller issues an appointment ticket.
    /// </summary>
    public CheckInResult CheckIn(DateTimeOffset at)
    {
        switch (State)
        {
            case AppointmentState.CheckedIn: return new(CheckInOutcome.AlreadyCheckedIn);
            case AppointmentState.Cancelled: return new(CheckInOutcome.Cancelled);
            case AppointmentState.NoShow: return new(CheckInOutcome.TooLate);
        }
        var start = SlotStartsAt(at);
        if (at < start - CheckInOpensBefore) return new(CheckInOutcome.TooEarly);
        if (at > start + CheckInClosesAfter) return new(CheckInOutcome.TooLate);
        State = AppointmentState.CheckedIn;
        CheckedInAt = at;
        return new(CheckInOutcome.CheckedIn);
    }

    /// <summary>Run after the check-in window has closed; counts toward the booking restriction.</summary>
    public void MarkNoShow(DateTimeOffset at)
    {
        if (State != AppointmentState.Booked) throw new DomainException(QueueingErrors.AppointmentNotBooked);
        if (at <= SlotStartsAt(at) + CheckInClosesAfter) throw new DomainException(QueueingErrors.NoShowBeforeCheckInClosed);
        State = AppointmentState.NoShow;
        NoShowAt = at;
    }

    /// <summary>Cancels the booking and gives its place back to <paramref name="slot"/>.</summary>
    public void Cancel(AppointmentSlot slot, DateTimeOffset at)
    {
        if (State != AppointmentState.Booked) throw new DomainException(QueueingErrors.AppointmentNotBooked);
        if (slot.Id != SlotId || slot.Day != Day || slot.Start != SlotStart) throw new DomainException(QueueingErrors.WrongSlot);
        State = AppointmentState.Cancelled;
        CancelledAt = at;
        slot.Release();
    }
}
