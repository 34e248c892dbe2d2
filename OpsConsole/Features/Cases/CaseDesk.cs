using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Cases;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.Common;
using OpsConsole.Domain.People;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Cases;

/// <summary>
/// Registering and handling cases: from a served ticket in one step or without one, then
/// processing, correction (suspension), conclusion, rejection or return. Each change is saved over the revision it was made on and is followed by a
/// supervision pass over that case, so a late conclusion earns its red card at once.
/// </summary>
public sealed class CaseDesk(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock, IWorkingDayCalendar calendar, SupervisionPass supervision,
    SupervisionFeed feed)
{
    /// <summary>What the registration form fills in.</summary>
    public sealed class CaseForm
    {
        public CaseKind Kind { get; set; } = CaseKind.Promised;
        public int ServiceItemId { get; set; }
        public string ApplicantName { get; set; } = "";
        public string? ApplicantPhone { get; set; }
        /// <summary>Empty: the item's promised days.</summary>
        public int? PromisedDays { get; set; }
        /// <summary>Accepted with materials owed: what the applicant still owes.</summary>
        public string? MaterialsOwed { get; set; }
        /// <summary>Joint case: the participating departments besides the lead.</summary>
        public List<int> JointDepartmentIds { get; set; } = [];
        /// <summary>Joint case: the lead department; empty: the item's department.</summary>
        public int? LeadDepartmentId { get; set; }
        /// <summary>Only without a ticket: the window the case is received at.</summary>
        public int? WindowId { get; set; }
    }

    public sealed record ItemChoice(int Id, string Name, int DepartmentId, int PromisedDays);

    /// <summary>A served ticket about to become a case: where and by whom it was served, and the items its queue covers.</summary>
    public sealed record TicketDraft(int TicketId, string Number, int WindowId, string WindowName, int StaffId, string StaffName,
        IReadOnlyList<ItemChoice> Items, long? ExistingCaseId);

    public sealed record Registered(OpResult Result, long? CaseId = null, string? Number = null);

    /// <summary>Where a case may be transferred to: the active windows (with their department) and the active staff.</summary>
    public sealed record TransferChoices(IReadOnlyList<WindowChoice> Windows, IReadOnlyList<PersonChoice> Staff);

    public sealed record WindowChoice(int Id, string Name, int? DepartmentId);

    public sealed record PersonChoice(int Id, string Name, int? DepartmentId);

    public sealed record DepartmentChoice(int Id, string Name);

    /// <summary>The departments a joint case can involve.</summary>
    public async Task<IReadOnlyList<DepartmentChoice>> DepartmentsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name).Select(d => new DepartmentChoice(d.Id, d.Name)).ToListAsync(ct);
    }

    /// <summary>The ticket <paramref name="actor"/> serves or served today, ready to become a case; null when it is not theirs.</summary>
    public async Task<TicketDraft?> DraftFromTicketAsync(int ticketId, CaseActor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await db.Set<Ticket>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is null || ticket.StaffId != actor.StaffId || ticket.WindowId is null) return null;
        if (ticket.State is not (TicketState.Serving or TicketState.Completed)) return null;
        var window = await db.Windows.AsNoTracking().SingleAsync(w => w.Id == ticket.WindowId, ct);
        var staff = await db.Staff.AsNoTracking().SingleAsync(s => s.Id == actor.StaffId, ct);
        var itemIds = await db.Set<ServiceQueueItem>().Where(i => i.ServiceQueueId == ticket.QueueId).Select(i => i.ServiceItemId).ToListAsync(ct);
        var items = await ItemsAsync(db, itemIds, ct);
        var existing = await db.Set<ServiceCase>().Where(c => c.TicketId == ticketId).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
        return new TicketDraft(ticket.Id, ticket.Number.ToString(), window.Id, window.Name, staff.Id, staff.Name, items, existing);
    }

    /// <summary>The active items a case can be registered for without a ticket (all of them; the form filters).</summary>
    public async Task<IReadOnlyList<ItemChoice>> ItemsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ItemsAsync(db, null, ct);
    }

    private static async Task<List<ItemChoice>> ItemsAsync(OpsDbContext db, List<int>? ids, CancellationToken ct)
    {
        var q = db.ServiceItems.AsNoTracking().Where(i => i.Active);
        if (ids is not null) q = q.Where(i => ids.Contains(i.Id));
        return await q.OrderBy(i => i.Code).Select(i => new ItemChoice(i.Id, i.Name, i.DepartmentId, i.PromisedLimitDays)).ToListAsync(ct);
    }

    /// <summary>The served ticket becomes a case; its window, staff member and the chosen item of its queue carry over.</summary>
    public async Task<Registered> RegisterFromTicketAsync(int ticketId, CaseForm form, CaseActor actor, CancellationToken ct = default)
    {
        var draft = await DraftFromTicketAsync(ticketId, actor, ct);
        if (draft is null) return new(OpResult.Fail("只能把您本人正在办理或今天办结的号转为办件。"));
        if (draft.ExistingCaseId is not null) return new(OpResult.Fail("该号已转为办件。"));
        var item = draft.Items.FirstOrDefault(i => i.Id == form.ServiceItemId);
        if (item is null) return new(OpResult.FailOn(nameof(CaseForm.ServiceItemId), "请选择该号所办的事项。"));
        return await RegisterAsync(form, item, draft.WindowId, draft.StaffId, ticketId, actor, ct);
    }

    /// <summary>Registers a case received at the actor's window without a ticket (e.g. an online application).</summary>
    public async Task<Registered> RegisterWithoutTicketAsync(CaseForm form, CaseActor actor, CancellationToken ct = default)
    {
        if (form.WindowId is not { } windowId) return new(OpResult.FailOn(nameof(CaseForm.WindowId), "请选择受理窗口。"));
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (!await db.Windows.AnyAsync(w => w.Id == windowId, ct)) return new(OpResult.FailOn(nameof(CaseForm.WindowId), "请选择受理窗口。"));
        }
        var item = (await ItemsAsync(ct)).FirstOrDefault(i => i.Id == form.ServiceItemId);
        if (item is null) return new(OpResult.FailOn(nameof(CaseForm.ServiceItemId), "请选择事项。"));
        return await RegisterAsync(form, item, windowId, actor.StaffId, null, actor, ct);
    }

    private async Task<Registered> RegisterAsync(CaseForm form, ItemChoice item, int windowId, int staffId, int? ticketId, CaseActor actor, CancellationToken ct)
    {
        var days = form.Kind == CaseKind.OnTheSpot ? 0 : form.PromisedDays ?? item.PromisedDays;
        var lead = item.DepartmentId;
        if (form.Kind == CaseKind.Joint && form.LeadDepartmentId is { } chosen && chosen != item.DepartmentId)
        {
            await using var check = await dbFactory.CreateDbContextAsync(ct);
            if (!await check.Departments.AnyAsync(d => d.Id == chosen, ct)) return new(OpResult.FailOn(nameof(CaseForm.LeadDepartmentId), "请选择牵头部门。"));
            lead = chosen;
        }
        var joint = form.Kind == CaseKind.Joint ? form.JointDepartmentIds.Append(item.DepartmentId).Where(d => d != lead).Distinct().ToList() : [];
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var now = clock.Now;
            var today = clock.Today;
            var prefix = today.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            var count = await db.Set<ServiceCase>().CountAsync(c => c.AcceptedOn == today, ct);
            var number = $"{prefix}{count + 1 + attempt:0000}";
            ServiceCase c;
            try
            {
                c = ServiceCase.Register(number, form.Kind, item.Id, new CaseParty(lead, windowId, staffId), form.ApplicantName,
                    form.ApplicantPhone, days, now, calendar, actor.StaffId, ticketId, joint, form.MaterialsOwed);
            }
            catch (DomainException ex)
            {
                return new(OpResult.Fail(CaseMessages.Of(ex.Message)));
            }
            db.Add(c);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (CaseMessages.IsUniqueViolation(ex))
            {
                if (ticketId is not null && await db.Set<ServiceCase>().AnyAsync(x => x.TicketId == ticketId, ct)) return new(OpResult.Fail("该号已转为办件。"));
                if (attempt < 5) continue;
                throw;
            }
            await supervision.RaiseForAsync(c.Id, ct);
            feed.Changed();
            return new(OpResult.Ok, c.Id, c.Number);
        }
    }

    public Task<OpResult> StartAsync(long caseId, CaseActor actor, string? note, CancellationToken ct = default) =>
        ChangeAsync(caseId, actor, (c, at) => c.Start(at, actor.StaffId, note), ct);

    /// <summary>Correction requested: the deadline stops until the materials arrive.</summary>
    public Task<OpResult> RequestCorrectionAsync(long caseId, CaseActor actor, string whatIsMissing, CancellationToken ct = default) =>
        ChangeAsync(caseId, actor, (c, at) => c.RequestCorrection(whatIsMissing, at, actor.StaffId), ct);

    /// <summary>The materials arrived: the deadline moves by the working days the correction lasted.</summary>
    public Task<OpResult> ReceiveCorrectionAsync(long caseId, CaseActor actor, string? note, CancellationToken ct = default) =>
        ChangeAsync(caseId, actor, (c, at) => c.ReceiveCorrection(at, calendar, actor.StaffId, note), ct);

    public Task<OpResult> ConcludeAsync(long caseId, CaseActor actor, string? note, CancellationToken ct = default) =>
        ChangeAsync(caseId, actor, (c, at) => c.Conclude(at, actor.StaffId, note), ct);

    /// <summary>Rejection (not accepted), with the reason.</summary>
    public Task<OpResult> RejectAsync(long caseId, CaseActor actor, string reason, CancellationToken ct = default) =>
        ChangeAsync(caseId, actor, (c, at) => c.Reject(reason, at, actor.StaffId), ct);

    /// <summary>Return to the applicant, with the reason.</summary>
    public Task<OpResult> ReturnAsync(long caseId, CaseActor actor, string reason, CancellationToken ct = default) =>
        ChangeAsync(caseId, actor, (c, at) => c.Return(reason, at, actor.StaffId), ct);

    /// <summary>Windows and staff a case can be transferred to (active ones).</summary>
    public async Task<TransferChoices> TransferChoicesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var windows = await db.Windows.AsNoTracking().Where(w => w.Active).OrderBy(w => w.Number)
            .Select(w => new WindowChoice(w.Id, w.Name, w.DepartmentId)).ToListAsync(ct);
        var staff = await db.Staff.AsNoTracking().Where(s => s.Active).OrderBy(s => s.EmployeeNo)
            .Select(s => new PersonChoice(s.Id, s.Name, s.DepartmentId)).ToListAsync(ct);
        return new(windows, staff);
    }

    /// <summary>
    /// 转办: the case goes to another window and staff member, and to the window's department (a comprehensive window
    /// without a department keeps the case's). Its staff member, the department's chief representative or a manager may
    /// transfer it; the history keeps who, when, from where to where and why.
    /// </summary>
    public Task<OpResult> TransferAsync(long caseId, CaseActor actor, int windowId, int staffId, string reason, CancellationToken ct = default) =>
        ChangeAsync(caseId, actor, async (db, c) =>
        {
            var window = await db.Windows.AsNoTracking().Where(w => w.Id == windowId && w.Active).Select(w => new { w.Id, w.Name, w.DepartmentId }).FirstOrDefaultAsync(ct);
            if (window is null) return OpResult.FailOn("WindowId", "请选择转入窗口。");
            var person = await db.Staff.AsNoTracking().Where(s => s.Id == staffId && s.Active).Select(s => new { s.Id, s.Name }).FirstOrDefaultAsync(ct);
            if (person is null) return OpResult.FailOn("StaffId", "请选择转入经办人。");
            var from = await db.Windows.Where(w => w.Id == c.WindowId).Select(w => w.Name).FirstOrDefaultAsync(ct);
            var fromStaff = await db.Staff.Where(s => s.Id == c.StaffId).Select(s => s.Name).FirstOrDefaultAsync(ct);
            var why = (reason ?? "").Trim();
            var note = why.Length == 0 ? why : $"{from}·{fromStaff} → {window.Name}·{person.Name}：{why}";
            if (note.Length > ServiceCase.NoteMaxLength) note = note[..ServiceCase.NoteMaxLength];
            c.Transfer(new CaseParty(window.DepartmentId ?? c.DepartmentId, window.Id, person.Id), note, clock.Now, actor.StaffId);
            return OpResult.Ok;
        }, ct);

    private Task<OpResult> ChangeAsync(long caseId, CaseActor actor, Action<ServiceCase, DateTimeOffset> change, CancellationToken ct) =>
        ChangeAsync(caseId, actor, (_, c) =>
        {
            change(c, clock.Now);
            return Task.FromResult(OpResult.Ok);
        }, ct);

    private async Task<OpResult> ChangeAsync(long caseId, CaseActor actor, Func<OpsDbContext, ServiceCase, Task<OpResult>> change, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var c = await db.Set<ServiceCase>().FirstOrDefaultAsync(x => x.Id == caseId, ct);
            if (c is null) return OpResult.Fail("没有找到该办件。");
            if (!await MayActAsync(db, c, actor, ct)) return OpResult.Fail("您无权办理该办件。");
            try
            {
                var result = await change(db, c);
                if (!result.Succeeded) return result;
                await db.SaveChangesAsync(ct);
            }
            catch (DomainException ex)
            {
                return OpResult.Fail(CaseMessages.Of(ex.Message));
            }
            catch (DbUpdateConcurrencyException)
            {
                return OpResult.Fail(CaseMessages.ConcludedByAnother);
            }
        }
        await supervision.RaiseForAsync(caseId, ct);
        feed.Changed();
        return OpResult.Ok;
    }

    internal static async Task<bool> MayActAsync(OpsDbContext db, ServiceCase c, CaseActor actor, CancellationToken ct)
    {
        if (actor.IsManager || c.StaffId == actor.StaffId) return true;
        if (!actor.IsChief) return false;
        var department = await db.Staff.Where(s => s.Id == actor.StaffId).Select(s => s.DepartmentId).FirstOrDefaultAsync(ct);
        return department == c.DepartmentId;
    }
}
