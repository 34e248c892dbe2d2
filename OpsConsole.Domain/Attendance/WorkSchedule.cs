using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Attendance;

/// <summary>
/// The four punch windows of a workday. A schedule is center-wide or belongs to one department
/// (an override), and is either all-year or seasonal (recurring every year, such as summer hours).
/// It is in force from <see cref="ValidFrom"/> to <see cref="ValidUntil"/>: a change that takes effect
/// from a month closes the old schedule and starts a new one, so months before it keep their windows.
/// </summary>
public class WorkSchedule
{
    public const int NameMaxLength = 40;

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>Null for the center-wide schedule; otherwise this department's override.</summary>
    public int? DepartmentId { get; private set; }
    /// <summary>Null for all year.</summary>
    public AnnualDateRange? Season { get; private set; }
    /// <summary>First day in force (always the first of a month); null since the beginning.</summary>
    public DateOnly? ValidFrom { get; private set; }
    /// <summary>Last day in force (always the last of a month); null while nothing replaces it.</summary>
    public DateOnly? ValidUntil { get; private set; }
    public PunchWindow MorningIn { get; private set; } = null!;
    public PunchWindow MorningOut { get; private set; } = null!;
    public PunchWindow AfternoonIn { get; private set; } = null!;
    public PunchWindow AfternoonOut { get; private set; } = null!;

    private WorkSchedule() { }

    public WorkSchedule(string name, PunchWindow morningIn, PunchWindow morningOut, PunchWindow afternoonIn,
        PunchWindow afternoonOut, int? departmentId = null, AnnualDateRange? season = null)
    {
        Rename(name);
        SetWindows(morningIn, morningOut, afternoonIn, afternoonOut);
        DepartmentId = departmentId;
        Season = season;
    }

    public bool IsSeasonal => Season is not null;

    public bool InForceOn(DateOnly day) => (ValidFrom is null || day >= ValidFrom) && (ValidUntil is null || day <= ValidUntil);

    /// <summary>Whether the two are in force on at least one common day.</summary>
    public bool InForceTogetherWith(WorkSchedule other) =>
        (ValidFrom ?? DateOnly.MinValue) <= (other.ValidUntil ?? DateOnly.MaxValue)
        && (other.ValidFrom ?? DateOnly.MinValue) <= (ValidUntil ?? DateOnly.MaxValue);

    /// <summary>In force from the first day of <paramref name="month"/> on (until a later change closes it).</summary>
    public void StartFrom(YearMonth month)
    {
        if (ValidUntil is { } until && until < month.FirstDay) throw new DomainException("attendance.schedule.validity-invalid");
        ValidFrom = month.FirstDay;
    }

    /// <summary>Out of force from the first day of <paramref name="month"/>: its last day is the day before.</summary>
    public void EndBefore(YearMonth month)
    {
        if (ValidFrom is { } from && from >= month.FirstDay) throw new DomainException("attendance.schedule.validity-invalid");
        ValidUntil = month.FirstDay.AddDays(-1);
    }

    /// <summary>The same scope, season and windows, in force from <paramref name="month"/> until this one's end.</summary>
    public WorkSchedule Successor(YearMonth month) =>
        new(Name, MorningIn, MorningOut, AfternoonIn, AfternoonOut, DepartmentId, Season) { ValidFrom = month.FirstDay, ValidUntil = ValidUntil };

    public void Rename(string name)
    {
        name = name.Trim();
        if (name.Length is 0 or > NameMaxLength) throw new DomainException("attendance.schedule.name-invalid");
        Name = name;
    }

    public void SetSeason(AnnualDateRange? season) => Season = season;

    /// <summary>Windows must come in order and must not overlap, so every minute belongs to at most one slot.</summary>
    public void SetWindows(PunchWindow morningIn, PunchWindow morningOut, PunchWindow afternoonIn, PunchWindow afternoonOut)
    {
        PunchWindow[] w = [morningIn, morningOut, afternoonIn, afternoonOut];
        for (var i = 1; i < w.Length; i++)
            if (w[i - 1].AcceptTo >= w[i].AcceptFrom) throw new DomainException("attendance.schedule.windows-overlap");
        MorningIn = morningIn;
        MorningOut = morningOut;
        AfternoonIn = afternoonIn;
        AfternoonOut = afternoonOut;
    }

    /// <summary>In force on the day and, when seasonal, in season.</summary>
    public bool AppliesOn(DateOnly day) => InForceOn(day) && (Season is null || Season.Contains(day));

    public PunchWindow Window(PunchSlot slot) => slot switch
    {
        PunchSlot.MorningIn => MorningIn,
        PunchSlot.MorningOut => MorningOut,
        PunchSlot.AfternoonIn => AfternoonIn,
        _ => AfternoonOut,
    };

    /// <summary>The slot whose acceptance window holds this minute, or null when it falls outside every window.</summary>
    public PunchSlot? SlotOf(TimeOnly minute)
    {
        if (MorningIn.Accepts(minute)) return PunchSlot.MorningIn;
        if (MorningOut.Accepts(minute)) return PunchSlot.MorningOut;
        if (AfternoonIn.Accepts(minute)) return PunchSlot.AfternoonIn;
        if (AfternoonOut.Accepts(minute)) return PunchSlot.AfternoonOut;
        return null;
    }

    /// <summary>
    /// The example rules' standard day: in by 09:00, out from 12:00, in by 13:00, out from 17:00. Acceptance
    /// windows split at the midpoints between bounds, so a very late arrival still counts as a (late) arrival
    /// and a very early departure as an (early) departure.
    /// </summary>
    public static WorkSchedule Standard(string name = "标准作息", int? departmentId = null) => new(name,
        PunchWindow.Of("09:00", "06:00", "10:29"),
        PunchWindow.Of("12:00", "10:30", "12:29"),
        PunchWindow.Of("13:00", "12:30", "14:59"),
        PunchWindow.Of("17:00", "15:00", "23:59"),
        departmentId);

    /// <summary>The example summer variant (5月1日–9月30日): afternoon in by 14:00.</summary>
    public static WorkSchedule Summer(string name = "夏季作息", int? departmentId = null) => new(name,
        PunchWindow.Of("09:00", "06:00", "10:29"),
        PunchWindow.Of("12:00", "10:30", "12:59"),
        PunchWindow.Of("14:00", "13:00", "15:29"),
        PunchWindow.Of("17:00", "15:30", "23:59"),
        departmentId, AnnualDateRange.Summer);
}
