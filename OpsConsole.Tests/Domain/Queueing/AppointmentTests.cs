using OpsConsole.Domain.Common;
using OpsConsole.Domain.Queueing;
using Xunit;
using static OpsConsole.Tests.Domain.Queueing.QueueingTestData;

namespace OpsConsole.Tests.Domain.Queueing;

public class AppointmentTests
{
    private readonly AppointmentSlot _slot = WithId(new AppointmentSlot(queueId: 1, Today, new(10, 0), new(10, 30), capacity: 2), 11);

    private Appointment Book(string code = "BK2026A1", string person = "p1") =>
        _slot.Book(person, code, BookingSource.Console, At(8, 0).AddDays(-1));

    [Fact]
    public void BookingTakesAPlaceAndCopiesTheSlot()
    {
        var appointment = Book();

        Assert.Equal(1, _slot.BookedCount);
        Assert.Equal(AppointmentState.Booked, appointment.State);
        Assert.Equal((11, 1, Today, new TimeOnly(10, 0)), (appointment.SlotId, appointment.QueueId, appointment.Day, appointment.SlotStart));
    }

    [Fact]
    public void RefusesBookingAFullSlot()
    {
        Book("CODE0001");
        Book("CODE0002");

        Assert.True(_slot.IsFull);
        Assert.Equal(QueueingErrors.SlotFull, Assert.Throws<DomainException>(() => Book("CODE0003")).Message);
        Assert.Equal(2, _slot.BookedCount);
    }

    [Fact]
    public void CancellingGivesThePlaceBack()
    {
        Book("CODE0001");
        var appointment = Book("CODE0002");

        appointment.Cancel(_slot, At(9, 0));

        Assert.Equal(AppointmentState.Cancelled, appointment.State);
        Assert.False(_slot.IsFull);
        Assert.Throws<DomainException>(() => appointment.Cancel(_slot, At(9, 1)));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("has-dash1")]
    [InlineData("ABCDEFGHIJKLMNOPQ")]
    public void RefusesMalformedBookingCodes(string code) =>
        Assert.Throws<DomainException>(() => Book(code));

    [Theory]
    [InlineData(9, 30, 0)]   // exactly 30 minutes before
    [InlineData(10, 0, 0)]
    [InlineData(10, 15, 0)]  // exactly 15 minutes after
    public void ChecksInFromThirtyMinutesBeforeToFifteenAfter(int h, int m, int s)
    {
        var appointment = Book();

        var result = appointment.CheckIn(At(h, m, s));

        Assert.True(result.Succeeded);
        Assert.Equal(AppointmentState.CheckedIn, appointment.State);
        Assert.Equal(At(h, m, s), appointment.CheckedInAt);
    }

    [Fact]
    public void TooEarlyJustBeforeTheWindowOpens()
    {
        var appointment = Book();

        Assert.Equal(CheckInOutcome.TooEarly, appointment.CheckIn(At(9, 29, 59)).Outcome);
        Assert.Equal(AppointmentState.Booked, appointment.State);
    }

    [Theory]
    [InlineData(10, 16)]
    [InlineData(10, 15, 1)]
    public void TooLateAfterFifteenMinutesMeansANormalTicket(int h, int m, int s = 0)
    {
        var appointment = Book();

        Assert.Equal(CheckInOutcome.TooLate, appointment.CheckIn(At(h, m, s)).Outcome);
        Assert.Equal(AppointmentState.Booked, appointment.State);
    }

    [Fact]
    public void TooLateOnALaterDay() =>
        Assert.Equal(CheckInOutcome.TooLate, Book().CheckIn(At(9, 45).AddDays(1)).Outcome);

    [Fact]
    public void ACodeUsedTwiceIsRefused()
    {
        var appointment = Book();
        appointment.CheckIn(At(9, 50));

        var second = appointment.CheckIn(At(9, 55));

        Assert.Equal(CheckInOutcome.AlreadyCheckedIn, second.Outcome);
        Assert.Equal(At(9, 50), appointment.CheckedInAt);
    }

    [Fact]
    public void CancelledOrNoShowBookingCannotCheckIn()
    {
        var cancelled = Book("CODE0001");
        cancelled.Cancel(_slot, At(9, 0));
        var noShow = Book("CODE0002");
        noShow.MarkNoShow(At(10, 16));

        Assert.Equal(CheckInOutcome.Cancelled, cancelled.CheckIn(At(9, 50)).Outcome);
        Assert.Equal(CheckInOutcome.TooLate, noShow.CheckIn(At(10, 17)).Outcome);
    }

    [Fact]
    public void RefusesNoShowWhileCheckInIsStillOpen()
    {
        var appointment = Book();

        var ex = Assert.Throws<DomainException>(() => appointment.MarkNoShow(At(10, 15)));

        Assert.Equal(QueueingErrors.NoShowBeforeCheckInClosed, ex.Message);
    }

    [Fact]
    public void RefusesNoShowForACheckedInBooking()
    {
        var appointment = Book();
        appointment.CheckIn(At(9, 50));

        Assert.Throws<DomainException>(() => appointment.MarkNoShow(At(11, 0)));
    }
}
