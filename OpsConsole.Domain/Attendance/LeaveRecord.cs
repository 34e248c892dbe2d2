namespace OpsConsole.Domain.Attendance;

public enum LeaveKind
{
    Personal,       // 事假
    Sick,           // 病假
    Annual,         // 年休假
    Marriage,       // 婚假
    Maternity,      // 产假
    Paternity,      // 陪产假
    Bereavement,    // 丧假
    FamilyVisit,    // 探亲假
    WorkInjury,     // 工伤假
    CompensatoryOff, // 调休假 (time off in lieu of overtime)
}

/// <summary>Leave (请假) over a range of half-days. An approved half-day on leave carries no deduction.</summary>
public class LeaveRecord : ApprovalRequest
{
    public LeaveKind Kind { get; private set; }
    public HalfDayRange Period { get; private set; } = null!;

    private LeaveRecord() { }

    public LeaveRecord(int staffId, LeaveKind kind, HalfDayRange period, string reason, DateTime requestedAt)
        : base(staffId, reason, requestedAt, reasonRequired: false)
    {
        Kind = kind;
        Period = period;
    }
}
