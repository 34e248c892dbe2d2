using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Queueing;

/// <summary>好差评: the five levels on the window's evaluator.</summary>
public enum SatisfactionLevel
{
    /// <summary>非常满意</summary>
    VerySatisfied,
    /// <summary>满意</summary>
    Satisfied,
    /// <summary>基本满意</summary>
    Basic,
    /// <summary>不满意</summary>
    Dissatisfied,
    /// <summary>非常不满意</summary>
    VeryDissatisfied,
}

/// <summary>Why a rating is bad; the evaluator offers these as buttons.</summary>
public enum EvaluationReason
{
    /// <summary>等待时间长</summary>
    LongWait,
    /// <summary>服务态度差</summary>
    PoorAttitude,
    /// <summary>业务不熟练</summary>
    Unskilled,
    /// <summary>一次性告知不清</summary>
    UnclearRequirements,
    /// <summary>多次跑腿</summary>
    RepeatedVisits,
    /// <summary>系统或设备问题</summary>
    SystemProblem,
    Other,
}

public static class SatisfactionLevels
{
    /// <summary>差评: the two lowest levels; each opens a rectification.</summary>
    public static bool IsBad(this SatisfactionLevel level) =>
        level is SatisfactionLevel.Dissatisfied or SatisfactionLevel.VeryDissatisfied;
}

/// <summary>An applicant's rating of one completed service, tied to the ticket, window and staff member.</summary>
public class Evaluation
{
    public const int CommentMaxLength = 500;

    private List<EvaluationReason> _reasons = [];

    private Evaluation() { }

    private Evaluation(Ticket ticket, SatisfactionLevel level, IEnumerable<EvaluationReason> reasons, string? comment, DateTimeOffset at)
    {
        TicketId = ticket.Id;
        WindowId = ticket.WindowId!.Value;
        StaffId = ticket.StaffId!.Value;
        Level = level;
        _reasons.AddRange(reasons.Distinct());
        Comment = comment;
        EvaluatedAt = at;
    }

    public int Id { get; private set; }
    public int TicketId { get; private set; }
    public int WindowId { get; private set; }
    public int StaffId { get; private set; }
    public SatisfactionLevel Level { get; private set; }
    public IReadOnlyList<EvaluationReason> Reasons => _reasons;
    public string? Comment { get; private set; }
    public DateTimeOffset EvaluatedAt { get; private set; }
    /// <summary>Opened with a bad rating, null otherwise.</summary>
    public Rectification? Rectification { get; private set; }

    public bool IsBad => Level.IsBad();

    /// <summary>
    /// Records the rating of a completed ticket. A bad rating needs at least one reason and opens a
    /// rectification due <see cref="Rectification.WorkingDaysAllowed"/> working days later.
    /// </summary>
    public static Evaluation Submit(Ticket ticket, SatisfactionLevel level, IEnumerable<EvaluationReason> reasons,
        string? comment, DateTimeOffset at, IWorkingDayCalendar calendar)
    {
        if (ticket.State != TicketState.Completed) throw new DomainException(QueueingErrors.EvaluatedTicketNotCompleted);
        var reasonList = reasons.ToList();
        if (level.IsBad() && reasonList.Count == 0) throw new DomainException(QueueingErrors.ReasonsRequiredWhenBad);
        if (!level.IsBad() && reasonList.Count > 0) throw new DomainException(QueueingErrors.ReasonsOnlyWhenBad);
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (comment?.Length > CommentMaxLength) throw new DomainException(QueueingErrors.CommentTooLong);

        var evaluation = new Evaluation(ticket, level, reasonList, comment, at);
        if (evaluation.IsBad) evaluation.Rectification = new Rectification(evaluation, at, calendar);
        return evaluation;
    }
}

public enum RectificationState
{
    /// <summary>Opened by the bad rating, not yet given to anyone.</summary>
    Open,
    /// <summary>Given to the department's chief representative or the staff member.</summary>
    Assigned,
    /// <summary>回访 done: the applicant was called back.</summary>
    CalledBack,
    Closed,
}

/// <summary>误评/不实差评 申诉复核: the staff side says the rating was wrong; a manager decides.</summary>
public enum MisratingAppealState { None, Pending, Upheld, Rejected }

/// <summary>
/// 整改: the follow-up a bad rating demands. Assigned to the chief representative or the staff member,
/// the applicant called back (回访: who, when, outcome, satisfied or not), the fix recorded with its
/// evidence, closed within 15 working days on the center calendar (overdue after that, escalated like a
/// card). The staff side may appeal a misrating; a manager upholds it (the rating no longer counts and
/// the rectification closes) or rejects it (the work goes on).
/// </summary>
public class Rectification
{
    public const int WorkingDaysAllowed = 15;
    public const int SummaryMaxLength = 2000;
    public const int NoteMaxLength = 1000;

    private Rectification() { }

    internal Rectification(Evaluation evaluation, DateTimeOffset at, IWorkingDayCalendar calendar)
    {
        TicketId = evaluation.TicketId;
        WindowId = evaluation.WindowId;
        StaffId = evaluation.StaffId;
        OpenedAt = at;
        Deadline = calendar.AddWorkingDays(DateOnly.FromDateTime(at.DateTime), WorkingDaysAllowed);
        State = RectificationState.Open;
    }

