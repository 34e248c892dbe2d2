using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Assessment;

public enum AssessmentMonthState
{
    /// <summary>草稿: recomputed whenever its sources change.</summary>
    Draft,
    /// <summary>申诉期: staff and chief representatives see their lines and may appeal until the deadline.</summary>
    OpenForAppeal,
    /// <summary>已通报: the scores are stored, no longer recomputed.</summary>
    Published,
    /// <summary>已锁定: never changes; a correction reopens it with a reason, as a new version.</summary>
    Locked,
}

/// <summary>
/// One month's assessment and its workflow: draft → open for appeal (a deadline in working days) →
/// published → locked. A published or locked month reopens only with a reason, as a new version (the
/// caller keeps the stored scores of every version). It cannot be published while appeals are open
/// unless the manager says why.
/// </summary>
public class AssessmentMonth
{
    public const int ReasonMaxLength = 500;

    private readonly List<AssessmentMonthEvent> _history = [];

    private AssessmentMonth() { }

    public AssessmentMonth(YearMonth month, DateTimeOffset at)
    {
        Year = month.Year;
        Month = month.Month;
        State = AssessmentMonthState.Draft;
        Version = 1;
        LastChangedAt = at;
    }

    public int Id { get; private set; }
    public int Year { get; private set; }
    public int Month { get; private set; }
    public YearMonth Period => new(Year, Month);
    public AssessmentMonthState State { get; private set; }
    /// <summary>1, then one more at each reopening.</summary>
    public int Version { get; private set; }
    public DateOnly? AppealDeadline { get; private set; }
    public DateTimeOffset LastChangedAt { get; private set; }
    public IReadOnlyList<AssessmentMonthEvent> History => _history;

    public bool AcceptsAppeals(DateOnly today) => State == AssessmentMonthState.OpenForAppeal && today <= AppealDeadline;

    /// <summary>Opens the appeal period: it ends <paramref name="workingDays"/> working days after today.</summary>
    public void OpenForAppeal(DateTimeOffset at, int workingDays, IWorkingDayCalendar calendar, int actorStaffId)
    {
        Require(State == AssessmentMonthState.Draft, AssessmentErrors.MonthNotDraft);
        AppealDeadline = calendar.AddWorkingDays(DateOnly.FromDateTime(at.DateTime), workingDays);
        Move(AssessmentMonthState.OpenForAppeal, at, actorStaffId, null);
    }

    /// <summary>通报. With appeals still open, only with the manager's reason.</summary>
    public void Publish(DateTimeOffset at, int openAppeals, string? reason, int actorStaffId)
    {
        Require(State is AssessmentMonthState.Draft or AssessmentMonthState.OpenForAppeal, AssessmentErrors.MonthNotDraft);
        var why = Clean(reason);
        if (openAppeals > 0 && why is null) throw new DomainException(AssessmentErrors.AppealsOpen);
        Move(AssessmentMonthState.Published, at, actorStaffId, why);
    }

    public void Lock(DateTimeOffset at, int actorStaffId)
    {
        Require(State == AssessmentMonthState.Published, AssessmentErrors.MonthNotPublished);
        Move(AssessmentMonthState.Locked, at, actorStaffId, null);
    }

    /// <summary>A correction: back to draft as a new version, with the reason; the earlier version's scores stay stored.</summary>
    public void Reopen(string reason, DateTimeOffset at, int actorStaffId)
    {
        Require(State is AssessmentMonthState.Published or AssessmentMonthState.Locked, AssessmentErrors.MonthNotPublished);
        var why = Clean(reason) ?? throw new DomainException(AssessmentErrors.ReasonRequired);
        Version++;
        AppealDeadline = null;
        Move(AssessmentMonthState.Draft, at, actorStaffId, why);
    }

    private void Move(AssessmentMonthState to, DateTimeOffset at, int actorStaffId, string? reason)
    {
        _history.Add(new AssessmentMonthEvent(State, to, Version, at, actorStaffId, reason));
        State = to;
        LastChangedAt = at;
    }

    private static void Require(bool allowed, string error)
    {
        if (!allowed) throw new DomainException(error);
    }

