using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Common;
using OpsConsole.Domain.People;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Attendance;

/// <summary>
/// Make-up punch requests (补卡), leave (请假) and official absences (公出…): staff ask, HR or a manager approves or refuses
/// once — after the department's chief representative where the chief goes first (ADR 0042, 0047); HR may also record
/// leave or an official absence for someone, approved as recorded.
/// </summary>
public sealed class AttendanceRequests(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock, IWorkingDayCalendar calendar,
    IOptions<AttendanceApprovalOptions> approval)
{
    public sealed record StaffChoice(string EmployeeNo, string Name);

    public sealed record PendingMakeUp(MakeUpPunchRequest Request, Staff Staff)
    {
        /// <summary>Pending and waiting for the department's chief representative, who approves first.</summary>
        public bool AwaitingChief { get; init; }
    }

    public sealed record LeaveItem(LeaveRecord? Leave, OfficialAbsenceRecord? Official, Staff Staff)
    {
        public ApprovalRequest Request => (ApprovalRequest?)Leave ?? Official!;
        public HalfDayRange Period => Leave?.Period ?? Official!.Period;
        public AbsenceKind Kind => Leave is { } l ? AbsenceKind.Of(l.Kind) : AbsenceKind.Of(Official!.Kind);
        public AbsenceRef Ref => new(Request.Id, Official is not null);
        /// <summary>Pending and waiting for the department's chief representative, who approves first.</summary>
        public bool AwaitingChief { get; init; }
    }

    public async Task<OpResult> RequestMakeUpAsync(int staffId, DateOnly date, PunchSlot slot, string reason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var setup = await AttendanceSetup.LoadAsync(db, ct);
        var month = YearMonth.Of(date);
        var existing = await db.MakeUpPunchRequests.Where(m => m.StaffId == staffId && m.Date >= month.FirstDay && m.Date <= month.LastDay).ToListAsync(ct);
        var outcome = MakeUpPunchPolicy.Request(staffId, date, slot, reason ?? "", clock.Now.DateTime, existing,
            setup.RuleSets.ForMonth(month).Rules.MakeUpRequestsPerMonth, setup.Calendar);
        if (outcome.Request is not { } request)
        {
            return outcome.Refusal switch
            {
                MakeUpRefusal.MonthlyLimitReached => OpResult.Fail("本月补卡次数已用完（每月最多 {0} 次）。", setup.RuleSets.ForMonth(month).Rules.MakeUpRequestsPerMonth),
                MakeUpRefusal.AlreadyRequested => OpResult.Fail("这次打卡已经申请过补卡。"),
                MakeUpRefusal.FutureDate => OpResult.Fail("不能为今天以后的日期申请补卡。"),
                MakeUpRefusal.NotAWorkday => OpResult.Fail("该日不是工作日，无需补卡。"),
                MakeUpRefusal.ReasonRequired => OpResult.FailOn("Reason", "请填写补卡原因。"),
                _ => OpResult.FailOn("Reason", "补卡原因不能超过 {0} 个字符。", ApprovalRequest.ReasonMaxLength),
            };
        }
        db.MakeUpPunchRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return OpResult.Ok;
    }

    public async Task<OpResult> WithdrawAsync(int staffId, int requestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.MakeUpPunchRequests.FirstOrDefaultAsync(m => m.Id == requestId && m.StaffId == staffId, ct);
        if (request is null) return OpResult.Fail("该记录已被删除，请刷新后重试。");
        if (request.Status != RequestStatus.Pending) return OpResult.Fail("该申请已处理，不能撤回。");
        request.Withdraw();
        return await SaveOnceAsync(db, ct);
    }

    /// <summary>The requester takes back a pending leave or official absence.</summary>
    public async Task<OpResult> WithdrawAbsenceAsync(int staffId, AbsenceRef absence, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await FindAsync(db, absence, ct);
        if (request is null || request.StaffId != staffId) return OpResult.Fail("该记录已被删除，请刷新后重试。");
        if (request.Status != RequestStatus.Pending) return OpResult.Fail("该申请已处理，不能撤回。");
        request.Withdraw();
        return await SaveOnceAsync(db, ct);
    }

    /// <summary>A staff member asks for leave or an official absence over a range of half-days; it counts once a manager approves it.</summary>
    public async Task<OpResult> RequestAbsenceAsync(int staffId, AbsenceKind kind, DateOnly start, HalfDay startHalf, DateOnly end, HalfDay endHalf,
        string? reason, CancellationToken ct = default)
    {
        if (CheckAbsence(kind, start, startHalf, end, endHalf, reason) is { } invalid) return invalid;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = new HalfDayRange(start, startHalf, end, endHalf);
        if (await OverlapsAsync(db, staffId, period, ct)) return OpResult.Fail("这段时间已有请假或公出记录。");
        db.Add(kind.Create(staffId, period, reason ?? "", clock.Now.DateTime));
        await db.SaveChangesAsync(ct);
        return OpResult.Ok;
    }

    /// <summary>
    /// HR or a manager records leave or an official absence for someone (a paper form, a phone call): saved as approved by
    /// the recorder, who cannot record their own.
    /// </summary>
    public async Task<OpResult> RecordAbsenceAsync(int? recorderStaffId, string? employeeNo, AbsenceKind kind, DateOnly start, HalfDay startHalf,
        DateOnly end, HalfDay endHalf, string? reason, CancellationToken ct = default)
    {
        if (recorderStaffId is not { } recorder) return OpResult.Fail("您的账号未关联人员档案，不能登记。");
        if (string.IsNullOrWhiteSpace(employeeNo)) return OpResult.FailOn("EmployeeNo", "请填写工号。");
        if (CheckAbsence(kind, start, startHalf, end, endHalf, reason) is { } invalid) return invalid;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var no = employeeNo.Trim();
        var staffId = await db.Staff.Where(s => s.EmployeeNo == no).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        if (staffId is not { } id) return OpResult.FailOn("EmployeeNo", "工号 {0} 不存在。", no);
        if (id == recorder) return OpResult.FailOn("EmployeeNo", "不能为自己登记，请由其他负责人登记。");
        var period = new HalfDayRange(start, startHalf, end, endHalf);
        if (await OverlapsAsync(db, id, period, ct)) return OpResult.Fail("这段时间已有请假或公出记录。");
        var now = clock.Now.DateTime;
        var record = kind.Create(id, period, reason ?? "", now);
        record.Approve(recorder, now);
        db.Add(record);
        await db.SaveChangesAsync(ct);
        return OpResult.Notice("已为 {0} 登记{1}。", no, kind.Label);
    }

    public async Task<OpResult> DecideAbsenceAsync(AbsenceRef absence, int? deciderStaffId, bool approve, string? refusalReason, CancellationToken ct = default)
    {
        if (deciderStaffId is not { } decider) return OpResult.Fail("您的账号未关联人员档案，不能审批。");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await FindAsync(db, absence, ct);
        if (request is null) return OpResult.Fail("该记录已被删除，请刷新后重试。");
        return await DecideAsync(db, request, decider, approve, refusalReason, ct);
    }

    private OpResult? CheckAbsence(AbsenceKind kind, DateOnly start, HalfDay startHalf, DateOnly end, HalfDay endHalf, string? reason)
    {
        if (!kind.IsDefined) return OpResult.FailOn("Kind", "请选择请假类别。");
        if (start == default || end == default) return OpResult.FailOn("Start", "请选择起止日期。");
        if (end.DayNumber * 2 + (int)endHalf < start.DayNumber * 2 + (int)startHalf) return OpResult.FailOn("End", "结束时间不能早于开始时间。");
        if (end.DayNumber - start.DayNumber > 366) return OpResult.FailOn("End", "一次最多登记一年，请分段登记。");
        if ((reason ?? "").Trim().Length > ApprovalRequest.ReasonMaxLength) return OpResult.FailOn("Reason", "事由不能超过 {0} 个字符。", ApprovalRequest.ReasonMaxLength);
        if (new HalfDayRange(start, startHalf, end, endHalf).WorkingHalfDays(calendar) == 0) return OpResult.FailOn("Start", "所选期间没有工作日，无需登记。");
        return null;
    }

    /// <summary>Leave and official absences pending or approved never overlap for one person.</summary>
    private static async Task<bool> OverlapsAsync(OpsDbContext db, int staffId, HalfDayRange period, CancellationToken ct)
    {
        var leaves = await db.LeaveRecords.AsNoTracking()
            .Where(l => l.StaffId == staffId && (l.Status == RequestStatus.Pending || l.Status == RequestStatus.Approved)
                        && l.Period.StartDate <= period.EndDate && l.Period.EndDate >= period.StartDate).Select(l => l.Period).ToListAsync(ct);
        var officials = await db.OfficialAbsences.AsNoTracking()
            .Where(o => o.StaffId == staffId && (o.Status == RequestStatus.Pending || o.Status == RequestStatus.Approved)
                        && o.Period.StartDate <= period.EndDate && o.Period.EndDate >= period.StartDate).Select(o => o.Period).ToListAsync(ct);
        return leaves.Concat(officials).Any(p => p.Overlaps(period));
    }

    private static async Task<ApprovalRequest?> FindAsync(OpsDbContext db, AbsenceRef absence, CancellationToken ct) => absence.Official
        ? await db.OfficialAbsences.FirstOrDefaultAsync(o => o.Id == absence.Id, ct)
        : await db.LeaveRecords.FirstOrDefaultAsync(l => l.Id == absence.Id, ct);

    /// <param name="deciderStaffId">The approver's own staff record: nobody decides their own request.</param>
    public async Task<OpResult> DecideMakeUpAsync(int requestId, int? deciderStaffId, bool approve, string? refusalReason, CancellationToken ct = default)
    {
        if (deciderStaffId is not { } decider) return OpResult.Fail("您的账号未关联人员档案，不能审批。");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.MakeUpPunchRequests.FirstOrDefaultAsync(m => m.Id == requestId, ct);
        if (request is null) return OpResult.Fail("该记录已被删除，请刷新后重试。");
        return await DecideAsync(db, request, decider, approve, refusalReason, ct);
    }

    private async Task<OpResult> DecideAsync(OpsDbContext db, ApprovalRequest request, int decider, bool approve, string? refusalReason, CancellationToken ct)
    {
        if (request.Status != RequestStatus.Pending) return OpResult.Fail("该申请已处理，请刷新后查看。");
        if (request.StaffId == decider) return OpResult.Fail("不能审批自己的申请。");
        if (!approve && string.IsNullOrWhiteSpace(refusalReason)) return OpResult.FailOn("RefusalReason", "驳回时请填写理由。");
        var route = await RouteAsync(db, request.StaffId, ct);
        if (approve && !route.HrMayApprove(request)) return OpResult.Fail(AwaitingChiefMessage);
        try
        {
            if (approve) request.ApproveAsHr(decider, clock.Now.DateTime, route);
            else request.Refuse(decider, clock.Now.DateTime, refusalReason!);
        }
        catch (DomainException)
        {
            return OpResult.Fail("该申请无法按此处理，请刷新后重试。");
        }
        return await SaveOnceAsync(db, ct);
    }

    /// <summary>What HR reads when approving a request the department's chief representative has not approved yet.</summary>
    public const string AwaitingChiefMessage = "该申请须先由本部门首席代表审批，首席代表同意后人事才能审批。";

    /// <summary>The levels a request of <paramref name="staffId"/> passes (the department has a chief when an active one leads it).</summary>
    private async Task<ApprovalRoute> RouteAsync(OpsDbContext db, int staffId, CancellationToken ct)
    {
        var requester = await db.Staff.AsNoTracking().Where(s => s.Id == staffId).Select(s => new { s.DepartmentId, s.IsChiefRepresentative }).FirstAsync(ct);
        var hasChief = requester.DepartmentId is { } d
                       && await db.Staff.AnyAsync(s => s.DepartmentId == d && s.IsChiefRepresentative && s.Active && s.Id != staffId, ct);
        return ApprovalRoute.For(requester.IsChiefRepresentative, hasChief, approval.Value.HrConfirmsChief, approval.Value.ChiefFirst);
    }

    /// <summary>The departments led by an active chief representative (whose staff's requests go to the chief first).</summary>
    private static async Task<HashSet<int>> ChiefDepartmentsAsync(OpsDbContext db, CancellationToken ct) =>
        (await db.Staff.AsNoTracking().Where(s => s.IsChiefRepresentative && s.Active && s.DepartmentId != null)
            .Select(s => s.DepartmentId!.Value).Distinct().ToListAsync(ct)).ToHashSet();

    private bool IsAwaitingChief(ApprovalRequest request, Staff requester, HashSet<int> chiefDepartments) =>
        !ApprovalRoute.For(requester.IsChiefRepresentative, requester.DepartmentId is { } d && chiefDepartments.Contains(d),
            approval.Value.HrConfirmsChief, approval.Value.ChiefFirst).HrMayApprove(request) && request.Status == RequestStatus.Pending;

    /// <summary>Saves a decision or withdrawal unless someone else changed the request's status meanwhile.</summary>
    private static async Task<OpResult> SaveOnceAsync(OpsDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return OpResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return OpResult.Fail("该申请已处理，请刷新后查看。");
        }
    }

    /// <summary>The people HR can record leave for: everyone, by employee number.</summary>
    public async Task<IReadOnlyList<StaffChoice>> StaffChoicesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Staff.AsNoTracking().OrderBy(s => s.EmployeeNo).Select(s => new StaffChoice(s.EmployeeNo, s.Name)).ToListAsync(ct);
    }

    /// <summary>The exceptions to resolve for a month: pending make-ups first, then the month's make-ups, leave and official absences.</summary>
    public async Task<(IReadOnlyList<PendingMakeUp> MakeUps, IReadOnlyList<LeaveItem> Leaves)> ExceptionsAsync(YearMonth month, int? departmentId,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var first = month.FirstDay;
        var last = month.LastDay;
        var staff = await db.Staff.AsNoTracking().Include(s => s.Department)
            .Where(s => departmentId == null || s.DepartmentId == departmentId).ToDictionaryAsync(s => s.Id, ct);
        var chiefs = await ChiefDepartmentsAsync(db, ct);
        var makeUps = (await db.MakeUpPunchRequests.AsNoTracking()
                .Where(m => (m.Date >= first && m.Date <= last) || m.Status == RequestStatus.Pending).ToListAsync(ct))
            .Where(m => staff.ContainsKey(m.StaffId))
            .OrderBy(m => m.Status == RequestStatus.Pending ? 0 : 1).ThenByDescending(m => m.Date).ThenBy(m => m.Id)
            .Select(m => new PendingMakeUp(m, staff[m.StaffId]) { AwaitingChief = IsAwaitingChief(m, staff[m.StaffId], chiefs) }).ToList();
        var leaves = (await db.LeaveRecords.AsNoTracking()
                .Where(l => (l.Period.StartDate <= last && l.Period.EndDate >= first) || l.Status == RequestStatus.Pending).ToListAsync(ct))
            .Where(l => staff.ContainsKey(l.StaffId)).Select(l => new LeaveItem(l, null, staff[l.StaffId]) { AwaitingChief = IsAwaitingChief(l, staff[l.StaffId], chiefs) });
        var officials = (await db.OfficialAbsences.AsNoTracking()
                .Where(o => (o.Period.StartDate <= last && o.Period.EndDate >= first) || o.Status == RequestStatus.Pending).ToListAsync(ct))
            .Where(o => staff.ContainsKey(o.StaffId)).Select(o => new LeaveItem(null, o, staff[o.StaffId]) { AwaitingChief = IsAwaitingChief(o, staff[o.StaffId], chiefs) });
        return (makeUps, leaves.Concat(officials)
            .OrderBy(i => i.Request.Status == RequestStatus.Pending ? 0 : 1).ThenBy(i => i.Period.StartDate).ToList());
    }
}
