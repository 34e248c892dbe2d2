using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Cases;

/// <summary>电子监察 levels, mildest first.</summary>
public enum CardLevel
{
    /// <summary>预警: one working day before the due date.</summary>
    Reminder,
    /// <summary>黄牌: the due date has come and the case is still open.</summary>
    Yellow,
    /// <summary>红牌: overdue.</summary>
    Red,
}

public enum CardState
{
    Active,
    /// <summary>The department's chief representative contests it; a manager decides.</summary>
    Contested,
    /// <summary>Contested, and the manager let it stand.</summary>
    Upheld,
    /// <summary>Contested, and the manager withdrew it: it no longer counts.</summary>
    Withdrawn,
}

/// <summary>
/// A supervision card on a case, its window and its staff member. Raised once per case and level
/// (the supervision pass is idempotent); contested by the department's chief representative with a
/// reason (e.g. the calendar was wrong), then upheld or withdrawn by a manager.
/// </summary>
public class SupervisionCard
{
    public const int ReasonMaxLength = 500;

    private SupervisionCard() { }

    internal SupervisionCard(ServiceCase c, CardLevel level, DateOnly dueDate, DateTimeOffset at)
    {
        CaseId = c.Id;
        Level = level;
        DepartmentId = c.DepartmentId;
        WindowId = c.WindowId;
        StaffId = c.StaffId;
        DueDate = dueDate;
        RaisedAt = at;
        RaisedOn = DateOnly.FromDateTime(at.DateTime);
        State = CardState.Active;
    }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public CardLevel Level { get; private set; }
    public int DepartmentId { get; private set; }
    public int WindowId { get; private set; }
    public int StaffId { get; private set; }
    /// <summary>The case's due date when the card was raised.</summary>
    public DateOnly DueDate { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public DateOnly RaisedOn { get; private set; }
    public CardState State { get; private set; }
    public string? ContestReason { get; private set; }
    public int? ContestedBy { get; private set; }
    public DateTimeOffset? ContestedAt { get; private set; }
    public int? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionNote { get; private set; }

    /// <summary>Counts against the window and the person (assessment, board) unless withdrawn.</summary>
    public bool Counts => State != CardState.Withdrawn;

    public void Contest(string reason, int chiefStaffId, DateTimeOffset at)
    {
        if (State != CardState.Active) throw new DomainException(CaseErrors.CardNotActive);
        var why = DomainText.Required(reason, ReasonMaxLength, CaseErrors.ReasonRequired, CaseErrors.TextTooLong);
        if (chiefStaffId <= 0) throw new DomainException(CaseErrors.InvalidParty);
        State = CardState.Contested;
        ContestReason = why;
        ContestedBy = chiefStaffId;
        ContestedAt = at;
    }

    public void Decide(bool uphold, string? note, int managerStaffId, DateTimeOffset at)
    {
        if (State != CardState.Contested) throw new DomainException(CaseErrors.CardNotContested);
        if (managerStaffId <= 0) throw new DomainException(CaseErrors.InvalidParty);
        var decisionNote = DomainText.Optional(note, ReasonMaxLength, CaseErrors.TextTooLong);
        State = uphold ? CardState.Upheld : CardState.Withdrawn;
        DecidedBy = managerStaffId;
        DecidedAt = at;
        DecisionNote = decisionNote;
    }
}

/// <summary>
/// The supervision rules: which cards a case has earned on a day. A case waiting for materials
/// earns none (its clock stands still); a 即办件 earns no reminder or yellow card (it is due the
/// day it is accepted), only a red one once that day has passed; a case concluded late keeps the
/// red card it earned, and earns it at its conclusion if no pass ran in between.
/// </summary>
public static class SupervisionRules
{
    public static IEnumerable<CardLevel> Earned(ServiceCase c, DateOnly today, IWorkingDayCalendar calendar)
    {
        if (c.State == CaseState.Concluded)
        {
            if (c.ConcludedOnTime(calendar) == false) yield return CardLevel.Red;
            yield break;
        }
        if (!c.IsOpen || c.IsSuspended) yield break;
        var left = c.DaysLeft(today, calendar);
        var onTheSpot = c.Kind == CaseKind.OnTheSpot;
        if (left <= 1 && !onTheSpot) yield return CardLevel.Reminder;
        if (left <= 0 && !onTheSpot) yield return CardLevel.Yellow;
        if (left < 0) yield return CardLevel.Red;
    }

    /// <summary>
    /// The cards to raise now: those earned and not raised before (one per case and level, whatever
    /// became of the earlier one). Lower levels skipped by a late pass are raised too, so the record is whole.
    /// </summary>
    public static IReadOnlyList<SupervisionCard> Raise(ServiceCase c, IEnumerable<CardLevel> alreadyRaised, DateTimeOffset at,
        IWorkingDayCalendar calendar)
    {
        var raised = alreadyRaised.ToHashSet();
        var today = DateOnly.FromDateTime(at.DateTime);
        var due = c.DueOn(calendar);
        return Earned(c, today, calendar).Where(level => !raised.Contains(level))
            .Select(level => new SupervisionCard(c, level, due, at)).ToList();
    }
}
