using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Windows;

/// <summary>Which service items each person may handle (技能), one department at a time.</summary>
public sealed class SkillEditor(IDbContextFactory<OpsDbContext> dbFactory, WriteGate gate)
{
    public sealed record Person(int Id, string EmployeeNo, string Name, string Title);
    public sealed record Item(int Id, string Code, string Name);
    public sealed record DepartmentSkills(IReadOnlyList<Person> Staff, IReadOnlyList<Item> Items, IReadOnlyDictionary<int, HashSet<int>> Skills);

    public async Task<IReadOnlyList<(int Id, string Name)>> DepartmentsAsync() =>
        (await (await dbFactory.CreateDbContextAsync()).Departments.AsNoTracking().OrderBy(d => d.SortOrder)
            .Select(d => new { d.Id, d.ShortName }).ToListAsync()).Select(d => (d.Id, d.ShortName)).ToList();

    public async Task<DepartmentSkills> LoadAsync(int departmentId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var staff = await db.Staff.AsNoTracking().Where(s => s.DepartmentId == departmentId && s.Active).OrderBy(s => s.EmployeeNo)
            .Select(s => new Person(s.Id, s.EmployeeNo, s.Name, s.Title)).ToListAsync();
        var items = await db.ServiceItems.AsNoTracking().Where(i => i.DepartmentId == departmentId && i.Active).OrderBy(i => i.Code)
            .Select(i => new Item(i.Id, i.Code, i.Name)).ToListAsync();
        var staffIds = staff.Select(s => s.Id).ToList();
        var skills = await db.Set<StaffSkill>().AsNoTracking().Where(k => staffIds.Contains(k.StaffId)).ToListAsync();
        return new DepartmentSkills(staff, items, staff.ToDictionary(s => s.Id, s => skills.Where(k => k.StaffId == s.Id).Select(k => k.ServiceItemId).ToHashSet()));
    }

    /// <summary>Grants or withdraws one skill.</summary>
    public Task<OpResult> SetAsync(int staffId, int itemId, bool granted) => ChangeAsync(staffId, [itemId], granted);

    /// <summary>Grants every active item of the person's department (全选本部门事项).</summary>
    public async Task<OpResult> GrantDepartmentAsync(int staffId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var dept = await db.Staff.Where(s => s.Id == staffId).Select(s => s.DepartmentId).FirstOrDefaultAsync();
        if (dept is null) return OpResult.Fail("该人员不属于任何进驻部门。");
        var items = await db.ServiceItems.Where(i => i.DepartmentId == dept && i.Active).Select(i => i.Id).ToListAsync();
        return await ChangeAsync(staffId, items, true);
    }

    private async Task<OpResult> ChangeAsync(int staffId, IReadOnlyList<int> itemIds, bool granted)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.Staff.AnyAsync(s => s.Id == staffId)) return OpResult.Fail("人员不存在。");
        if (await db.ServiceItems.CountAsync(i => itemIds.Contains(i.Id)) != itemIds.Count) return OpResult.Fail("服务事项不存在。");
        using (await gate.EnterAsync())
        {
            var existing = await db.Set<StaffSkill>().Where(k => k.StaffId == staffId && itemIds.Contains(k.ServiceItemId)).ToListAsync();
            if (granted) db.AddRange(itemIds.Where(i => existing.All(k => k.ServiceItemId != i)).Select(i => new StaffSkill(staffId, i)));
            else db.RemoveRange(existing);
            await db.SaveChangesAsync();
        }
        return OpResult.Ok;
    }
}
