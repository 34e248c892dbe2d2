namespace OpsConsole.Domain.Attendance;

public enum OfficialAbsenceKind
{
    Business, // 公出
    Meeting,  // 会议
    Training, // 培训
    Field,    // 下乡
}

/// <summary>Away from the hall on duty (公出, 会议, 培训, 下乡). An approved half-day carries no deduction.</summary>
public class OfficialAbsenceRecord : ApprovalRequest
{
    public OfficialAbsenceKind Kind { get; private set; }
    public HalfDayRange Period { get; private set; } = null!;

    private OfficialAbsenceRecord() { }

    public OfficialAbsenceRecord(int staffId, OfficialAbsenceKind kind, HalfDayRange period, string reason, DateTime requestedAt)
        : base(staffId, reason, requestedAt, reasonRequired: false)
    {
        Kind = kind;
        Period = period;
    }
}
