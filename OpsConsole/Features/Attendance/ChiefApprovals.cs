using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Common;
using OpsConsole.Domain.People;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Attendance;

/// <summary>How leave and make-up punch requests are approved (configuration section <c>Attendance:Approval</c>).</summary>
public sealed class AttendanceApprovalOptions
{
    public const string Section = "Attendance:Approval";

    /// <summary>HR confirms what a chief representative approved (a second level). Default: false — the chief's approval is final.</summary>
    public bool HrConfirmsChief { get; set; }

    /// <summary>
    /// The chief representative approves before HR can (ADR 0047). Default: true. HR approves directly in departments
    /// without a chief and a chief's own requests; false lets HR approve any pending request (the order before).
    /// </summary>
    public bool ChiefFirst { get; set; } = true;
}

/// <summary>
/// The first level of approval (ADR 0042): a chief representative approves or refuses the leave, official absences and
/// make-up punches of their own department's staff; where configured, HR confirms after them (<see cref="ApprovalRoute"/>).
/// </summary>
public sealed class ChiefApprovals(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock, IOptions<AttendanceApprovalOptions> options)
{
    public enum RequestKind { MakeUp, Leave, Official }

    /// <summary>A request as the chief reads it: whose, what, when, and the step it is at.</summary>
    public sealed record Item(RequestKind Kind, int Id, Staff Staff, string What, string When, string Reason, DateTime RequestedAt, ApprovalStep Step);

    public bool HrConfirms => options.Value.HrConfirmsChief;

    /// <summary>The chief's department staff's pending requests: those waiting for the chief first, then those waiting for HR.</summary>
    public async Task<IReadOnlyList<Item>> PendingAsync(int chiefStaffId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ChiefDepartmentAsync(db, chiefStaffId, ct) is not { } departmentId) return [];
        var staff = await db.Staff.AsNoTracking().Where(s => s.DepartmentId == departmentId && s.Id != chiefStaffId).ToDictionaryAsync(s => s.Id, ct);
        var ids = staff.Keys.ToList();
        var route = ApprovalRoute.For(requesterIsChief: false, departmentHasChief: true, options.Value.HrConfirmsChief, options.Value.ChiefFirst);
        var makeUps = await db.MakeUpPunchRequests.AsNoTracking().Where(m => ids.Contains(m.StaffId) && m.Status == RequestStatus.Pending).ToListAsync(ct);
        var leaves = await db.LeaveRecords.AsNoTracking().Where(l => ids.Contains(l.StaffId) && l.Status == RequestStatus.Pending).ToListAsync(ct);
        var officials = await db.OfficialAbsences.AsNoTracking().Where(o => ids.Contains(o.StaffId) && o.Status == RequestStatus.Pending).ToListAsync(ct);
        var items = makeUps.Select(m => new Item(RequestKind.MakeUp, m.Id, staff[m.StaffId], "补卡", $"{m.Date:yyyy-MM-dd} {AttendanceLabels.Slot(m.Slot)}", m.Reason, m.RequestedAt, route.NextStep(m)))
            .Concat(leaves.Select(l => new Item(RequestKind.Leave, l.Id, staff[l.StaffId], l.Kind.Label(), Period(l.Period), l.Reason, l.RequestedAt, route.NextStep(l))))
            .Concat(officials.Select(o => new Item(RequestKind.Official, o.Id, staff[o.StaffId], o.Kind.Label(), Period(o.Period), o.Reason, o.RequestedAt, route.NextStep(o))));
        return items.OrderBy(i => i.Step == ApprovalStep.Chief ? 0 : 1).ThenBy(i => i.RequestedAt).ToList();
    }

    private static string Period(HalfDayRange p) =>
        $"{p.StartDate:yyyy-MM-dd} {AttendanceText.Label(p.StartHalf)} – {p.EndDate:yyyy-MM-dd} {AttendanceText.Label(p.EndHalf)}";

    /// <summary>The chief approves (first level) or refuses a request of their department's staff.</summary>
    public async Task<OpResult> DecideAsync(int chiefStaffId, RequestKind kind, int requestId, bool approve, string? refusalReason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ChiefDepartmentAsync(db, chiefStaffId, ct) is not { } departmentId) return OpResult.Fail("只有首席代表可以审批本部门人员的申请。");
        ApprovalRequest? request = kind switch
        {
            RequestKind.MakeUp => await db.MakeUpPunchRequests.FirstOrDefaultAsync(m => m.Id == requestId, ct),
            RequestKind.Leave => await db.LeaveRecords.FirstOrDefaultAsync(l => l.Id == requestId, ct),
            _ => await db.OfficialAbsences.FirstOrDefaultAsync(o => o.Id == requestId, ct),
        };
        if (request is null) return OpResult.Fail("该记录已被删除，请刷新后重试。");
        var requester = await db.Staff.AsNoTracking().FirstAsync(s => s.Id == request.StaffId, ct);
        if (requester.DepartmentId != departmentId) return OpResult.Fail("只能审批本部门人员的申请。");
        if (request.StaffId == chiefStaffId) return OpResult.Fail("不能审批自己的申请。");
        var route = ApprovalRoute.For(requester.IsChiefRepresentative, departmentHasChief: true, options.Value.HrConfirmsChief, options.Value.ChiefFirst);
        if (route.NextStep(request) != ApprovalStep.Chief) return OpResult.Fail("该申请已处理，请刷新后查看。");
        if (!approve && string.IsNullOrWhiteSpace(refusalReason)) return OpResult.FailOn("RefusalReason", "驳回时请填写理由。");
        try
        {
            var now = clock.Now.DateTime;
            if (approve) request.ApproveFirstLevel(chiefStaffId, now, route.ChiefIsFinal);
            else request.Refuse(chiefStaffId, now, refusalReason!);
        }
        catch (DomainException)
        {
            return OpResult.Fail("该申请无法按此处理，请刷新后重试。");
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OpResult.Fail("该申请已处理，请刷新后查看。");
        }
        return !approve ? OpResult.Notice("已驳回 {0} 的申请。", requester.Name)
            : route.ChiefIsFinal ? OpResult.Notice("已批准 {0} 的申请。", requester.Name)
            : OpResult.Notice("已同意 {0} 的申请，待人事复核。", requester.Name);
    }

    /// <summary>The department a chief representative leads; null for anyone else.</summary>
    private static async Task<int?> ChiefDepartmentAsync(OpsDbContext db, int staffId, CancellationToken ct) =>
        await db.Staff.Where(s => s.Id == staffId && s.IsChiefRepresentative && s.Active).Select(s => s.DepartmentId).FirstOrDefaultAsync(ct);
}
