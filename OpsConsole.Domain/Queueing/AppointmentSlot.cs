using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Queueing;

/// <summary>A bookable time slot of one queue on one day (预约时段), e.g. 09:00–09:30 for 6 people.</summary>
public class AppointmentSlot
{
    private AppointmentSlot() { }

    public AppointmentSlot(int queueId, DateOnly day, TimeOnly start, TimeOnly end, int capacity)
    {
        if (end <= start) throw new DomainException(QueueingErrors.InvalidSlot);
        QueueId = queueId;
        Day = day;
        Start = start;
        End = end;
        SetCapacity(capacity);
    }

    public int Id { get; private set; }
    public int QueueId { get; private set; }
    public DateOnly Day { get; private set; }
    public TimeOnly Start { get; private set; }
    public TimeOnly End { get; private set; }
    public int Capacity { get; private set; }
    /// <summary>Live bookings (cancellations give the place back). A concurrency token in the database.</summary>
    public int BookedCount { get; private set; }

    public bool IsFull => BookedCount >= Capacity;
    public int Remaining => Math.Max(0, Capacity - BookedCount);

    /// <summary>The slot start in the offset of <paramref name="reference"/> (the center's local offset).</summary>
    public DateTimeOffset StartsAt(DateTimeOffset reference) => new(Day.ToDateTime(Start), reference.Offset);

    /// <summary>Capacity may shrink below the bookings already made; it only stops new ones.</summary>
    public void SetCapacity(int capacity)
    {
        if (capacity < 0) throw new DomainException(QueueingErrors.InvalidCapacity);
        Capacity = capacity;
    }

    /// <summary>Takes a place. Callers check <see cref="BookingPolicy"/> first; a full slot here is a race.</summary>
    public Appointment Book(string personHash, string bookingCode, BookingSource source, DateTimeOffset at)
    {
        if (IsFull) throw new DomainException(QueueingErrors.SlotFull);
        var appointment = new Appointment(this, personHash, bookingCode, source, at);
        BookedCount++;
        return appointment;
    }

    internal void Release()
    {
        if (BookedCount > 0) BookedCount--;
    }
}
