namespace OpsConsole.Domain.Queueing;

public enum BookingOutcome
{
    Booked,
    SlotFull,
    /// <summary>The slot has already started.</summary>
    SlotPassed,
    /// <summary>The person already holds a live booking in this queue that day.</summary>
    AlreadyBooked,
    /// <summary>3 no-shows within 90 days: booking is restricted until <see cref="BookingResult.RestrictedUntil"/>.</summary>
    Restricted,
}

public sealed record BookingResult(BookingOutcome Outcome, Appointment? Appointment = null, DateOnly? RestrictedUntil = null)
{
    public bool Succeeded => Outcome == BookingOutcome.Booked;
}

/// <summary>Who may book a slot: repeat no-shows are restricted (3 within 90 days).</summary>
public static class BookingPolicy
{
    public const int NoShowLimit = 3;
    public const int LookbackDays = 90;

    /// <summary>
    /// The last day booking stays restricted, or null when it is not: no-shows on slot days from
    /// <paramref name="today"/> − 90 days to today count, and the restriction lifts when the third most
    /// recent one drops out of that range.
    /// </summary>
    public static DateOnly? RestrictedUntil(IEnumerable<Appointment> personHistory, DateOnly today)
    {
        var from = today.AddDays(-LookbackDays);
        var noShows = personHistory
            .Where(a => a.State == AppointmentState.NoShow && a.Day >= from && a.Day <= today)
            .Select(a => a.Day)
            .OrderDescending()
            .ToList();
        return noShows.Count >= NoShowLimit ? noShows[NoShowLimit - 1].AddDays(LookbackDays) : null;
    }

    /// <summary>Books <paramref name="slot"/> for a person, or says why not.</summary>
    public static BookingResult Book(AppointmentSlot slot, string personHash, string bookingCode, BookingSource source,
        IReadOnlyCollection<Appointment> personHistory, DateTimeOffset at)
    {
        if (RestrictedUntil(personHistory, DateOnly.FromDateTime(at.DateTime)) is { } until)
            return new(BookingOutcome.Restricted, RestrictedUntil: until);
        if (at >= slot.StartsAt(at)) return new(BookingOutcome.SlotPassed);
        if (personHistory.Any(a => (a.State is AppointmentState.Booked or AppointmentState.CheckedIn)
                                   && a.QueueId == slot.QueueId && a.Day == slot.Day))
            return new(BookingOutcome.AlreadyBooked);
        if (slot.IsFull) return new(BookingOutcome.SlotFull);
        return new(BookingOutcome.Booked, slot.Book(personHash, bookingCode, source, at));
    }
}
