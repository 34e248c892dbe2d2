using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Common;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Common;
using OpsConsole.Features.Queueing;
using OpsConsole.Features.Supervision;

namespace OpsConsole.Features.Satisfaction;

/// <summary>Which rectifications a list shows.</summary>
public enum RectificationView { Open, DueSoon, Overdue, AppealPending, Closed, All }

/// <summary>
/// 差评整改 end to end: the lists (open, due soon, overdue on the center calendar), assignment to the
/// chief representative or the staff member, the callback, closing with the fix and its evidence, and the
/// misrating appeal a manager decides. Who may do what follows <see cref="RectificationScope"/>.
/// </summary>
public sealed class RectificationDesk(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock, IWorkingDayCalendar calendar)
{
    /// <summary>"Due soon": this many working days left or fewer.</summary>
    public const int DueSoonWorkingDays = 3;
    /// <summary>Closed rectifications are listed this many days back.</summary>
    public const int ClosedListDays = 62;

    public sealed record Row(
        int Id, string TicketNumber, int WindowId, int WindowNumber, string WindowName, int StaffId, string StaffName, string Department,
        SatisfactionLevel Level, IReadOnlyList<EvaluationReason> Reasons, string? Comment, DateTimeOffset OpenedAt, DateOnly Deadline,
        RectificationState State, int? AssignedToStaffId, string? AssignedToName, DateTimeOffset? CalledBackAt, string? CalledBackByName,
        string? CallbackOutcome, bool? ApplicantSatisfied, string? Summary, long? EvidenceFileId, DateTimeOffset? ClosedAt,
        MisratingAppealState Appeal, string? AppealReason, string? AppealDecisionNote, int WorkingDaysLeft, bool Overdue, bool ClosedLate)
    {
        public bool DueSoon => !Overdue && State != RectificationState.Closed && WorkingDaysLeft <= DueSoonWorkingDays;
    }

    public sealed record Counts(int Open, int DueSoon, int Overdue, int AppealPending);

    public sealed record Assignee(int StaffId, string Name, bool IsChief);

    public sealed record Rating(DateTimeOffset At, string TicketNumber, int WindowNumber, SatisfactionLevel Level, string? Comment, bool Counts);

    /// <summary>A staff member's own ratings of the last <paramref name="days"/> days, newest first; an upheld misrating appeal does not count.</summary>
    public async Task<IReadOnlyList<Rating>> RatingsOfAsync(int staffId, int days = 31, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = clock.Now.AddDays(-days);
        var list = await db.Set<Evaluation>().AsNoTracking().Include(e => e.Rectification)
            .Where(e => e.StaffId == staffId && e.EvaluatedAt >= since).ToListAsync(ct);
        var ticketIds = list.Select(e => e.TicketId).ToList();
        var tickets = await db.Set<Ticket>().AsNoTracking().Where(t => ticketIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var windows = await db.Windows.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Number, ct);
        return list.OrderByDescending(e => e.EvaluatedAt).Select(e => new Rating(clock.ToLocal(e.EvaluatedAt),
            tickets.TryGetValue(e.TicketId, out var t) ? t.Number.ToString() : "—", windows.GetValueOrDefault(e.WindowId), e.Level, e.Comment,
            e.Rectification?.RatingCounts ?? true)).ToList();
    }

    public async Task<IReadOnlyList<Row>> ListAsync(SupervisionActor actor, RectificationView view, CancellationToken ct = default)
    {
        var rows = await RowsAsync(actor, view is RectificationView.Closed or RectificationView.All, ct);
        return view switch
        {
            RectificationView.Open => rows.Where(r => r.State != RectificationState.Closed).ToList(),
            RectificationView.DueSoon => rows.Where(r => r.DueSoon).ToList(),
            RectificationView.Overdue => rows.Where(r => r.Overdue).ToList(),
            RectificationView.AppealPending => rows.Where(r => r.Appeal == MisratingAppealState.Pending).ToList(),
            RectificationView.Closed => rows.Where(r => r.State == RectificationState.Closed).ToList(),
            _ => rows,
        };
    }

    public async Task<Counts> CountAsync(SupervisionActor actor, CancellationToken ct = default)
    {
        var open = await RowsAsync(actor, false, ct);
        return new Counts(open.Count, open.Count(r => r.DueSoon), open.Count(r => r.Overdue), open.Count(r => r.Appeal == MisratingAppealState.Pending));
    }

    public async Task<Row?> FindAsync(SupervisionActor actor, int id, CancellationToken ct = default) =>
        (await RowsAsync(actor, true, ct, id)).FirstOrDefault();

