using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Catalog;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Catalog;

/// <summary>Creates and edits departments, windows and service items for managers.</summary>
public sealed class CatalogEditor(IDbContextFactory<OpsDbContext> dbFactory)
{
    public async Task<IReadOnlyList<Department>> DepartmentsAsync()
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.Departments.AsNoTracking().Include(d => d.Zone).OrderBy(d => d.SortOrder).ThenBy(d => d.Code).ToListAsync();
    }

    public async Task<IReadOnlyList<Zone>> ZonesAsync()
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.Zones.AsNoTracking().Include(z => z.Floor).OrderBy(z => z.Code).ToListAsync();
    }

    public async Task<IReadOnlyList<Window>> WindowsAsync()
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.Windows.AsNoTracking().Include(w => w.Zone).Include(w => w.Department).OrderBy(w => w.Number).ToListAsync();
    }

    /// <summary>
    /// A line of the item list: what the table shows and what its search and filter read, not the guide's text
    /// (an open list keeps its rows for as long as the page is open).
    /// </summary>
    public sealed record ItemRow(int Id, string Code, string Name, string? DepartmentName, string? DepartmentShortName,
        ServiceItemKind Kind, int PromisedLimitDays, int VisitsNeeded, IReadOnlyList<string> MissingFromGuide);

    public async Task<IReadOnlyList<ItemRow>> ItemRowsAsync()
    {
        await using var db = dbFactory.CreateDbContext();
        var items = await db.ServiceItems.AsNoTracking().Include(i => i.Department).OrderBy(i => i.Department!.SortOrder).ThenBy(i => i.Code).ToListAsync();
        return items.Select(i => new ItemRow(i.Id, i.Code, i.Name, i.Department?.Name, i.Department?.ShortName, i.Kind,
            i.PromisedLimitDays, i.VisitsNeeded, GuideCompleteness.Missing(i))).ToList();
    }

    public async Task<ServiceItem?> ItemAsync(int id)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.ServiceItems.AsNoTracking().Include(i => i.Department)
            .FirstOrDefaultAsync(i => i.Id == id);
    }

    public async Task<OpResult> SaveDepartmentAsync(Department input)
    {
        var check = new InputCheck()
            .Required(nameof(Department.Code), "部门编码", input.Code, Department.CodeMaxLength)
            .Required(nameof(Department.Name), "部门名称", input.Name, Department.NameMaxLength)
            .Optional(nameof(Department.ShortName), "简称", input.ShortName, 20)
            .Optional(nameof(Department.Phone), "联系电话", input.Phone, 40);
        if (!check.Ok) return check.First;

        await using var db = dbFactory.CreateDbContext();
        var code = input.Code.Trim();
        var name = input.Name.Trim();
        if (await db.Departments.AnyAsync(d => d.Code == code && d.Id != input.Id))
            return OpResult.FailOn(nameof(Department.Code), "部门编码 {0} 已被其他部门使用。", code);
        if (await db.Departments.AnyAsync(d => d.Name == name && d.Id != input.Id))
            return OpResult.FailOn(nameof(Department.Name), "部门名称 {0} 已存在。", name);

        var entity = input.Id == 0 ? db.Departments.Add(new Department()).Entity : await db.Departments.FindAsync(input.Id);
        if (entity is null) return OpResult.Fail("该记录已被删除，请刷新后重试。");
        entity.Code = code;
        entity.Name = name;
        entity.ShortName = input.ShortName.Trim();
        entity.Phone = input.Phone.Trim();
        entity.ZoneId = input.ZoneId;
        entity.SortOrder = input.SortOrder;
        await db.SaveChangesAsync();
        return OpResult.Ok;
    }

    public async Task<OpResult> SaveWindowAsync(Window input)
    {
        var check = new InputCheck()
            .Range(nameof(Window.Number), "窗口号", input.Number, 1, 9999)
            .Required(nameof(Window.Name), "窗口名称", input.Name, Window.NameMaxLength)
            .That(input.ZoneId > 0, nameof(Window.ZoneId), "请选择所在区域。")
            .That(input.Type != WindowType.Dedicated || input.DepartmentId is not null, nameof(Window.DepartmentId), "专窗必须指定所属部门。");
        if (!check.Ok) return check.First;

        await using var db = dbFactory.CreateDbContext();
        if (await db.Windows.AnyAsync(w => w.Number == input.Number && w.Id != input.Id))
            return OpResult.FailOn(nameof(Window.Number), "窗口号 {0} 已被使用。", input.Number);

        var entity = input.Id == 0 ? db.Windows.Add(new Window()).Entity : await db.Windows.FindAsync(input.Id);
        if (entity is null) return OpResult.Fail("该记录已被删除，请刷新后重试。");
        entity.Number = input.Number;
        entity.Name = input.Name.Trim();
        entity.Type = input.Type;
        entity.ZoneId = input.ZoneId;
        entity.DepartmentId = input.DepartmentId;
        entity.Active = input.Active;
        await db.SaveChangesAsync();
        return OpResult.Ok;
    }

    public async Task<OpResult> SaveItemAsync(ServiceItem input)
    {
        var check = new InputCheck()
            .Required(nameof(ServiceItem.Code), "实施编码", input.Code, ServiceItem.CodeMaxLength)
            .Required(nameof(ServiceItem.Name), "事项名称", input.Name, ServiceItem.NameMaxLength)
            .That(input.DepartmentId > 0, nameof(ServiceItem.DepartmentId), "请选择实施部门。")
            .Optional(nameof(ServiceItem.Basis), "设定依据", input.Basis, ServiceItem.TextMaxLength)
            .Optional(nameof(ServiceItem.Conditions), "受理条件", input.Conditions, ServiceItem.TextMaxLength)
            .Range(nameof(ServiceItem.StatutoryLimitDays), "法定时限", input.StatutoryLimitDays, 0, 365)
            .Range(nameof(ServiceItem.PromisedLimitDays), "承诺时限", input.PromisedLimitDays, 0, 365)
            .That(input.StatutoryLimitDays == 0 || input.PromisedLimitDays <= input.StatutoryLimitDays,
                nameof(ServiceItem.PromisedLimitDays), "承诺时限不能超过法定时限。")
            .Optional(nameof(ServiceItem.Fees), "收费标准", input.Fees, 500)
            .Optional(nameof(ServiceItem.Place), "办理地点", input.Place, 200)
            .Optional(nameof(ServiceItem.Hours), "办理时间", input.Hours, 200)
            .Optional(nameof(ServiceItem.Phone), "咨询电话", input.Phone, 40)
            .Optional(nameof(ServiceItem.ComplaintChannel), "投诉渠道", input.ComplaintChannel, 300)
            .Optional(nameof(ServiceItem.OnlineUrl), "网上办理地址", input.OnlineUrl, 300)
            .Range(nameof(ServiceItem.VisitsNeeded), "到现场次数", input.VisitsNeeded, 0, 5);
        foreach (var m in input.Materials)
        {
            check.Required(nameof(ServiceItem.Materials), "材料名称", m.Name, RequiredMaterial.NameMaxLength)
                 .Range(nameof(ServiceItem.Materials), "材料份数", m.Copies, 0, 99);
        }
        foreach (var s in input.ProcessSteps)
        {
            check.Required(nameof(ServiceItem.ProcessSteps), "环节名称", s.Name, ProcessStep.NameMaxLength)
                 .Optional(nameof(ServiceItem.ProcessSteps), "环节说明", s.Description, 1000);
        }
        if (!check.Ok) return check.First;

        await using var db = dbFactory.CreateDbContext();
        var code = input.Code.Trim();
        if (await db.ServiceItems.AnyAsync(i => i.Code == code && i.Id != input.Id))
            return OpResult.FailOn(nameof(ServiceItem.Code), "实施编码 {0} 已被其他事项使用。", code);

        var entity = input.Id == 0 ? db.ServiceItems.Add(new ServiceItem()).Entity : await db.ServiceItems.FirstOrDefaultAsync(i => i.Id == input.Id);
        if (entity is null) return OpResult.Fail("该记录已被删除，请刷新后重试。");
        entity.Code = code;
        entity.Name = input.Name.Trim();
        entity.DepartmentId = input.DepartmentId;
        entity.Kind = input.Kind;
        entity.Basis = input.Basis.Trim();
        entity.Conditions = input.Conditions.Trim();
        entity.StatutoryLimitDays = input.StatutoryLimitDays;
        entity.PromisedLimitDays = input.PromisedLimitDays;
        entity.Fees = input.Fees.Trim();
        entity.Place = input.Place.Trim();
        entity.Hours = input.Hours.Trim();
        entity.Phone = input.Phone.Trim();
        entity.ComplaintChannel = input.ComplaintChannel.Trim();
        entity.VisitsNeeded = input.VisitsNeeded;
        entity.OnlineUrl = input.OnlineUrl.Trim();
        entity.Active = input.Active;
        // Owned collections are replaced as a whole: the guide is edited as one document.
        entity.Materials = input.Materials.Select((m, i) => new RequiredMaterial
            { Order = i + 1, Name = m.Name.Trim(), Form = m.Form, Copies = m.Copies, Note = m.Note.Trim() }).ToList();
        entity.ProcessSteps = input.ProcessSteps.Select((s, i) => new ProcessStep
            { Order = i + 1, Name = s.Name.Trim(), Description = s.Description.Trim() }).ToList();
        await db.SaveChangesAsync();
        input.Id = entity.Id;
        return OpResult.Ok;
    }
}
