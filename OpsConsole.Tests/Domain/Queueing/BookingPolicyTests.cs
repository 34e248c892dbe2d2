using OpsConsole.Domain.Queueing;
using Xunit;
using static OpsConsole.Tests.Domain.Queueing.QueueingTestData;

namespace OpsConsole.Tests.Domain.Queueing;

public class BookingPolicyTests
{
    private const string Person = "person-hash";
    private static readonly DateTimeOffset Now = At(8, 0);

    private static Appointment NoShowOn(DateOnly day)
    {
        var slot = new AppointmentSlot(1, day, new(10, 0), new(10, 30), 5);
        var appointment = slot.Book(Person, "NS" + day.DayNumber, BookingSource.Api, On(day, 8, 0));
        appointment.MarkNoShow(On(day, 11, 0));
        return appointment;
    }

    private static AppointmentSlot TomorrowSlot(int capacity = 5) =>
        new(1, Today.AddDays(1), new(9, 0), new(9, 30), capacity);

    [Fact]
    public void BooksWhenThePersonHasAClearRecord()
    {
        var slot = TomorrowSlot();

        var result = BookingPolicy.Book(slot, Person, "CODE0001", BookingSource.Api, [NoShowOn(Today.AddDays(-3))], Now);

        Assert.True(result.Succeeded);
        Assert.NotNull(result.Appointment);
        Assert.Equal(1, slot.BookedCount);
    }

    [Fact]
    public void ThreeNoShowsWithinNinetyDaysRestrictBooking()
    {
        var history = new[] { NoShowOn(Today.AddDays(-2)), NoShowOn(Today.AddDays(-30)), NoShowOn(Today.AddDays(-90)) };
        var slot = TomorrowSlot();

        var result = BookingPolicy.Book(slot, Person, "CODE0001", BookingSource.Api, history, Now);

        Assert.Equal(BookingOutcome.Restricted, result.Outcome);
        Assert.Null(result.Appointment);
        Assert.Equal(Today, result.RestrictedUntil);
        Assert.Equal(0, slot.BookedCount);
    }

    [Fact]
    public void ANoShowOlderThanNinetyDaysDoesNotCount()
    {
        var history = new[] { NoShowOn(Today.AddDays(-2)), NoShowOn(Today.AddDays(-30)), NoShowOn(Today.AddDays(-91)) };

        Assert.Null(BookingPolicy.RestrictedUntil(history, Today));
        Assert.True(BookingPolicy.Book(TomorrowSlot(), Person, "CODE0001", BookingSource.Api, history, Now).Succeeded);
    }

    [Fact]
    public void RestrictionLastsUntilTheThirdMostRecentNoShowAgesOut()
    {
        var history = new[]
        {
            NoShowOn(Today.AddDays(-1)), NoShowOn(Today.AddDays(-10)), NoShowOn(Today.AddDays(-20)), NoShowOn(Today.AddDays(-60)),
        };

        var until = BookingPolicy.RestrictedUntil(history, Today);

        Assert.Equal(Today.AddDays(70), until);
        Assert.NotNull(BookingPolicy.RestrictedUntil(history, until!.Value));
        Assert.Null(BookingPolicy.RestrictedUntil(history, until.Value.AddDays(1)));
    }

    [Fact]
    public void CancelledBookingsAreNotNoShows()
    {
        var slot = new AppointmentSlot(1, Today.AddDays(-5), new(10, 0), new(10, 30), 5);
        var cancelled = Enumerable.Range(1, 3)
            .Select(i => slot.Book(Person, $"CXL0000{i}", BookingSource.Api, On(Today.AddDays(-6), 8, 0)))
            .ToList();
        cancelled.ForEach(a => a.Cancel(slot, On(Today.AddDays(-6), 9, 0)));

        Assert.Null(BookingPolicy.RestrictedUntil(cancelled, Today));
    }

    [Fact]
    public void ReportsAFullSlot()
    {
        var slot = TomorrowSlot(capacity: 1);
        slot.Book("someone-else", "CODE0000", BookingSource.Console, Now);

        Assert.Equal(BookingOutcome.SlotFull, BookingPolicy.Book(slot, Person, "CODE0001", BookingSource.Api, [], Now).Outcome);
    }

    [Fact]
    public void ReportsASlotThatHasStarted()
    {
        var slot = new AppointmentSlot(1, Today, new(8, 0), new(8, 30), 5);

        Assert.Equal(BookingOutcome.SlotPassed, BookingPolicy.Book(slot, Person, "CODE0001", BookingSource.Api, [], At(8, 0)).Outcome);
    }

    [Fact]
    public void RefusesASecondBookingInTheSameQueueAndDay()
    {
        var slot = TomorrowSlot();
        var first = BookingPolicy.Book(slot, Person, "CODE0001", BookingSource.Api, [], Now).Appointment!;

        var second = BookingPolicy.Book(slot, Person, "CODE0002", BookingSource.Api, [first], Now);

        Assert.Equal(BookingOutcome.AlreadyBooked, second.Outcome);
        Assert.Equal(1, slot.BookedCount);
    }
}
