using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.People;
using OpsConsole.Domain.Windows;

namespace OpsConsole.Data.Seeding.Demo;

/// <summary>
/// Skills and roster of the demo center: every department person is skilled for their department's items;
/// the previous and the current week are rostered from the demo window sessions (mornings as signed in
/// today, afternoons the department's other people), comprehensive and pickup windows with spare people of
/// the pooled departments (cross-trained for the pooled items). One deliberate conflict: on Tuesday
/// afternoon of the current week window 1's person is also put on a comprehensive window.
/// </summary>
public static class RosterDemoSeeder
{
    public static async Task SeedAsync(OpsDbContext db, IReadOnlyList<Window> windows, IReadOnlyList<Department> departments,
        IReadOnlyList<Staff> staff, IReadOnlyList<ServiceItem> items, DateOnly today, CancellationToken ct)
    {
        var sessions = await db.Set<WindowSession>().AsNoTracking().ToListAsync(ct);
        var calendar = new WorkCalendar(await db.CalendarEntries.AsNoTracking().ToListAsync(ct));
        var pooledDepartments = departments.Where(d => DemoQueues.PooledAtComprehensive.Contains(d.Code)).Select(d => d.Id).ToHashSet();
        var pooledItems = items.Where(i => pooledDepartments.Contains(i.DepartmentId)).Select(i => i.Id).ToList();
        var skills = new HashSet<(int StaffId, int ItemId)>();
        foreach (var person in staff.Where(s => s.DepartmentId is not null))
            foreach (var item in items.Where(i => i.DepartmentId == person.DepartmentId)) skills.Add((person.Id, item.Id));

        var morning = new Dictionary<int, int>();   // window → staff
        var afternoon = new Dictionary<int, int>();
        foreach (var group in windows.Where(w => w.Type == WindowType.Dedicated && w.DepartmentId is not null).GroupBy(w => w.DepartmentId))
        {
            var people = staff.Where(s => s.DepartmentId == group.Key && s.Active).OrderBy(s => s.EmployeeNo).ToList();
            var list = group.OrderBy(w => w.Number).ToList();
            for (var i = 0; i < list.Count && people.Count > 0; i++)
            {
                var signedIn = sessions.FirstOrDefault(s => s.WindowId == list[i].Id)?.StaffId;
                morning[list[i].Id] = signedIn ?? people[i % people.Count].Id;
                afternoon[list[i].Id] = people[(list.Count + i) % people.Count].Id;
            }
        }
        var shared = windows.Where(w => w.Type is WindowType.Comprehensive or WindowType.ResultPickup && w.DepartmentId is null && !w.Name.Contains("企业开办"))
            .OrderBy(w => w.Number).ToList();
        foreach (var half in new[] { morning, afternoon })
        {
            var spare = staff.Where(s => s.DepartmentId is { } d && pooledDepartments.Contains(d) && !s.IsChiefRepresentative && !half.ContainsValue(s.Id))
                .OrderBy(s => s.EmployeeNo).ToList();
            foreach (var (w, person) in shared.Zip(spare))
            {
                half[w.Id] = person.Id;
                foreach (var item in pooledItems) skills.Add((person.Id, item));
            }
        }
        db.AddRange(skills.Select(k => new StaffSkill(k.StaffId, k.ItemId)));

        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var entries = new List<RosterEntry>();
        foreach (var monday in new[] { thisMonday.AddDays(-7), thisMonday })
            for (var day = monday; day < monday.AddDays(5); day = day.AddDays(1))
            {
                if (!calendar.IsWorkday(day)) continue;
                entries.AddRange(morning.Select(p => new RosterEntry(day, HalfDay.Morning, p.Key, p.Value)));
                entries.AddRange(afternoon.Select(p => new RosterEntry(day, HalfDay.Afternoon, p.Key, p.Value)));
            }
        // The deliberate conflict: window 1's afternoon person also on the first comprehensive window.
        var tuesday = thisMonday.AddDays(1);
        var window1 = windows.MinBy(w => w.Number)!;
        var comprehensive = shared.FirstOrDefault(w => w.Type == WindowType.Comprehensive);
        if (comprehensive is not null && afternoon.TryGetValue(window1.Id, out var twice)
            && entries.FirstOrDefault(e => e.Day == tuesday && e.HalfDay == HalfDay.Afternoon && e.WindowId == comprehensive.Id) is { } cell)
            cell.Reassign(twice);
        db.AddRange(entries);
        await db.SaveChangesAsync(ct);
    }
}