    internal static string? Clean(string? text) => DomainText.Optional(text, ReasonMaxLength, AssessmentErrors.InvalidItem);
}

public class AssessmentMonthEvent
{
    private AssessmentMonthEvent() { }

    internal AssessmentMonthEvent(AssessmentMonthState from, AssessmentMonthState to, int version, DateTimeOffset at, int actorStaffId, string? reason)
    {
        From = from;
        To = to;
        Version = version;
        At = at;
        ActorStaffId = actorStaffId;
        Reason = reason;
    }

    public long Id { get; private set; }
    public int AssessmentMonthId { get; private set; }
    public AssessmentMonthState From { get; private set; }
    public AssessmentMonthState To { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset At { get; private set; }
    public int ActorStaffId { get; private set; }
    public string? Reason { get; private set; }
}

public enum AppealState { Open, Upheld, Rejected }

/// <summary>
/// 申诉: a staff member contests one line of their month (named by its item and source), with a
/// reason; the chief representative comments; a manager upholds it (the line's new points, or none)
/// or rejects it, with a reason. Filed only during the month's appeal period.
/// </summary>
public class AssessmentAppeal
{
    private AssessmentAppeal() { }

    public long Id { get; private set; }
    public int AssessmentMonthId { get; private set; }
    public int StaffId { get; private set; }
    public string ItemCode { get; private set; } = "";
    public string SourceType { get; private set; } = "";
    public string SourceId { get; private set; } = "";
    public decimal LinePoints { get; private set; }
    public string Reason { get; private set; } = "";
    public long? EvidenceFileId { get; private set; }
    public DateTimeOffset FiledAt { get; private set; }
    public string? ChiefComment { get; private set; }
    public AppealState State { get; private set; }
    public decimal? NewPoints { get; private set; }
    public string? DecisionReason { get; private set; }
    public int? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    public static AssessmentAppeal File(AssessmentMonth month, int staffId, ScoreLine line, string reason, long? evidenceFileId, DateTimeOffset at)
    {
        if (month.State != AssessmentMonthState.OpenForAppeal) throw new DomainException(AssessmentErrors.MonthNotOpenForAppeal);
        if (!month.AcceptsAppeals(DateOnly.FromDateTime(at.DateTime))) throw new DomainException(AssessmentErrors.AppealDeadlinePassed);
        if (line.ItemCode is ItemCodes.BonusCapped) throw new DomainException(AssessmentErrors.NotYourLine);
        return new AssessmentAppeal
        {
            AssessmentMonthId = month.Id,
            StaffId = staffId,
            ItemCode = line.ItemCode,
            SourceType = line.SourceType,
            SourceId = line.SourceId,
            LinePoints = line.Points,
            Reason = AssessmentMonth.Clean(reason) ?? throw new DomainException(AssessmentErrors.ReasonRequired),
            EvidenceFileId = evidenceFileId,
            FiledAt = at,
            State = AppealState.Open,
        };
    }

    public void Comment(string comment)
    {
        if (State != AppealState.Open) throw new DomainException(AssessmentErrors.AppealAlreadyDecided);
        ChiefComment = AssessmentMonth.Clean(comment);
    }

    /// <param name="newPoints">When upheld: the line's new points, or null for the line to count no more.</param>
    public void Decide(bool uphold, decimal? newPoints, string reason, int managerStaffId, DateTimeOffset at)
    {
        if (State != AppealState.Open) throw new DomainException(AssessmentErrors.AppealAlreadyDecided);
        DecisionReason = AssessmentMonth.Clean(reason) ?? throw new DomainException(AssessmentErrors.ReasonRequired);
        State = uphold ? AppealState.Upheld : AppealState.Rejected;
        NewPoints = uphold ? newPoints : null;
        DecidedBy = managerStaffId;
        DecidedAt = at;
    }

    /// <summary>What an upheld appeal changes in the next computation.</summary>
    public LineAdjustment? Adjustment => State == AppealState.Upheld ? new LineAdjustment(ItemCode, SourceType, SourceId, NewPoints, DecisionReason!) : null;
}
