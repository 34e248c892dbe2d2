using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.People;

namespace OpsConsole.Data.Seeding.Demo;

/// <summary>
/// Attendance of the demo center: the sample calendar, the default schedules and rule set, and 60 days of
/// punches up to the demo "today" with realistic faults (late mornings, forgotten punches, leave, official
/// trips, make-up requests). A fixed seed makes every run identical for the same "today".
/// </summary>
public static class AttendanceDemoSeeder
{
    public const int RandomSeed = 20261122;
    public const int Days = 60;
    /// <summary>BJ0001 always has this many pending make-up requests in the current month, for the demo of approval.</summary>
    public const string MakeUpDemoEmployeeNo = DemoCatalog.StaffEmployeeNo;

    private static readonly string[] Terminals = ["KQ-01", "KQ-02"];
    private static readonly PunchMethod[] Methods = [PunchMethod.Face, PunchMethod.Face, PunchMethod.Face, PunchMethod.Face, PunchMethod.Fingerprint, PunchMethod.Card];

    /// <summary>Adds and saves the demo attendance; demo "today" is the center's date by <paramref name="clock"/>.</summary>
    public static async Task SeedAsync(OpsDbContext db, IReadOnlyList<Staff> staff, TimeProvider clock, CancellationToken ct)
    {
        Seed(db, staff, new Features.Common.CenterClock(clock, new ConfigurationBuilder().Build()).Now.DateTime);
        await db.SaveChangesAsync(ct);
    }

    /// <param name="now">The center's wall clock now (demo "today" is its date).</param>
    public static void Seed(OpsDbContext db, IReadOnlyList<Staff> staff, DateTime now)
    {
        var calendarEntries = WorkCalendarCsv.Parse(DemoWorkCalendar.Csv).Entries;
        var calendar = new WorkCalendar(calendarEntries);
        var schedules = new[] { WorkSchedule.Standard(), WorkSchedule.Summer() };
        var resolver = new ScheduleResolver(schedules);
        var today = DateOnly.FromDateTime(now);
        var first = today.AddDays(-Days);
        var ruleStart = YearMonth.Of(first) < new YearMonth(2026, 1) ? YearMonth.Of(first) : new YearMonth(2026, 1);
        var ruleSet = AttendanceRuleSet.Default(ruleStart);
        db.CalendarEntries.AddRange(calendarEntries);
        db.WorkSchedules.AddRange(schedules);
        db.AttendanceRuleSets.Add(ruleSet);

        var manager = staff.Single(s => s.EmployeeNo == DemoCatalog.ManagerEmployeeNo).Id;
        var director = staff.Single(s => s.EmployeeNo == "BJ0006").Id;
        var random = new Random(RandomSeed);
        var eventNo = 0;
        foreach (var person in staff.Where(s => s.Active).OrderBy(s => s.EmployeeNo))
        {
            var approver = person.Id == manager ? director : manager; // nobody approves their own requests
            var makeUps = new List<MakeUpPunchRequest>();
            var awayUntil = DateOnly.MinValue;
            for (var day = first; day <= today; day = day.AddDays(1))
            {
                if (!calendar.IsWorkday(day) || day <= awayUntil) continue;
                var schedule = resolver.For(person.DepartmentId, day);
                var roll = random.NextDouble();
                // The make-up demo person is at work all of the last week, so the pending make-up is the only gap.
                if (person.EmployeeNo == MakeUpDemoEmployeeNo && day > today.AddDays(-7)) roll = 1;
                if (roll < 0.012)
                {
                    // An official trip of one or two days, approved the day before.
                    var end = day.AddDays(random.Next(2));
                    var kind = (OfficialAbsenceKind)random.Next(4);
                    var trip = new OfficialAbsenceRecord(person.Id, kind, HalfDayRange.Days(day, end), kind.Label(), At(day.AddDays(-1), 15, 0));
                    trip.Approve(approver, At(day.AddDays(-1), 16, 0));
                    db.OfficialAbsences.Add(trip);
                    awayUntil = end;
                    continue;
                }
                if (roll < 0.025)
                {
                    var kind = random.NextDouble() < 0.5 ? LeaveKind.Sick : random.NextDouble() < 0.5 ? LeaveKind.Personal : LeaveKind.Annual;
                    var half = random.NextDouble() < 0.4;
                    var period = half ? HalfDayRange.Half(day, HalfDay.Afternoon) : HalfDayRange.Days(day, day.AddDays(random.Next(3)));
                    var leave = new LeaveRecord(person.Id, kind, period, kind.Label(), At(day.AddDays(-1), 10, 0));
                    leave.Approve(approver, At(day.AddDays(-1), 11, 30));
                    db.LeaveRecords.Add(leave);
                    if (!half) { awayUntil = period.EndDate; continue; }
                }

                var punches = DayPunches(random, schedule, day, leaveAfternoon: roll is >= 0.012 and < 0.025);
                foreach (var (slot, time) in punches)
                {
                    if (time > now) continue;
                    var terminal = Terminals[random.Next(Terminals.Length)];
                    var punch = new Punch(person.Id, time, terminal, Methods[random.Next(Methods.Length)], $"{terminal}-{++eventNo:D7}");
                    db.Punches.Add(punch);
                    db.RawPunches.Add(new RawPunch(PunchChannel.DeviceApi, new DateTimeOffset(time, TimeSpan.FromHours(8)),
                        new RawPunchFields(person.EmployeeNo, time.ToString("yyyy-MM-dd HH:mm:ss"), terminal, punch.TerminalEventId),
                        slot is null ? RawPunchOutcome.OutsideWindows : RawPunchOutcome.Imported, "", time, person.Id, punch));
                }
                // Some forgotten punches get a make-up request; most are approved, some wait, a few are refused.
                var demoPerson = person.EmployeeNo == MakeUpDemoEmployeeNo;
                foreach (var slot in PunchSlots.All.Where(s => !demoPerson && punches.All(p => p.Slot != s) && day < today))
                {
                    if (random.NextDouble() > 0.45) continue;
                    var outcome = MakeUpPunchPolicy.Request(person.Id, day, slot, "忘记打卡", NotAfter(now, At(day.AddDays(1), 9, 5)), makeUps,
                        ruleSet.Rules.MakeUpRequestsPerMonth, calendar);
                    if (outcome.Request is not { } request) continue;
                    var decide = random.NextDouble();
                    if (decide < 0.7) request.Approve(approver, NotAfter(now, At(day.AddDays(1), 14, 0)));
                    else if (decide < 0.85) request.Refuse(approver, NotAfter(now, At(day.AddDays(1), 14, 0)), "无佐证，请按规定提供证明");
                    makeUps.Add(request);
                    db.MakeUpPunchRequests.Add(request);
                }
            }
            if (person.EmployeeNo == MakeUpDemoEmployeeNo) AddPendingDemoMakeUp(db, person, calendar, resolver, now, makeUps, ruleSet);
        }
    }

