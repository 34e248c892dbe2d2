using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Data;
using OpsConsole.Domain.People;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Queueing;

/// <summary>ID numbers are never stored: only an HMAC with the installation's secret (tickets and bookings alike).</summary>
public static class IdNumbers
{
    public static string Hash(string salt, string idNumber) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(salt), Encoding.UTF8.GetBytes(idNumber.Trim().ToUpperInvariant())));
}

/// <summary>
/// Appointments (预约): slots per queue per day, bookings made in the console or accepted from the
/// online portal, and the end-of-day no-show marking that feeds the booking restriction.
/// The applicant's name is never stored; the ID number only as a salted hash.
/// </summary>
public sealed class AppointmentBook(IDbContextFactory<OpsDbContext> dbFactory, WriteGate gate, CenterClock clock, IOptions<QueueingOptions> options)
{
    public const int MaxCapacity = 500;

    public sealed record SlotView(int SlotId, string QueueCode, QueuePrefix Prefix, string QueueName, DateOnly Day, TimeOnly Start, TimeOnly End,
        int Capacity, int Booked, int CheckedIn, int NoShows);

    public sealed record Booking(string BookingCode, string QueueCode, QueuePrefix Prefix, string QueueName, DateOnly Day, TimeOnly Start, TimeOnly End);

    public sealed record BookResult(Booking? Booking, OpResult Result, string Code)
    {
        public static BookResult Fail(string code, string message, params object[] args) => new(null, OpResult.Fail(message, args), code);
    }

