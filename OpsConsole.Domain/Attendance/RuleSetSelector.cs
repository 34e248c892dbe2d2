using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Attendance;

/// <summary>A month is always scored with the version in force for it, however late it is (re)scored.</summary>
public sealed class RuleSetSelector
{
    private readonly List<AttendanceRuleSet> _byStart;

    /// <exception cref="DomainException">Two rule sets with the same version number.</exception>
    public RuleSetSelector(IEnumerable<AttendanceRuleSet> ruleSets)
    {
        _byStart = ruleSets.OrderByDescending(r => r.EffectiveFrom).ThenByDescending(r => r.Version).ToList();
        if (_byStart.GroupBy(r => r.Version).Any(g => g.Count() > 1)) throw new DomainException("attendance.rules.duplicate-version");
    }

    /// <summary>The latest-starting version that started on or before the month; on the same start, the higher version.</summary>
    /// <exception cref="DomainException">No version was in force yet.</exception>
    public AttendanceRuleSet ForMonth(YearMonth month) =>
        ForMonthOrNull(month)
        ?? throw new DomainException("attendance.rules.none-in-force");

    /// <summary>Like <see cref="ForMonth"/>, but null when no version was in force yet.</summary>
    public AttendanceRuleSet? ForMonthOrNull(YearMonth month) => _byStart.FirstOrDefault(r => r.EffectiveFrom <= month.FirstDay);
}
