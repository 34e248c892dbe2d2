using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Attendance;

public enum RequestStatus { Pending, Approved, Refused, Withdrawn }

/// <summary>
/// What leave, official absences and make-up punches share: a staff member asks, a manager decides once.
/// Only approved requests change how a day is classified.
/// </summary>
public abstract class ApprovalRequest
{
    public const int ReasonMaxLength = 200;

    public int Id { get; private set; }
    public int StaffId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTime RequestedAt { get; private set; }
    public RequestStatus Status { get; private set; }
    public int? DecidedBy { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? RefusalReason { get; private set; }
    /// <summary>The first level (the department's chief representative) where HR confirms after it; null before.</summary>
    public int? FirstApprovedBy { get; private set; }
    public DateTime? FirstApprovedAt { get; private set; }

    protected ApprovalRequest() { }

    protected ApprovalRequest(int staffId, string reason, DateTime requestedAt, bool reasonRequired)
    {
        reason = reason.Trim();
        if (reasonRequired && reason.Length == 0) throw new DomainException("attendance.request.reason-required");
        if (reason.Length > ReasonMaxLength) throw new DomainException("attendance.request.reason-too-long");
        StaffId = staffId;
        Reason = reason;
        RequestedAt = requestedAt;
        Status = RequestStatus.Pending;
    }

    public bool IsApproved => Status == RequestStatus.Approved;

    public void Approve(int by, DateTime at)
    {
        GuardDecision(by, at);
        Status = RequestStatus.Approved;
        DecidedBy = by;
        DecidedAt = at;
    }

    /// <summary>
    /// HR (or a manager) approves: the final decision, refused while <paramref name="route"/> still waits for the
    /// department's chief representative and the chief goes first.
    /// </summary>
    public void ApproveAsHr(int by, DateTime at, ApprovalRoute route)
    {
        if (Status == RequestStatus.Pending && !route.HrMayApprove(this)) throw new DomainException(ChiefFirstError);
        Approve(by, at);
    }

    /// <summary>The error key of an HR approval before the chief's (<see cref="ApproveAsHr"/>).</summary>
    public const string ChiefFirstError = "attendance.request.chief-first";

    /// <summary>
    /// The chief representative approves as the first level: final when HR does not confirm (<paramref name="final"/>),
    /// otherwise the request stays pending for HR with the first approval recorded.
    /// </summary>
    public void ApproveFirstLevel(int by, DateTime at, bool final)
    {
        GuardDecision(by, at);
        if (FirstApprovedBy is not null) throw new DomainException("attendance.request.first-level-done");
        FirstApprovedBy = by;
        FirstApprovedAt = at;
        if (final) Approve(by, at);
    }

    public void Refuse(int by, DateTime at, string reason)
    {
        reason = reason.Trim();
        if (reason.Length == 0) throw new DomainException("attendance.request.refusal-reason-required");
        if (reason.Length > ReasonMaxLength) throw new DomainException("attendance.request.reason-too-long");
        GuardDecision(by, at);
        Status = RequestStatus.Refused;
        DecidedBy = by;
        DecidedAt = at;
        RefusalReason = reason;
    }

    /// <summary>The requester takes back a request nobody has decided yet.</summary>
    public void Withdraw()
    {
        if (Status != RequestStatus.Pending) throw new DomainException("attendance.request.already-decided");
        Status = RequestStatus.Withdrawn;
    }

    private void GuardDecision(int by, DateTime at)
    {
        if (Status != RequestStatus.Pending) throw new DomainException("attendance.request.already-decided");
        if (by == StaffId) throw new DomainException("attendance.request.self-decision");
        if (at < RequestedAt) throw new DomainException("attendance.request.decided-before-requested");
    }
}
