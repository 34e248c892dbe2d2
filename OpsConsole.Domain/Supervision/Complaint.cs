using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Supervision;

/// <summary>How a complaint reached the center.</summary>
public enum ComplaintChannel
{
    /// <summary>12345 政务服务便民热线</summary>
    Hotline12345,
    /// <summary>现场</summary>
    InPerson,
    /// <summary>来信</summary>
    Letter,
    /// <summary>网上（好差评平台、政务网）</summary>
    Online,
    Other,
}

public enum ComplaintState { Open, Investigating, Concluded }

/// <summary>The finding on a complaint.</summary>
public enum ComplaintVerdict
{
    /// <summary>属实: a deduction, and a veto for awards in its period.</summary>
    Upheld,
    /// <summary>部分属实: a deduction.</summary>
    PartlyUpheld,
    /// <summary>不属实</summary>
    NotUpheld,
}

/// <summary>
/// 投诉: recorded by a manager from any channel against a window and/or a staff member, investigated
/// with notes, concluded once with a verdict and the reply to the complainant, which is due a number
/// of working days after it was received.
/// </summary>
public class Complaint
{
    public const int ContentMaxLength = 2000;
    public const int NoteMaxLength = 1000;
    public const int NameMaxLength = 60;
    public const int PhoneMaxLength = 20;
    /// <summary>The reply is due this many working days after the complaint arrived, unless set otherwise.</summary>
    public const int DefaultReplyDays = 5;

    private readonly List<ComplaintNote> _notes = [];

    private Complaint() { }

    public long Id { get; private set; }
    public ComplaintChannel Channel { get; private set; }
    /// <summary>The hotline's or platform's own number for the complaint (工单号), if any.</summary>
    public string? ExternalNumber { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public string ComplainantName { get; private set; } = "";
    public string? ComplainantPhone { get; private set; }
    public string Content { get; private set; } = "";
    public int? DepartmentId { get; private set; }
    public int? WindowId { get; private set; }
    public int? StaffId { get; private set; }
    public int RecordedBy { get; private set; }
    public ComplaintState State { get; private set; }
    public DateOnly ReplyDue { get; private set; }
    public ComplaintVerdict? Verdict { get; private set; }
    public string? Reply { get; private set; }
    public DateTimeOffset? ConcludedAt { get; private set; }
    public int? ConcludedBy { get; private set; }
    /// <summary>Counts the complaint's changes: saved only over the revision it was read at, so two managers deciding at once save it once.</summary>
    public int Revision { get; private set; }
    public IReadOnlyList<ComplaintNote> Notes => _notes;

    /// <summary>A veto item for awards in its period: an upheld complaint.</summary>
    public bool IsVeto => State == ComplaintState.Concluded && Verdict == ComplaintVerdict.Upheld;

    /// <summary>Counts as a deduction: upheld or partly upheld.</summary>
    public bool Counts => State == ComplaintState.Concluded && Verdict is ComplaintVerdict.Upheld or ComplaintVerdict.PartlyUpheld;

    public bool IsReplyOverdue(DateOnly today) => State != ComplaintState.Concluded && today > ReplyDue;

    public static Complaint Record(ComplaintChannel channel, string? externalNumber, DateTimeOffset receivedAt, string complainantName,
        string? complainantPhone, string content, int? departmentId, int? windowId, int? staffId, int recordedBy,
        IWorkingDayCalendar calendar, int replyDays = DefaultReplyDays)
    {
        if (windowId is null && staffId is null && departmentId is null) throw new DomainException(SupervisionErrors.NoTarget);
        if (windowId <= 0 || staffId <= 0 || departmentId <= 0 || recordedBy <= 0) throw new DomainException(SupervisionErrors.NoTarget);
        if (replyDays is < 1 or > 60) throw new DomainException(SupervisionErrors.InvalidReplyDays);
        return new Complaint
        {
            Channel = channel,
            ExternalNumber = Texts.Optional(externalNumber, 40),
            ReceivedAt = receivedAt,
            ComplainantName = Texts.Required(complainantName, NameMaxLength),
            ComplainantPhone = Texts.Optional(complainantPhone, PhoneMaxLength),
            Content = Texts.Required(content, ContentMaxLength),
            DepartmentId = departmentId,
            WindowId = windowId,
            StaffId = staffId,
            RecordedBy = recordedBy,
            State = ComplaintState.Open,
            ReplyDue = calendar.AddWorkingDays(DateOnly.FromDateTime(receivedAt.DateTime), replyDays),
        };
    }

    /// <summary>A line of the investigation (调查情况), optionally with an evidence file.</summary>
    public void AddNote(string text, int authorStaffId, DateTimeOffset at, long? evidenceFileId = null)
    {
        if (State == ComplaintState.Concluded) throw new DomainException(SupervisionErrors.AlreadyConcluded);
        if (at < ReceivedAt) throw new DomainException(SupervisionErrors.TimeWentBackwards);
        _notes.Add(new ComplaintNote(Texts.Required(text, NoteMaxLength), authorStaffId, at, evidenceFileId));
        State = ComplaintState.Investigating;
        Revision++;
    }

    /// <summary>Concludes the complaint once, with its verdict and the reply given to the complainant.</summary>
    public void Conclude(ComplaintVerdict verdict, string reply, int managerStaffId, DateTimeOffset at)
    {
        if (State == ComplaintState.Concluded) throw new DomainException(SupervisionErrors.AlreadyConcluded);
        if (at < ReceivedAt) throw new DomainException(SupervisionErrors.TimeWentBackwards);
        if (!Enum.IsDefined(verdict) || managerStaffId <= 0) throw new DomainException(SupervisionErrors.NoTarget);
        Reply = Texts.Required(reply, ContentMaxLength);
        Verdict = verdict;
        State = ComplaintState.Concluded;
        ConcludedAt = at;
        ConcludedBy = managerStaffId;
        Revision++;
    }
}

public class ComplaintNote
{
    private ComplaintNote() { }

    internal ComplaintNote(string text, int authorStaffId, DateTimeOffset at, long? evidenceFileId)
    {
        Text = text;
        AuthorStaffId = authorStaffId;
        At = at;
        EvidenceFileId = evidenceFileId;
    }

    public long Id { get; private set; }
    public long ComplaintId { get; private set; }
    public string Text { get; private set; } = "";
    public int AuthorStaffId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public long? EvidenceFileId { get; private set; }
}

internal static class Texts
{
    public static string Required(string? value, int max) =>
        DomainText.Required(value, max, SupervisionErrors.TextRequired, SupervisionErrors.TextTooLong);

    public static string? Optional(string? value, int max) => DomainText.Optional(value, max, SupervisionErrors.TextTooLong);
}