    /// <summary>The slots of a day (optionally of one queue), by queue then time, with their bookings counted.</summary>
    public async Task<IReadOnlyList<SlotView>> SlotsAsync(DateOnly day, string? queueCode = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = from s in db.Set<AppointmentSlot>().AsNoTracking()
                    join q in db.Set<ServiceQueue>() on s.QueueId equals q.Id
                    where s.Day == day && (queueCode == null || q.Code == queueCode)
                    select new { s, q.Code, q.Prefix, q.Name };
        var rows = await query.ToListAsync(ct);
        var states = await db.Set<Appointment>().AsNoTracking().Where(a => a.Day == day)
            .GroupBy(a => new { a.SlotId, a.State }).Select(g => new { g.Key.SlotId, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        int Count(int slot, AppointmentState state) => states.Where(x => x.SlotId == slot && x.State == state).Sum(x => x.Count);
        return rows.OrderBy(r => r.Prefix).ThenBy(r => r.s.Start)
            .Select(r => new SlotView(r.s.Id, r.Code, r.Prefix, r.Name, r.s.Day, r.s.Start, r.s.End, r.s.Capacity, r.s.BookedCount,
                Count(r.s.Id, AppointmentState.CheckedIn), Count(r.s.Id, AppointmentState.NoShow))).ToList();
    }

    /// <summary>Adds one slot to a queue's day: inside its opening hours, not overlapping another slot.</summary>
    public async Task<OpResult> AddSlotAsync(string queueCode, DateOnly day, TimeOnly start, TimeOnly end, int capacity, CancellationToken ct = default)
    {
        var added = await AddSlotsAsync(queueCode, day, [(start, end)], capacity, ct);
        return added.Succeeded ? OpResult.Notice("已添加时段 {0}–{1}。", start.ToString("HH:mm"), end.ToString("HH:mm")) : added;
    }

    /// <summary>Fills a queue's day with slots of <paramref name="minutes"/> across its opening periods (existing slots are kept).</summary>
    public async Task<OpResult> AddDaySlotsAsync(string queueCode, DateOnly day, int minutes, int capacity, CancellationToken ct = default)
    {
        if (minutes is < 10 or > 240) return OpResult.FailOn("minutes", "{0}必须在 {1} 到 {2} 之间。", "时段长度（分钟）", 10, 240);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var queue = await db.Set<ServiceQueue>().AsNoTracking().FirstOrDefaultAsync(q => q.Code == queueCode, ct);
        if (queue is null) return OpResult.Fail("没有该业务队列：{0}", queueCode);
        var existing = await db.Set<AppointmentSlot>().AsNoTracking().Where(s => s.QueueId == queue.Id && s.Day == day).ToListAsync(ct);
        var wanted = new List<(TimeOnly, TimeOnly)>();
        foreach (var period in queue.OpeningPeriods)
        {
            for (var s = period.Opens; s.AddMinutes(minutes) <= period.Closes && s.AddMinutes(minutes) > s; s = s.AddMinutes(minutes))
            {
                var e = s.AddMinutes(minutes);
                if (!existing.Any(x => x.Start < e && s < x.End)) wanted.Add((s, e));
            }
        }
        if (wanted.Count == 0) return OpResult.Fail("这一天的办理时间内已没有空余时段可添加。");
        var result = await AddSlotsAsync(queueCode, day, wanted, capacity, ct);
        return result.Succeeded ? OpResult.Notice("已添加 {0} 个时段。", wanted.Count) : result;
    }

    private async Task<OpResult> AddSlotsAsync(string queueCode, DateOnly day, IReadOnlyList<(TimeOnly Start, TimeOnly End)> slots, int capacity, CancellationToken ct)
    {
        if (capacity is < 1 or > MaxCapacity) return OpResult.FailOn("capacity", "{0}必须在 {1} 到 {2} 之间。", "可约人数", 1, MaxCapacity);
        if (day < clock.Today) return OpResult.FailOn("day", "不能为过去的日期添加时段。");
        using (await gate.EnterAsync(ct))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var queue = await db.Set<ServiceQueue>().AsNoTracking().FirstOrDefaultAsync(q => q.Code == queueCode, ct);
            if (queue is null) return OpResult.Fail("没有该业务队列：{0}", queueCode);
            var existing = await db.Set<AppointmentSlot>().AsNoTracking().Where(s => s.QueueId == queue.Id && s.Day == day).ToListAsync(ct);
            foreach (var (start, end) in slots)
            {
                if (end <= start) return OpResult.FailOn("end", "结束时间必须晚于开始时间。");
                if (!queue.OpeningPeriods.Any(p => start >= p.Opens && end <= p.Closes))
                    return OpResult.FailOn("start", "时段 {0}–{1} 不在该业务的办理时间内。", start.ToString("HH:mm"), end.ToString("HH:mm"));
                if (existing.Any(x => x.Start < end && start < x.End))
                    return OpResult.FailOn("start", "时段 {0}–{1} 与已有时段重叠。", start.ToString("HH:mm"), end.ToString("HH:mm"));
                db.Add(new AppointmentSlot(queue.Id, day, start, end, capacity));
            }
            await db.SaveChangesAsync(ct);
        }
        return OpResult.Ok;
    }

    /// <summary>Books a slot by its id (the console).</summary>
    public Task<BookResult> BookAsync(int slotId, string? idNumber, BookingSource source, CancellationToken ct = default) =>
        BookWhereAsync(s => s.Id == slotId, idNumber, source, ct);

    /// <summary>Books the slot of a queue (code or prefix already resolved) starting at <paramref name="start"/> (the portal).</summary>
    public Task<BookResult> BookAsync(int queueId, DateOnly day, TimeOnly start, string? idNumber, BookingSource source, CancellationToken ct = default) =>
        BookWhereAsync(s => s.QueueId == queueId && s.Day == day && s.Start == start, idNumber, source, ct);

    private async Task<BookResult> BookWhereAsync(System.Linq.Expressions.Expression<Func<AppointmentSlot, bool>> which, string? idNumber,
        BookingSource source, CancellationToken ct)
    {
        // The same check as the kiosk's (format, region, birth date, check character), with the same reasons.
        if (!ResidentIdNumber.TryParse(idNumber, clock.Today, out var id, out var error))
            return BookResult.Fail("invalid_id_number", IdNumberMessages.Of(error!));
        var personHash = IdNumbers.Hash(options.Value.IdNumberSalt, id!.Value);
        for (var attempt = 0; ; attempt++)
        {
            using (await gate.EnterAsync(ct))
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var slot = await db.Set<AppointmentSlot>().FirstOrDefaultAsync(which, ct);
                if (slot is null) return BookResult.Fail("unknown_slot", "没有该预约时段。");
                var history = await db.Set<Appointment>().AsNoTracking().Where(a => a.PersonHash == personHash).ToListAsync(ct);
                var result = BookingPolicy.Book(slot, personHash, NewBookingCode(), source, history, clock.Now);
                switch (result.Outcome)
                {
                    case BookingOutcome.Restricted:
                        return BookResult.Fail("booking_restricted", "90 天内已有 3 次预约未到，{0} 前不能预约，请现场取号。", result.RestrictedUntil!.Value.ToString("yyyy-MM-dd"));
                    case BookingOutcome.SlotPassed: return BookResult.Fail("slot_passed", "该时段已开始或已结束，不能再预约。");
                    case BookingOutcome.AlreadyBooked: return BookResult.Fail("already_booked", "该身份证号当天在此业务已有预约。");
                    case BookingOutcome.SlotFull: return BookResult.Fail("slot_full", "该时段已约满。");
                }
                db.Add(result.Appointment!);
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    // Another booking took the last place (concurrency token) or the same code: read again.
                    continue;
                }
                var queue = await db.Set<ServiceQueue>().AsNoTracking().FirstAsync(q => q.Id == slot.QueueId, ct);
                return new BookResult(new Booking(result.Appointment!.BookingCode, queue.Code, queue.Prefix, queue.Name, slot.Day, slot.Start, slot.End),
                    OpResult.Ok, "booked");
            }
        }
    }

    /// <summary>
    /// End of day: every booking of <paramref name="day"/> still not checked in after its check-in window is a no-show
    /// (three in 90 days restrict booking). Returns how many were marked.
    /// </summary>
    public Task<int> MarkNoShowsAsync(DateOnly day, CancellationToken ct = default) => MarkNoShowsAsync(day, day, ct);

    /// <summary>Marks the unkept bookings of every day through <paramref name="through"/> (days the server was off included).</summary>
    public Task<int> MarkNoShowsThroughAsync(DateOnly through, CancellationToken ct = default) => MarkNoShowsAsync(null, through, ct);

    private async Task<int> MarkNoShowsAsync(DateOnly? from, DateOnly through, CancellationToken ct)
    {
        using (await gate.EnterAsync(ct))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var now = clock.Now;
            var query = db.Set<Appointment>().Where(a => a.Day <= through && a.State == AppointmentState.Booked);
            if (from is { } first) query = query.Where(a => a.Day >= first);
            var booked = await query.ToListAsync(ct);
            var missed = booked.Where(a => now > a.SlotStartsAt(now) + Appointment.CheckInClosesAfter).ToList();
            foreach (var a in missed) a.MarkNoShow(now);
            await db.SaveChangesAsync(ct);
            return missed.Count;
        }
    }

    /// <summary>8 random digits (first not 0) and a check digit (<see cref="BookingCode"/>): typed on the kiosk's numeric keypad, unambiguous when read aloud.</summary>
    private static string NewBookingCode() => BookingCode.New(RandomNumberGenerator.GetInt32(10_000_000, 100_000_000));
}