    /// <summary>Who a rectification can be given to: the staff member rated and the chief representatives of the window's department.</summary>
    public async Task<IReadOnlyList<Assignee>> AssigneesAsync(int rectificationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await db.Set<Rectification>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == rectificationId, ct);
        if (r is null) return [];
        var dept = await DepartmentOfAsync(db, r, ct);
        return await db.Staff.AsNoTracking()
            .Where(s => s.Active && (s.Id == r.StaffId || (dept != null && s.DepartmentId == dept && s.IsChiefRepresentative)))
            .OrderBy(s => s.Id == r.StaffId ? 0 : 1).ThenBy(s => s.EmployeeNo)
            .Select(s => new Assignee(s.Id, s.Name, s.IsChiefRepresentative)).ToListAsync(ct);
    }

    public Task<OpResult> AssignAsync(SupervisionActor actor, int id, int toStaffId) =>
        ChangeAsync(actor, id, Can.Assign, async (db, r) =>
        {
            var allowed = (await AssigneesAsync(id)).Any(a => a.StaffId == toStaffId);
            if (!allowed) return OpResult.Fail("只能交给被评价的工作人员或本部门首席代表。");
            r.Assign(toStaffId, clock.Now);
            return OpResult.Ok;
        });

    public Task<OpResult> RecordCallbackAsync(SupervisionActor actor, int id, string outcome, bool applicantSatisfied) =>
        ChangeAsync(actor, id, Can.Work, (_, r) =>
        {
            r.RecordCallback(actor.StaffId!.Value, outcome, applicantSatisfied, clock.Now);
            return Task.FromResult(OpResult.Ok);
        });

    public Task<OpResult> CloseAsync(SupervisionActor actor, int id, string summary, long? evidenceFileId) =>
        ChangeAsync(actor, id, Can.Work, async (db, r) =>
        {
            if (evidenceFileId is { } f && !await db.Set<Domain.Supervision.EvidenceFile>().AnyAsync(e => e.Id == f))
                return OpResult.Fail("证据文件不存在，请重新上传。");
            r.Close(summary, evidenceFileId, actor.StaffId!.Value, clock.Now);
            return OpResult.Ok;
        });

    public Task<OpResult> AppealAsync(SupervisionActor actor, int id, string reason) =>
        ChangeAsync(actor, id, Can.Appeal, (_, r) =>
        {
            r.AppealMisrating(reason, actor.StaffId!.Value, clock.Now);
            return Task.FromResult(OpResult.Ok);
        });

    public Task<OpResult> DecideAppealAsync(SupervisionActor actor, int id, bool uphold, string note) =>
        ChangeAsync(actor, id, Can.Decide, (_, r) =>
        {
            r.DecideAppeal(uphold, note, actor.StaffId!.Value, clock.Now);
            return Task.FromResult(OpResult.Ok);
        });

    private enum Can { Assign, Work, Appeal, Decide }

    private async Task<OpResult> ChangeAsync(SupervisionActor actor, int id, Can what, Func<OpsDbContext, Rectification, Task<OpResult>> change)
    {
        if (actor.StaffId is null) return OpResult.Fail("您的账号未关联人员档案，不能处理整改。");
        await using var db = await dbFactory.CreateDbContextAsync();
        var r = await db.Set<Rectification>().FirstOrDefaultAsync(x => x.Id == id);
        if (r is null) return OpResult.Fail("没有找到该整改记录。");
        var inScope = await RectificationScope.For(actor).Apply(db.Set<Rectification>(), db).AnyAsync(x => x.Id == id);
        var chief = actor.IsChief && actor.DepartmentId is { } d && d == await DepartmentOfAsync(db, r, default);
        var allowed = what switch
        {
            Can.Assign => actor.IsManager || chief,
            Can.Work => actor.IsManager || chief || r.AssignedToStaffId == actor.StaffId,
            Can.Appeal => r.StaffId == actor.StaffId || chief,
            _ => actor.IsManager,
        };
        if (!inScope || !allowed) return OpResult.Fail(what == Can.Decide ? "只有中心管理人员可以复核误评申诉。" : "您无权处理这条整改。");
        try
        {
            var result = await change(db, r);
            if (!result.Succeeded) return result;
            await db.SaveChangesAsync();
            return result;
        }
        catch (DomainException ex)
        {
            return OpResult.Fail(Message(ex.Message));
        }
        catch (DbUpdateConcurrencyException)
        {
            return OpResult.Fail("该整改已被他人更新，请刷新后重试。");
        }
    }

    private static async Task<int?> DepartmentOfAsync(OpsDbContext db, Rectification r, CancellationToken ct) =>
        await db.Windows.Where(w => w.Id == r.WindowId).Select(w => w.DepartmentId).FirstOrDefaultAsync(ct)
        ?? await db.Staff.Where(s => s.Id == r.StaffId).Select(s => s.DepartmentId).FirstOrDefaultAsync(ct);

    public static string Message(string domainError) => domainError switch
    {
        QueueingErrors.RectificationClosed => "该整改已办结，不能再修改。",
        QueueingErrors.SummaryRequired => "请填写整改措施和结果。",
        QueueingErrors.CallbackRequired => "请填写回访情况。",
        QueueingErrors.CallbackFirst => "请先完成回访，再办结整改。",
        QueueingErrors.AppealReasonRequired => "请填写理由。",
        QueueingErrors.AppealAlreadyMade => "这条差评已经申诉过，不能重复申诉。",
        QueueingErrors.NoPendingAppeal => "没有待复核的申诉。",
        QueueingErrors.CommentTooLong => "填写的内容太长了。",
        _ => QueueingMessages.Of(domainError),
    };

    private async Task<List<Row>> RowsAsync(SupervisionActor actor, bool withClosed, CancellationToken ct, int? onlyId = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = clock.Today;
        var closedSince = clock.Now.AddDays(-ClosedListDays);
        var scoped = RectificationScope.For(actor).Apply(db.Set<Rectification>().AsNoTracking(), db)
            .Where(r => onlyId == null || r.Id == onlyId);
        scoped = withClosed ? scoped.Where(r => r.State != RectificationState.Closed || r.ClosedAt >= closedSince) : scoped.Where(r => r.State != RectificationState.Closed);
        var evaluations = await db.Set<Evaluation>().AsNoTracking().Include(e => e.Rectification)
            .Where(e => scoped.Any(r => r.EvaluationId == e.Id)).ToListAsync(ct);
        if (evaluations.Count == 0) return [];

        var ticketIds = evaluations.Select(e => e.TicketId).ToList();
        var tickets = await db.Set<Ticket>().AsNoTracking().Where(t => ticketIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var windows = await db.Windows.AsNoTracking().Include(w => w.Department).ToDictionaryAsync(w => w.Id, ct);
        var staffIds = evaluations.SelectMany(e => new[] { e.StaffId, e.Rectification!.AssignedToStaffId ?? 0, e.Rectification.CalledBackBy ?? 0 }).Distinct().ToList();
        var staff = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);

        return evaluations.Select(e =>
        {
            var r = e.Rectification!;
            var w = windows.GetValueOrDefault(r.WindowId);
            var left = WorkingDaysBetween(today, r.Deadline);
            return new Row(r.Id, tickets.TryGetValue(r.TicketId, out var t) ? t.Number.ToString() : "—", r.WindowId, w?.Number ?? 0, w?.Name ?? "",
                r.StaffId, staff.GetValueOrDefault(r.StaffId, ""), w?.Department?.Name ?? "", e.Level, e.Reasons, e.Comment, clock.ToLocal(r.OpenedAt), r.Deadline, r.State,
                r.AssignedToStaffId, r.AssignedToStaffId is { } a ? staff.GetValueOrDefault(a) : null, r.CalledBackAt is { } cb ? clock.ToLocal(cb) : null,
                r.CalledBackBy is { } c ? staff.GetValueOrDefault(c) : null, r.CallbackOutcome, r.ApplicantSatisfied, r.Summary, r.EvidenceFileId, r.ClosedAt,
                r.Appeal, r.AppealReason, r.AppealDecisionNote, left, r.IsOverdue(today), r.ClosedLate);
        }).OrderBy(r => r.State == RectificationState.Closed).ThenBy(r => r.Deadline).ThenBy(r => r.Id).ToList();
    }

    /// <summary>Working days from today up to and including the deadline; negative when overdue (working days past it).</summary>
    private int WorkingDaysBetween(DateOnly today, DateOnly deadline)
    {
        var n = 0;
        if (deadline >= today)
        {
            for (var d = today.AddDays(1); d <= deadline && n < 400; d = d.AddDays(1)) if (calendar.IsWorkday(d)) n++;
            return n;
        }
        for (var d = deadline.AddDays(1); d <= today && n < 400; d = d.AddDays(1)) if (calendar.IsWorkday(d)) n++;
        return -n;
    }
}