    /// <summary>BJ0001 forgot to punch out on the last workday before today and asked for a make-up: HR has one to approve.</summary>
    private static void AddPendingDemoMakeUp(OpsDbContext db, Staff person, WorkCalendar calendar, ScheduleResolver resolver, DateTime now,
        List<MakeUpPunchRequest> existing, AttendanceRuleSet ruleSet)
    {
        var today = DateOnly.FromDateTime(now);
        var day = calendar.AddWorkingDays(today, -1);
        var evening = db.ChangeTracker.Entries<Punch>().Select(e => e.Entity)
            .Where(p => p.StaffId == person.Id && p.Day == day && p.Time.Hour >= 15).ToList();
        foreach (var punch in evening)
        {
            db.Punches.Remove(punch);
            foreach (var raw in db.ChangeTracker.Entries<RawPunch>().Where(r => r.Entity.Punch == punch).ToList()) raw.State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        }
        var afternoonIn = resolver.For(person.DepartmentId, day).AfternoonIn;
        if (!db.ChangeTracker.Entries<Punch>().Any(e => e.Entity.StaffId == person.Id && e.Entity.Day == day && afternoonIn.Accepts(e.Entity.Minute)))
            db.Punches.Add(new Punch(person.Id, day.ToDateTime(afternoonIn.OnTime.AddMinutes(-12)).AddSeconds(21), "KQ-01", PunchMethod.Face, "KQ-01-DEMO-PM"));
        var outcome = MakeUpPunchPolicy.Request(person.Id, day, PunchSlot.AfternoonOut, "下班时考勤机排队，忘记打卡",
            NotAfter(now, At(today, 8, 40)), existing, ruleSet.Rules.MakeUpRequestsPerMonth, calendar);
        if (outcome.Request is { } request) db.MakeUpPunchRequests.Add(request);
    }

    private static List<(PunchSlot? Slot, DateTime Time)> DayPunches(Random random, WorkSchedule schedule, DateOnly day, bool leaveAfternoon)
    {
        var list = new List<(PunchSlot?, DateTime)>();
        var morningIn = schedule.MorningIn.OnTime.ToTimeSpan();
        var late = random.NextDouble();
        var arrive = late switch
        {
            < 0.045 => morningIn + TimeSpan.FromMinutes(random.Next(1, 11)),
            < 0.06 => morningIn + TimeSpan.FromMinutes(random.Next(11, 31)),
            < 0.064 => morningIn + TimeSpan.FromMinutes(random.Next(35, 80)),
            _ => morningIn - TimeSpan.FromMinutes(random.Next(2, 35)),
        };
        Add(PunchSlot.MorningIn, arrive);
        // Now and then a second face scan right after the first (the terminal did not beep): the first counts.
        if (list.Count == 1 && random.NextDouble() < 0.02) list.Add((PunchSlot.MorningIn, list[0].Item2.AddSeconds(random.Next(20, 90))));
        Add(PunchSlot.MorningOut, schedule.MorningOut.OnTime.ToTimeSpan() + TimeSpan.FromMinutes(random.Next(0, 20)));
        if (!leaveAfternoon)
        {
            Add(PunchSlot.AfternoonIn, schedule.AfternoonIn.OnTime.ToTimeSpan() - TimeSpan.FromMinutes(random.Next(1, 25)));
            var early = random.NextDouble();
            var leave = schedule.AfternoonOut.OnTime.ToTimeSpan() + (early < 0.012
                ? -TimeSpan.FromMinutes(random.Next(3, 25))
                : TimeSpan.FromMinutes(random.Next(0, 45)));
            Add(PunchSlot.AfternoonOut, leave);
        }
        // A night-shift-style stray punch before any window opens: kept and shown, never used.
        if (random.NextDouble() < 0.003) list.Add((null, day.ToDateTime(new TimeOnly(5, random.Next(0, 59), random.Next(60)))));
        return list;

        void Add(PunchSlot slot, TimeSpan at)
        {
            if (random.NextDouble() < 0.018) return; // forgotten
            list.Add((slot, day.ToDateTime(TimeOnly.FromTimeSpan(at)).AddSeconds(random.Next(60))));
        }
    }

    private static DateTime At(DateOnly day, int hour, int minute) => day.ToDateTime(new TimeOnly(hour, minute));

    /// <summary>A demo request or decision is never in the future: early in the morning, "today at 8:40" has not come yet.</summary>
    private static DateTime NotAfter(DateTime now, DateTime at) => at <= now ? at : now;
}
