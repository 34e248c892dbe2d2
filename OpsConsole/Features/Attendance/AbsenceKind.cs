using System.Diagnostics.CodeAnalysis;
using OpsConsole.Domain.Attendance;

namespace OpsConsole.Features.Attendance;

/// <summary>What takes someone away for half-days: a kind of leave (事假…) or of official absence (公出…), one list for the forms.</summary>
public readonly record struct AbsenceKind
{
    private AbsenceKind(LeaveKind? leave, OfficialAbsenceKind? official)
    {
        Leave = leave;
        Official = official;
    }

    public LeaveKind? Leave { get; }
    public OfficialAbsenceKind? Official { get; }

    public static AbsenceKind Of(LeaveKind kind) => new(kind, null);
    public static AbsenceKind Of(OfficialAbsenceKind kind) => new(null, kind);

    /// <summary>Every kind, leave first, in the order forms list them.</summary>
    public static IReadOnlyList<AbsenceKind> All { get; } =
        [.. Enum.GetValues<LeaveKind>().Select(Of), .. Enum.GetValues<OfficialAbsenceKind>().Select(Of)];

    public bool IsOfficial => Official is not null;

    public bool IsDefined => Leave is { } l ? Enum.IsDefined(l) : Official is { } o && Enum.IsDefined(o);

    /// <summary>The Chinese label, also the localization key.</summary>
    public string Label => Leave?.Label() ?? Official?.Label() ?? "";

    /// <summary>A stable form value: "leave:Sick", "official:Meeting".</summary>
    public string Key => Leave is { } l ? "leave:" + l : "official:" + Official;

    public static bool TryParse(string? key, [NotNullWhen(true)] out AbsenceKind? kind)
    {
        kind = All.FirstOrDefault(k => k.Key == key);
        return kind.Value.IsDefined && kind.Value.Key == key;
    }

    /// <summary>A new pending record of this kind.</summary>
    public ApprovalRequest Create(int staffId, HalfDayRange period, string reason, DateTime requestedAt) => Leave is { } l
        ? new LeaveRecord(staffId, l, period, reason, requestedAt)
        : new OfficialAbsenceRecord(staffId, Official!.Value, period, reason, requestedAt);
}

/// <summary>One leave record or official absence record by id.</summary>
public readonly record struct AbsenceRef(int Id, bool Official);
