namespace OpsConsole.Domain.Attendance;

/// <summary>Who acts next on a pending request.</summary>
public enum ApprovalStep { None, Chief, HR }

/// <summary>
/// The levels a staff member's leave or make-up punch request passes: the department's chief representative first
/// (when the department has one and the requester is not the chief), then HR — always when there is no chief
/// level, and after the chief only where the center configures it. Where <see cref="ChiefFirst"/> (the default),
/// HR cannot approve before the chief has (ADR 0047); HR may still refuse, and a center may turn the order off.
/// </summary>
public sealed record ApprovalRoute(bool ChiefLevel, bool HrLevel, bool ChiefFirst = true)
{
    public static ApprovalRoute For(bool requesterIsChief, bool departmentHasChief, bool hrConfirmsChief, bool chiefFirst = true)
    {
        var chief = departmentHasChief && !requesterIsChief;
        return new ApprovalRoute(chief, !chief || hrConfirmsChief, chiefFirst);
    }

    /// <summary>Whether HR may approve <paramref name="request"/> now: not while the chief's approval is still due and the chief goes first.</summary>
    public bool HrMayApprove(ApprovalRequest request) =>
        request.Status == RequestStatus.Pending && !(ChiefFirst && NextStep(request) == ApprovalStep.Chief);

    /// <summary>Whether the chief's approval ends the request (no HR level after it).</summary>
    public bool ChiefIsFinal => ChiefLevel && !HrLevel;

    public ApprovalStep NextStep(ApprovalRequest request)
    {
        if (request.Status != RequestStatus.Pending) return ApprovalStep.None;
        if (ChiefLevel && request.FirstApprovedBy is null) return ApprovalStep.Chief;
        return HrLevel ? ApprovalStep.HR : ApprovalStep.None;
    }
}
