using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.People;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Attendance;

/// <summary>
/// October 2026 worked out by hand for one staff member (the domain's hand-computed month): 12 deduction lines,
/// 33 points. National Day is off and Saturday 10 October is worked.
/// </summary>
public static class HandComputedOctober
{
    public const decimal Deduction = 33m;
    public const int LineCount = 12;
    public const string FirstExplanation = "10月9日 上午 上班打卡 09:05，迟到5分钟，扣1分";

    public static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static DateTime At(string day, string time) => D(day).ToDateTime(TimeOnly.ParseExact(time, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture));

    /// <summary>Adds a staff member of the center office (no department) with the month's punches, leave and make-ups.</summary>
    public static async Task<(int Staff, int Manager)> SeedAsync(OpsApp app, string employeeNo)
    {
        await using var db = app.CreateDbContext();
        var manager = await db.Staff.Where(s => s.EmployeeNo == "BJ0003").Select(s => s.Id).SingleAsync();
        var staff = new Staff { EmployeeNo = employeeNo, Name = "测试" + employeeNo, Title = "科员" };
        db.Staff.Add(staff);
        await db.SaveChangesAsync();
        var id = staff.Id;
        void P(string day, params string[] times)
        {
            foreach (var t in times) db.Punches.Add(new Punch(id, At(day, t), "T01", PunchMethod.Face));
        }
        P("2026-10-02", "08:55");
        P("2026-10-08", "05:30", "08:40", "08:58", "12:01", "12:50", "17:02", "18:30");
        P("2026-10-09", "09:05", "12:01", "12:50", "16:40");
        P("2026-10-10", "09:12", "12:01", "12:50", "17:02");
        P("2026-10-11", "09:00");
        P("2026-10-12", "12:01", "12:50", "16:52");
        P("2026-10-13", "12:50", "17:02");
        P("2026-10-14", "09:45", "12:01", "12:50", "16:20");
        var sick = new LeaveRecord(id, LeaveKind.Sick, HalfDayRange.Days(D("2026-10-15"), D("2026-10-15")), "", At("2026-10-14", "10:00"));
        sick.Approve(manager, At("2026-10-14", "11:00"));
        db.LeaveRecords.Add(sick);
        P("2026-10-16", "08:55", "12:01");
        var meeting = new OfficialAbsenceRecord(id, OfficialAbsenceKind.Meeting, HalfDayRange.Half(D("2026-10-16"), HalfDay.Afternoon), "", At("2026-10-15", "10:00"));
        meeting.Approve(manager, At("2026-10-15", "11:00"));
        db.OfficialAbsences.Add(meeting);
        P("2026-10-19", "08:55", "17:02");
        var calendar = new WorkCalendar(await db.CalendarEntries.AsNoTracking().ToListAsync());
        var approved = MakeUpPunchPolicy.Request(id, D("2026-10-19"), PunchSlot.MorningOut, "忘记打卡", At("2026-10-20", "09:30"), [], 3, calendar).Request!;
        approved.Approve(manager, At("2026-10-21", "10:00"));
        var refused = MakeUpPunchPolicy.Request(id, D("2026-10-19"), PunchSlot.AfternoonIn, "忘记打卡", At("2026-10-20", "09:30"), [approved], 3, calendar).Request!;
        refused.Refuse(manager, At("2026-10-21", "10:00"), "未核实");
        db.MakeUpPunchRequests.AddRange(approved, refused);
        P("2026-10-20", "12:50", "17:02");
        db.LeaveRecords.Add(new LeaveRecord(id, LeaveKind.Personal, HalfDayRange.Half(D("2026-10-20"), HalfDay.Morning), "", At("2026-10-19", "10:00"))); // pending
        P("2026-10-21", "09:10", "12:01", "13:30", "17:02");
        P("2026-10-22", "09:00:59", "12:00", "13:00", "17:00:00");
        foreach (var day in new[] { 23, 26, 27, 28, 29, 30 }) P($"2026-10-{day}", "08:55", "12:01", "12:50", "17:02");
        await db.SaveChangesAsync();
        return (id, manager);
    }
}
