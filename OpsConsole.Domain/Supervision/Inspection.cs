using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Supervision;

/// <summary>A kind of finding in a hall inspection (巡查), with its deduction; the center keeps the list.</summary>
public class FindingType
{
    public const int NameMaxLength = 40;
    public const decimal MaxPoints = 20m;

    private FindingType() { }

    public FindingType(string code, string name, decimal points)
    {
        Code = Texts.Required(code, 20);
        Change(name, points, active: true);
    }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    /// <summary>脱岗, 玩手机, 着装不规范, 窗口卫生, 服务态度…</summary>
    public string Name { get; private set; } = "";
    /// <summary>Points deducted per finding (positive).</summary>
    public decimal Points { get; private set; }
    public bool Active { get; private set; }

    public void Change(string name, decimal points, bool active)
    {
        if (points is < 0 or > MaxPoints || decimal.Round(points, 1) != points) throw new DomainException(SupervisionErrors.InvalidPoints);
        Name = Texts.Required(name, NameMaxLength);
        Points = points;
        Active = active;
    }

    /// <summary>The demo center's list (the seeds' usual findings).</summary>
    public static IReadOnlyList<FindingType> Defaults() =>
    [
        new("absent", "脱岗", 2m), new("phone", "玩手机", 1m), new("dress", "着装不规范", 0.5m),
        new("hygiene", "窗口卫生", 0.5m), new("attitude", "服务态度", 2m), new("sign", "未亮证上岗", 0.5m),
    ];
}

public enum FindingState { Active, Withdrawn }

/// <summary>
/// One finding of a hall inspection: the window (and staff member) at a time, its type and points
/// (kept as they were then), a note and a photo. The inspector may correct or withdraw it within a
/// day of recording it; each change is audited by the caller.
/// </summary>
public class InspectionFinding
{
    public const int NoteMaxLength = 500;
    public static readonly TimeSpan CorrectionWindow = TimeSpan.FromDays(1);

    private InspectionFinding() { }

    public long Id { get; private set; }
    public int WindowId { get; private set; }
    public int? StaffId { get; private set; }
    public int FindingTypeId { get; private set; }
    public string TypeName { get; private set; } = "";
    public decimal Points { get; private set; }
    public DateTimeOffset ObservedAt { get; private set; }
    public string? Note { get; private set; }
    public long? PhotoFileId { get; private set; }
    public int RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public FindingState State { get; private set; }
    public string? WithdrawReason { get; private set; }
    public DateTimeOffset? LastChangedAt { get; private set; }

    public bool Counts => State == FindingState.Active;

    /// <param name="windowWasOpen">Whether the window was staffed at <paramref name="observedAt"/> (a closed window has nobody to find fault with).</param>
    public static InspectionFinding Record(int windowId, int? staffId, FindingType type, DateTimeOffset observedAt, string? note,
        long? photoFileId, int inspectorStaffId, DateTimeOffset now, bool windowWasOpen)
    {
        if (windowId <= 0 || staffId <= 0 || inspectorStaffId <= 0 || !type.Active) throw new DomainException(SupervisionErrors.NoTarget);
        if (observedAt > now) throw new DomainException(SupervisionErrors.FindingInFuture);
        if (!windowWasOpen) throw new DomainException(SupervisionErrors.WindowClosedThen);
        return new InspectionFinding
        {
            WindowId = windowId,
            StaffId = staffId,
            FindingTypeId = type.Id,
            TypeName = type.Name,
            Points = type.Points,
            ObservedAt = observedAt,
            Note = Texts.Optional(note, NoteMaxLength),
            PhotoFileId = photoFileId,
            RecordedBy = inspectorStaffId,
            RecordedAt = now,
            State = FindingState.Active,
        };
    }

    public void Correct(FindingType type, string? note, DateTimeOffset at)
    {
        RequireEditable(at);
        FindingTypeId = type.Id;
        TypeName = type.Name;
        Points = type.Points;
        Note = Texts.Optional(note, NoteMaxLength);
        LastChangedAt = at;
    }

    public void Withdraw(string reason, DateTimeOffset at)
    {
        RequireEditable(at);
        WithdrawReason = Texts.Required(reason, NoteMaxLength);
        State = FindingState.Withdrawn;
        LastChangedAt = at;
    }

    private void RequireEditable(DateTimeOffset at)
    {
        if (State == FindingState.Withdrawn) throw new DomainException(SupervisionErrors.FindingWithdrawn);
        if (at < RecordedAt) throw new DomainException(SupervisionErrors.TimeWentBackwards);
        if (at - RecordedAt > CorrectionWindow) throw new DomainException(SupervisionErrors.CorrectionWindowPassed);
    }
}

/// <summary>表扬的形式.</summary>
public enum CommendationKind
{
    /// <summary>锦旗</summary>
    Banner,
    /// <summary>表扬信</summary>
    Letter,
    /// <summary>媒体表扬</summary>
    Media,
    /// <summary>上级表扬</summary>
    Official,
    Other,
}

/// <summary>表扬: a banner, letter or media praise for a window and/or a person, with its evidence; a bonus item in the assessment.</summary>
public class Commendation
{
    public const int DescriptionMaxLength = 500;

    private Commendation() { }

    public long Id { get; private set; }
    public CommendationKind Kind { get; private set; }
    public DateOnly Date { get; private set; }
    public int? WindowId { get; private set; }
    public int? StaffId { get; private set; }
    public string Description { get; private set; } = "";
    public long? EvidenceFileId { get; private set; }
    public int RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public static Commendation Record(CommendationKind kind, DateOnly date, int? windowId, int? staffId, string description,
        long? evidenceFileId, int recordedBy, DateTimeOffset now)
    {
        if ((windowId is null && staffId is null) || windowId <= 0 || staffId <= 0 || recordedBy <= 0 || !Enum.IsDefined(kind))
            throw new DomainException(SupervisionErrors.NoTarget);
        if (date > DateOnly.FromDateTime(now.DateTime)) throw new DomainException(SupervisionErrors.FindingInFuture);
        return new Commendation
        {
            Kind = kind, Date = date, WindowId = windowId, StaffId = staffId,
            Description = Texts.Required(description, DescriptionMaxLength),
            EvidenceFileId = evidenceFileId, RecordedBy = recordedBy, RecordedAt = now,
        };
    }
}
