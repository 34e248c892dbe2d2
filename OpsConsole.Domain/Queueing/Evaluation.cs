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

public enum RectificationState { Open, Closed }

/// <summary>整改: the follow-up a bad rating demands, due within 15 working days. Its full workflow comes later.</summary>
public class Rectification
{
    public const int WorkingDaysAllowed = 15;
    public const int SummaryMaxLength = 2000;

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
    public string? Summary { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    public bool IsOverdue(DateOnly today) => State == RectificationState.Open && today > Deadline;

    public void Close(string summary, DateTimeOffset at)
    {
        if (State == RectificationState.Closed) throw new DomainException(QueueingErrors.RectificationClosed);
        summary = summary?.Trim() ?? "";
        if (summary.Length is 0 or > SummaryMaxLength) throw new DomainException(QueueingErrors.SummaryRequired);
        State = RectificationState.Closed;
        Summary = summary;
        ClosedAt = at;
    }
}
