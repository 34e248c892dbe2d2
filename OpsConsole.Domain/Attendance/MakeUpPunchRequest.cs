namespace OpsConsole.Domain.Attendance;

/// <summary>
/// 补卡: a staff member asks that a slot of a day count as punched. Once approved it counts as a punch
/// at the slot's on-time bound. Create through <see cref="MakeUpPunchPolicy.Request"/>, which enforces the monthly limit.
/// </summary>
public class MakeUpPunchRequest : ApprovalRequest
{
    public DateOnly Date { get; private set; }
    public PunchSlot Slot { get; private set; }

    private MakeUpPunchRequest() { }

    internal MakeUpPunchRequest(int staffId, DateOnly date, PunchSlot slot, string reason, DateTime requestedAt)
        : base(staffId, reason, requestedAt, reasonRequired: true)
    {
        Date = date;
        Slot = slot;
    }

    /// <summary>Pending and approved requests use up the monthly allowance; refused and withdrawn ones do not.</summary>
    public bool CountsTowardLimit => Status is RequestStatus.Pending or RequestStatus.Approved;
}
