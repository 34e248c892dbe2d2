namespace OpsConsole.Domain.Attendance;

/// <summary>Who acts next on a pending request.</summary>
public enum ApprovalStep { None, Chief, HR }

/// <summary>
/// The levels a staff member's leave or make-up punch request passes: the department's chief representative first
/// (when the department has one and the requester is not the chief), then HR — always when there is no chief
/// level, and after the chief only where the center configures it. HR may still decide any pending request itself
/// (a paper form, a chief away): the chief level is the staff member's path, not a lock on HR.
/// </summary>
public sealed record ApprovalRoute(bool ChiefLevel, bool HrLevel)
{
    public static ApprovalRoute For(bool requesterIsChief, bool departmentHasChief, bool hrConfirmsChief)
    {
        var chief = departmentHasChief && !requesterIsChief;
        return new ApprovalRoute(chief, !chief || hrConfirmsChief);
    }

    /// <summary>Whether the chief's approval ends the request (no HR level after it).</summary>
    public bool ChiefIsFinal => ChiefLevel && !HrLevel;

    public ApprovalStep NextStep(ApprovalRequest request)
    {
        if (request.Status != RequestStatus.Pending) return ApprovalStep.None;
        if (ChiefLevel && request.FirstApprovedBy is null) return ApprovalStep.Chief;
        return HrLevel ? ApprovalStep.HR : ApprovalStep.None;
    }
}
