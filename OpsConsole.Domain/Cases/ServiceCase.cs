using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Cases;

/// <summary>Who a case is handled by: the window and staff member at registration, and the department leading it.</summary>
public sealed record CaseParty(int DepartmentId, int WindowId, int StaffId);

/// <summary>
/// 办件: one application handled by the center, from 受理 to 办结 (or 不予受理 / 退件), with a
/// deadline in working days on the center calendar. A 补正 (materials missing) stops the clock:
/// the working days it lasted are added to the deadline when the materials arrive. Every change
/// keeps its time, actor and note in <see cref="History"/>.
/// </summary>
public class ServiceCase
{
    public const int NoteMaxLength = 1000;
    public const int NumberMaxLength = 32;
    public const int ApplicantNameMaxLength = 60;
    public const int ApplicantPhoneMaxLength = 20;
    /// <summary>No promise in the catalog is longer than a year of working days.</summary>
    public const int MaxPromisedDays = 250;

    private readonly List<CaseEvent> _history = [];
    private readonly List<int> _jointDepartmentIds = [];

    private ServiceCase() { }

    public long Id { get; private set; }
    /// <summary>The case number shown to the applicant (办件编号), assigned by the center.</summary>
    public string Number { get; private set; } = "";
    public CaseKind Kind { get; private set; }
    public CaseState State { get; private set; }
    public int ServiceItemId { get; private set; }
    /// <summary>The lead department (牵头部门) for a joint case.</summary>
    public int DepartmentId { get; private set; }
    public IReadOnlyList<int> JointDepartmentIds => _jointDepartmentIds;
    public int WindowId { get; private set; }
    public int StaffId { get; private set; }
    /// <summary>The served ticket the case came from; null for a case registered without one (online application).</summary>
    public int? TicketId { get; private set; }
    public string ApplicantName { get; private set; } = "";
    public string? ApplicantPhone { get; private set; }
    public DateTimeOffset AcceptedAt { get; private set; }
    public DateOnly AcceptedOn { get; private set; }
    /// <summary>承诺时限 in working days (0 for 即办件).</summary>
    public int PromisedDays { get; private set; }
    /// <summary>Working days added by finished 补正 periods.</summary>
    public int SuspendedDays { get; private set; }
    /// <summary>The day a 补正 began, while the case waits for materials.</summary>
    public DateOnly? SuspendedSince { get; private set; }
    /// <summary>容缺受理: what the applicant still owes, recorded at acceptance or at a 补正.</summary>
    public string? MaterialsOwed { get; private set; }
    /// <summary>The deadline on the calendar as it was at the last change (<see cref="DueOn"/> recomputes it).</summary>
    public DateOnly DueDate { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>The center day it ended (the board's rates group by it).</summary>
    public DateOnly? ClosedOn { get; private set; }
    public DateTimeOffset LastChangedAt { get; private set; }
    /// <summary>Counts the changes; the store saves a change only over the revision it read (two people concluding at once: one wins).</summary>
    public int Revision { get; private set; }
    public IReadOnlyList<CaseEvent> History => _history;

    public bool IsOpen => State.IsOpen();
    public bool IsSuspended => State == CaseState.AwaitingCorrection;

    /// <summary>
    /// 受理: registers a case at <paramref name="party"/>'s window. A 即办件 is due the day it is
    /// accepted (the next workday if accepted on a day off); other kinds need at least one promised day.
    /// </summary>
    public static ServiceCase Register(string number, CaseKind kind, int serviceItemId, CaseParty party, string applicantName,
        string? applicantPhone, int promisedDays, DateTimeOffset at, IWorkingDayCalendar calendar, int actorStaffId,
        int? ticketId = null, IEnumerable<int>? jointDepartmentIds = null, string? materialsOwed = null)
    {
        if (party.DepartmentId <= 0 || party.WindowId <= 0 || party.StaffId <= 0 || serviceItemId <= 0 || actorStaffId <= 0)
            throw new DomainException(CaseErrors.InvalidParty);
        if (kind == CaseKind.OnTheSpot) promisedDays = 0;
        else if (promisedDays <= 0) throw new DomainException(CaseErrors.NoPromisedDays);
        if (promisedDays > MaxPromisedDays) throw new DomainException(CaseErrors.TooManyDays);
        var joint = (jointDepartmentIds ?? []).Where(d => d != party.DepartmentId).Distinct().ToList();
        if (kind == CaseKind.Joint && joint.Count == 0) throw new DomainException(CaseErrors.JointNeedsDepartments);
        if (joint.Any(d => d <= 0)) throw new DomainException(CaseErrors.InvalidParty);
        number = number?.Trim() ?? "";
        if (number.Length is 0 or > NumberMaxLength) throw new DomainException(CaseErrors.InvalidParty);

        var c = new ServiceCase
        {
            Number = number,
            Kind = kind,
            State = CaseState.Accepted,
            ServiceItemId = serviceItemId,
            DepartmentId = party.DepartmentId,
            WindowId = party.WindowId,
            StaffId = party.StaffId,
            TicketId = ticketId,
            ApplicantName = Text(applicantName, ApplicantNameMaxLength, required: true, CaseErrors.ApplicantRequired)!,
            ApplicantPhone = Text(applicantPhone, ApplicantPhoneMaxLength, required: false),
            AcceptedAt = at,
            AcceptedOn = DateOnly.FromDateTime(at.DateTime),
            PromisedDays = promisedDays,
            MaterialsOwed = Text(materialsOwed, NoteMaxLength, required: false),
            LastChangedAt = at,
        };
        if (kind == CaseKind.Joint) c._jointDepartmentIds.AddRange(joint);
        c.DueDate = c.DueOn(calendar);
        c.Record(CaseAction.Registered, null, at, actorStaffId, c.MaterialsOwed);
        return c;
    }

    /// <summary>The deadline on today's calendar: the promised working days plus those spent in 补正.</summary>
    public DateOnly DueOn(IWorkingDayCalendar calendar) => CaseDeadline.DueOn(AcceptedOn, PromisedDays, SuspendedDays, calendar);

    /// <summary>
    /// Working days left on <paramref name="today"/>: 0 on the due date, negative when overdue (by so
    /// many working days). While the case waits for materials, the count stands still at the day the 补正 began.
    /// </summary>
    public int DaysLeft(DateOnly today, IWorkingDayCalendar calendar) => CaseDeadline.DaysLeft(DueOn(calendar), SuspendedSince, today, calendar);

    /// <summary>Concluded on or before its due date (null while open, or when it ended without a conclusion).</summary>
    public bool? ConcludedOnTime(IWorkingDayCalendar calendar) =>
        State == CaseState.Concluded ? ClosedOn!.Value <= DueOn(calendar) : null;

    /// <summary>办理中: work on the case has begun.</summary>
    public void Start(DateTimeOffset at, int actorStaffId, string? note = null)
    {
        Guard(at, State == CaseState.Accepted, State.IsOpen() ? CaseErrors.NotStarted : CaseErrors.NotOpen);
        var from = State;
        State = CaseState.InProgress;
        Record(CaseAction.Started, from, at, actorStaffId, note);
    }

    /// <summary>补正: materials are missing; the deadline clock stops from today until they arrive.</summary>
    public void RequestCorrection(string whatIsMissing, DateTimeOffset at, int actorStaffId)
    {
        Guard(at, State is CaseState.Accepted or CaseState.InProgress, State == CaseState.AwaitingCorrection ? CaseErrors.AwaitingCorrection : CaseErrors.NotOpen);
        var missing = Text(whatIsMissing, NoteMaxLength, required: true)!;
        var from = State;
        State = CaseState.AwaitingCorrection;
        SuspendedSince = DateOnly.FromDateTime(at.DateTime);
        MaterialsOwed = missing;
        Record(CaseAction.CorrectionRequested, from, at, actorStaffId, missing);
    }

    /// <summary>The materials arrived: the working days the 补正 lasted (from its first day to the day before today) move the deadline.</summary>
    public void ReceiveCorrection(DateTimeOffset at, IWorkingDayCalendar calendar, int actorStaffId, string? note = null)
    {
        Guard(at, State == CaseState.AwaitingCorrection, State.IsOpen() ? CaseErrors.NotAwaitingCorrection : CaseErrors.NotOpen);
        var today = DateOnly.FromDateTime(at.DateTime);
        var since = SuspendedSince!.Value;
        for (var d = since; d < today; d = d.AddDays(1))
            if (calendar.IsWorkday(d)) SuspendedDays++;
        SuspendedSince = null;
        MaterialsOwed = null;
        State = CaseState.InProgress;
        DueDate = DueOn(calendar);
        Record(CaseAction.CorrectionReceived, CaseState.AwaitingCorrection, at, actorStaffId, note);
    }

    /// <summary>办结. A case is concluded once; one waiting for materials must receive them first.</summary>
    public void Conclude(DateTimeOffset at, int actorStaffId, string? note = null)
    {
        if (State == CaseState.Concluded) throw new DomainException(CaseErrors.AlreadyConcluded);
        Guard(at, State is CaseState.Accepted or CaseState.InProgress, State == CaseState.AwaitingCorrection ? CaseErrors.AwaitingCorrection : CaseErrors.NotOpen);
        End(CaseState.Concluded, CaseAction.Concluded, at, actorStaffId, Text(note, NoteMaxLength, required: false));
    }

    /// <summary>不予受理, with the reason the applicant is told.</summary>
    public void Reject(string reason, DateTimeOffset at, int actorStaffId)
    {
        Guard(at, State == CaseState.Accepted, State.IsOpen() ? CaseErrors.NotStarted : CaseErrors.NotOpen);
        End(CaseState.Rejected, CaseAction.Rejected, at, actorStaffId, Reason(reason));
    }

    /// <summary>退件: the application is handed back (withdrawn by the applicant, or returned), with the reason.</summary>
    public void Return(string reason, DateTimeOffset at, int actorStaffId)
    {
        Guard(at, State.IsOpen(), CaseErrors.NotOpen);
        End(CaseState.Returned, CaseAction.Returned, at, actorStaffId, Reason(reason));
    }

    /// <summary>
    /// 转办: the case moves to another window, staff member and (lead) department, with the reason; its state, deadline and
    /// the cards already raised stay (they were earned where the case was). For a 联办件, a participating department that
    /// becomes the lead trades places with the former lead.
    /// </summary>
    public void Transfer(CaseParty to, string reason, DateTimeOffset at, int actorStaffId)
    {
        Guard(at, State.IsOpen(), CaseErrors.NotOpen);
        if (to.DepartmentId <= 0 || to.WindowId <= 0 || to.StaffId <= 0) throw new DomainException(CaseErrors.InvalidParty);
        if (to == new CaseParty(DepartmentId, WindowId, StaffId)) throw new DomainException(CaseErrors.TransferToSameParty);
        var why = Reason(reason);
        if (Kind == CaseKind.Joint && to.DepartmentId != DepartmentId && _jointDepartmentIds.Remove(to.DepartmentId))
            _jointDepartmentIds.Add(DepartmentId);
        DepartmentId = to.DepartmentId;
        WindowId = to.WindowId;
        StaffId = to.StaffId;
        Record(CaseAction.Reassigned, State, at, actorStaffId, why);
    }

    private void End(CaseState to, CaseAction action, DateTimeOffset at, int actorStaffId, string? note)
    {
        var from = State;
        State = to;
        ClosedAt = at;
        ClosedOn = DateOnly.FromDateTime(at.DateTime);
        SuspendedSince = null;
        Record(action, from, at, actorStaffId, note);
    }

    private void Record(CaseAction action, CaseState? from, DateTimeOffset at, int actorStaffId, string? note)
    {
        if (actorStaffId <= 0) throw new DomainException(CaseErrors.InvalidParty);
        _history.Add(new CaseEvent(action, from, State, at, actorStaffId, note));
        LastChangedAt = at;
        Revision++;
    }

    private void Guard(DateTimeOffset at, bool allowed, string error)
    {
        if (!allowed) throw new DomainException(error);
        if (at < LastChangedAt) throw new DomainException(CaseErrors.TimeWentBackwards);
    }

    private static string Reason(string? reason) => DomainText.Required(reason, NoteMaxLength, CaseErrors.ReasonRequired, CaseErrors.TextTooLong);

    private static string? Text(string? value, int max, bool required, string missing = CaseErrors.ReasonRequired) =>
        required ? DomainText.Required(value, max, missing, CaseErrors.TextTooLong) : DomainText.Optional(value, max, CaseErrors.TextTooLong);
}

/// <summary>One line of a case's history: what, from which state to which, when, by whom, and the note.</summary>
public class CaseEvent
{
    private CaseEvent() { }

    internal CaseEvent(CaseAction action, CaseState? from, CaseState to, DateTimeOffset at, int actorStaffId, string? note)
    {
        Action = action;
        FromState = from;
        ToState = to;
        At = at;
        ActorStaffId = actorStaffId;
        Note = note;
    }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public CaseAction Action { get; private set; }
    public CaseState? FromState { get; private set; }
    public CaseState ToState { get; private set; }
    public DateTimeOffset At { get; private set; }
    public int ActorStaffId { get; private set; }
    public string? Note { get; private set; }
}