    public int Id { get; private set; }
    /// <summary>The evaluation that opened it (one-to-one).</summary>
    public int EvaluationId { get; private set; }
    public int TicketId { get; private set; }
    public int WindowId { get; private set; }
    public int StaffId { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public DateOnly Deadline { get; private set; }
    public RectificationState State { get; private set; }
    public int? AssignedToStaffId { get; private set; }
    public DateTimeOffset? AssignedAt { get; private set; }
    public int? CalledBackBy { get; private set; }
    public DateTimeOffset? CalledBackAt { get; private set; }
    public string? CallbackOutcome { get; private set; }
    public bool? ApplicantSatisfied { get; private set; }
    /// <summary>The fix (整改措施和结果).</summary>
    public string? Summary { get; private set; }
    public long? EvidenceFileId { get; private set; }
    public int? ClosedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public MisratingAppealState Appeal { get; private set; }
    public string? AppealReason { get; private set; }
    public int? AppealedBy { get; private set; }
    public DateTimeOffset? AppealedAt { get; private set; }
    public string? AppealDecisionNote { get; private set; }
    public int? AppealDecidedBy { get; private set; }
    public DateTimeOffset? AppealDecidedAt { get; private set; }
    /// <summary>Counts the changes; the store saves a change only over the revision it read (two managers deciding at once: one wins).</summary>
    public int Revision { get; private set; }

    public bool IsClosed => State == RectificationState.Closed;

    public bool IsOverdue(DateOnly today) => !IsClosed && today > Deadline;

    /// <summary>Closed after its deadline (a deduction item: 整改逾期).</summary>
    public bool ClosedLate => ClosedAt is { } closed && DateOnly.FromDateTime(closed.DateTime) > Deadline && Appeal != MisratingAppealState.Upheld;

    /// <summary>Whether the bad rating behind it still counts (not when a misrating appeal was upheld).</summary>
    public bool RatingCounts => Appeal != MisratingAppealState.Upheld;

    public void Assign(int toStaffId, DateTimeOffset at)
    {
        RequireOpen(at);
        if (toStaffId <= 0) throw new DomainException(QueueingErrors.InvalidWindowOrStaff);
        AssignedToStaffId = toStaffId;
        AssignedAt = at;
        if (State == RectificationState.Open) State = RectificationState.Assigned;
        Revision++;
    }

    /// <summary>回访: the applicant was called back.</summary>
    public void RecordCallback(int calledBy, string outcome, bool applicantSatisfied, DateTimeOffset at)
    {
        RequireOpen(at);
        if (calledBy <= 0) throw new DomainException(QueueingErrors.InvalidWindowOrStaff);
        CallbackOutcome = Text(outcome, NoteMaxLength, QueueingErrors.CallbackRequired);
        CalledBackBy = calledBy;
        CalledBackAt = at;
        ApplicantSatisfied = applicantSatisfied;
        State = RectificationState.CalledBack;
        Revision++;
    }

    /// <summary>Closes with the fix and its evidence; the applicant must have been called back first.</summary>
    public void Close(string summary, long? evidenceFileId, int closedBy, DateTimeOffset at)
    {
        RequireOpen(at);
        if (State != RectificationState.CalledBack) throw new DomainException(QueueingErrors.CallbackFirst);
        Summary = Text(summary, SummaryMaxLength, QueueingErrors.SummaryRequired);
        EvidenceFileId = evidenceFileId;
        ClosedBy = closedBy;
        ClosedAt = at;
        State = RectificationState.Closed;
        Revision++;
    }

    /// <summary>误评申诉: once per rectification, while it is open.</summary>
    public void AppealMisrating(string reason, int appealedBy, DateTimeOffset at)
    {
        RequireOpen(at);
        if (Appeal != MisratingAppealState.None) throw new DomainException(QueueingErrors.AppealAlreadyMade);
        AppealReason = Text(reason, NoteMaxLength, QueueingErrors.AppealReasonRequired);
        AppealedBy = appealedBy;
        AppealedAt = at;
        Appeal = MisratingAppealState.Pending;
        Revision++;
    }

    /// <summary>Upheld: the rating no longer counts and the rectification closes. Rejected: the work goes on.</summary>
    public void DecideAppeal(bool uphold, string note, int managerStaffId, DateTimeOffset at)
    {
        if (Appeal != MisratingAppealState.Pending) throw new DomainException(QueueingErrors.NoPendingAppeal);
        AppealDecisionNote = Text(note, NoteMaxLength, QueueingErrors.AppealReasonRequired);
        AppealDecidedBy = managerStaffId;
        AppealDecidedAt = at;
        Appeal = uphold ? MisratingAppealState.Upheld : MisratingAppealState.Rejected;
        Revision++;
        if (uphold)
        {
            Summary = AppealDecisionNote;
            ClosedBy = managerStaffId;
            ClosedAt = at;
            State = RectificationState.Closed;
        }
    }

    private void RequireOpen(DateTimeOffset at)
    {
        if (IsClosed) throw new DomainException(QueueingErrors.RectificationClosed);
        if (at < OpenedAt) throw new DomainException(QueueingErrors.TimeWentBackwards);
    }

    private static string Text(string? value, int max, string missing)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0) throw new DomainException(missing);
        if (text.Length > max) throw new DomainException(QueueingErrors.CommentTooLong);
        return text;
    }
}
