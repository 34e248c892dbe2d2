using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.People;

namespace OpsConsole.Features.Home;

/// <summary>Read models for the home pages of each role.</summary>
public sealed class HomeQueries(IDbContextFactory<OpsDbContext> dbFactory)
{
    public sealed record MyProfile(Staff Staff, IReadOnlyList<string> Roles, IReadOnlyList<Window> DepartmentWindows,
        int DepartmentItemCount, IReadOnlyList<Staff> DepartmentStaff);

    public async Task<MyProfile?> GetProfileAsync(int staffId, IReadOnlyList<string> roles)
    {
        await using var db = dbFactory.CreateDbContext();
        var staff = await db.Staff.AsNoTracking().Include(s => s.Department).ThenInclude(d => d!.Zone)
            .FirstOrDefaultAsync(s => s.Id == staffId);
        if (staff is null) return null;
        var windows = staff.DepartmentId is { } dep
            ? await db.Windows.AsNoTracking().Include(w => w.Zone).Where(w => w.DepartmentId == dep).OrderBy(w => w.Number).ToListAsync()
            : [];
        var items = staff.DepartmentId is { } d2 ? await db.ServiceItems.CountAsync(i => i.DepartmentId == d2 && i.Active) : 0;
        var colleagues = staff.DepartmentId is { } d3
            ? await db.Staff.AsNoTracking().Where(s => s.DepartmentId == d3 && s.Active).OrderBy(s => s.EmployeeNo).ToListAsync()
            : [];
        return new MyProfile(staff, roles, windows, items, colleagues);
    }

    public sealed record DepartmentRow(Department Department, int Windows, int Items, int Staff);

    public sealed record CenterOverview(Center? Center, IReadOnlyList<DepartmentRow> Departments,
        IReadOnlyDictionary<WindowType, int> WindowsByType, int Items, int StaffCount, int Zones);

    public async Task<CenterOverview> GetCenterOverviewAsync()
    {
        await using var db = dbFactory.CreateDbContext();
        var center = await db.Centers.AsNoTracking().FirstOrDefaultAsync();
        var departments = await db.Departments.AsNoTracking().Include(d => d.Zone).OrderBy(d => d.SortOrder).ThenBy(d => d.Code).ToListAsync();
        var windowCounts = await db.Windows.Where(w => w.DepartmentId != null).GroupBy(w => w.DepartmentId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var itemCounts = await db.ServiceItems.Where(i => i.Active).GroupBy(i => i.DepartmentId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var staffCounts = await db.Staff.Where(s => s.Active && s.DepartmentId != null).GroupBy(s => s.DepartmentId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var byType = (await db.Windows.AsNoTracking().Select(w => w.Type).ToListAsync())
            .GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var rows = departments.Select(d => new DepartmentRow(d,
            windowCounts.GetValueOrDefault(d.Id), itemCounts.GetValueOrDefault(d.Id), staffCounts.GetValueOrDefault(d.Id))).ToList();
        return new CenterOverview(center, rows, byType, itemCounts.Values.Sum(), await db.Staff.CountAsync(s => s.Active), await db.Zones.CountAsync());
    }

    public sealed record DirectoryRow(Staff Staff, string? UserName, IReadOnlyList<string> Roles, bool Disabled);

    public async Task<IReadOnlyList<DirectoryRow>> GetStaffDirectoryAsync()
    {
        await using var db = dbFactory.CreateDbContext();
        var staff = await db.Staff.AsNoTracking().Include(s => s.Department).OrderBy(s => s.EmployeeNo).ToListAsync();
        var users = await db.Users.AsNoTracking().Include(u => u.Roles).ThenInclude(r => r.Role).Where(u => u.StaffId != null).ToDictionaryAsync(u => u.StaffId!.Value);
        return staff.Select(s => users.TryGetValue(s.Id, out var u)
            ? new DirectoryRow(s, u.UserName, u.Roles.Select(r => r.Role!.Name!).ToList(), u.IsDisabled)
            : new DirectoryRow(s, null, [], false)).ToList();
    }
}
