using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Queueing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Queueing;

/// <summary>Slots, bookings, no-show marking and the booking restriction through the real use case.</summary>
public sealed class AppointmentBookTests : IAsyncLifetime
{
    private const string Person = "110105194912310011";
    private QueueApp app = default!;

    public async Task InitializeAsync() => app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await app.DisposeAsync();

    private AppointmentBook Book => app.Service<AppointmentBook>();
    private DateOnly Today => DateOnly.FromDateTime(app.Clock.Now.DateTime);

    [Fact]
    public async Task ADayIsFilledWithSlotsInsideTheOpeningHoursAndOverlapsAreRefused()
    {
        var day = Today.AddDays(1);
        var filled = await Book.AddDaySlotsAsync("BDC", day, 30, 4);
        Assert.True(filled.Succeeded, filled.Error);
        var slots = await Book.SlotsAsync(day, "BDC");
        Assert.NotEmpty(slots);
        Assert.All(slots, s => Assert.Equal(4, s.Capacity));
        Assert.DoesNotContain(slots, s => s.Start < new TimeOnly(9, 0));

        var overlap = await Book.AddSlotAsync("BDC", day, slots[0].Start.AddMinutes(10), slots[0].End.AddMinutes(10), 2);
        Assert.False(overlap.Succeeded);
        Assert.Equal("时段 {0}–{1} 与已有时段重叠。", overlap.Error);
        var night = await Book.AddSlotAsync("BDC", day, new TimeOnly(20, 0), new TimeOnly(20, 30), 2);
        Assert.Equal("时段 {0}–{1} 不在该业务的办理时间内。", night.Error);
        var past = await Book.AddSlotAsync("BDC", Today.AddDays(-1), new TimeOnly(9, 0), new TimeOnly(9, 30), 2);
        Assert.False(past.Succeeded);
    }

    [Fact]
    public async Task AFullSlotRefusesTheNextPerson()
    {
        Assert.True((await Book.AddSlotAsync("BDC", Today, new TimeOnly(11, 0), new TimeOnly(11, 30), 1)).Succeeded);
        var slot = (await Book.SlotsAsync(Today, "BDC")).Single();
        Assert.True((await Book.BookAsync(slot.SlotId, Person, BookingSource.Console)).Result.Succeeded);
        var second = await Book.BookAsync(slot.SlotId, "110105194912310038", BookingSource.Console);
        Assert.Equal("slot_full", second.Code);
        Assert.Equal(1, (await Book.SlotsAsync(Today, "BDC")).Single().Booked);
    }

    [Fact]
    public async Task ABookingChecksTheIdNumberAsTheKioskDoesAndGetsACodeWithACheckDigit()
    {
        Assert.True((await Book.AddSlotAsync("BDC", Today, new TimeOnly(10, 15), new TimeOnly(10, 45), 3)).Succeeded);
        var slot = (await Book.SlotsAsync(Today, "BDC")).Single();

        var wrong = await Book.BookAsync(slot.SlotId, "110105194912310021", BookingSource.Api);
        Assert.Equal(("invalid_id_number", IdNumberMessages.Checksum), (wrong.Code, wrong.Result.Error));
        var unborn = await Book.BookAsync(slot.SlotId, "371302203001010021", BookingSource.Console);
        Assert.Equal(IdNumberMessages.BirthDate, unborn.Result.Error);

        var booked = await Book.BookAsync(slot.SlotId, Person, BookingSource.Api);
        Assert.True(booked.Result.Succeeded, booked.Result.Error);
        var code = booked.Booking!.BookingCode;
        Assert.Matches("^[1-9][0-9]{8}$", code);
        Assert.Equal(BookingCodeCheck.Valid, BookingCode.Check(code));

        // A digit mistyped is refused by the check digit, before any lookup; the right code checks in.
        var typo = code[..^1] + (char)('0' + (code[^1] - '0' + 1) % 10);
        var issuer = app.Service<TicketIssuer>();
        Assert.Equal(TicketIssuer.WrongBookingCheckDigit, (await issuer.CheckInAsync(typo)).Result.Error);
        Assert.Equal("invalid_booking_code", KioskMenu.CodeOf((await issuer.CheckInAsync(typo)).Result));
        var checkedIn = await issuer.CheckInAsync(code);
        Assert.True(checkedIn.Result.Succeeded, checkedIn.Result.Error);
    }

    [Fact]
    public async Task ACodeIssuedBeforeTheCheckDigitStillChecksIn()
    {
        Assert.True((await Book.AddSlotAsync("BDC", Today, new TimeOnly(10, 15), new TimeOnly(10, 45), 3)).Succeeded);
        await using (var db = app.Context())
        {
            var slot = await db.Set<AppointmentSlot>().SingleAsync();
            var old = BookingPolicy.Book(slot, "legacy-person-hash", "28493016", BookingSource.Api, [], app.Clock.Now);
            db.Add(old.Appointment!);
            await db.SaveChangesAsync();
        }

        var checkedIn = await app.Service<TicketIssuer>().CheckInAsync("28493016");

        Assert.True(checkedIn.Result.Succeeded, checkedIn.Result.Error);
        Assert.Equal(PriorityClass.Appointment, checkedIn.Ticket!.Priority);
    }

    [Fact]
    public async Task ThreeNoShowsInNinetyDaysRestrictBooking()
    {
        var start = app.Clock.Now;
        for (var i = 0; i < 3; i++)
        {
            var day = Today;
            Assert.True((await Book.AddSlotAsync("BDC", day, new TimeOnly(11, 0), new TimeOnly(11, 30), 3)).Succeeded);
            var slot = (await Book.SlotsAsync(day, "BDC")).Single();
            Assert.True((await Book.BookAsync(slot.SlotId, Person, BookingSource.Console)).Result.Succeeded);
            // Before the check-in window closes nothing is marked; at the end of the day it is.
            Assert.Equal(0, await Book.MarkNoShowsAsync(day));
            app.Clock.Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(17, 30)), start.Offset);
            Assert.Equal(1, await Book.MarkNoShowsAsync(day));
            app.Clock.Now = new DateTimeOffset(day.AddDays(7).ToDateTime(new TimeOnly(10, 0)), start.Offset);
        }

        Assert.True((await Book.AddSlotAsync("BDC", Today, new TimeOnly(11, 0), new TimeOnly(11, 30), 3)).Succeeded);
        var next = (await Book.SlotsAsync(Today, "BDC")).Single();
        var refused = await Book.BookAsync(next.SlotId, Person, BookingSource.Api);
        Assert.Equal("booking_restricted", refused.Code);
        Assert.Equal(1, (await Book.BookAsync(next.SlotId, "110105194912310038", BookingSource.Api)).Result.Succeeded ? 1 : 0);

        await using var db = app.Context();
        Assert.Equal(3, await db.Set<Appointment>().CountAsync(a => a.State == AppointmentState.NoShow));
        // The ID number is stored as the same salted hash tickets use, never in clear.
        Assert.DoesNotContain(await db.Set<Appointment>().Select(a => a.PersonHash).ToListAsync(), h => h == Person);
    }
}
