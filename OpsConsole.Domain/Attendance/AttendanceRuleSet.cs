using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Attendance;

/// <summary>
/// One version of the attendance rules, in force from the first day of <see cref="EffectiveFrom"/> until a
/// later version takes over. A version is never edited once months were scored with it: publish a new one.
/// </summary>
public class AttendanceRuleSet
{
    public const int NameMaxLength = 60;

    public int Id { get; private set; }
    public int Version { get; private set; }
    /// <summary>Always the first day of a month.</summary>
    public DateOnly EffectiveFrom { get; private set; }
    public string Name { get; private set; } = "";
    public AttendanceRuleValues Rules { get; private set; } = AttendanceRuleValues.Defaults;

    private AttendanceRuleSet() { }

    public AttendanceRuleSet(int version, YearMonth effectiveFrom, AttendanceRuleValues rules, string name = "")
    {
        if (version < 1) throw new DomainException("attendance.rules.version-invalid");
        name = name.Trim();
        if (name.Length > NameMaxLength) throw new DomainException("attendance.rules.name-too-long");
        rules.Validate();
        Version = version;
        EffectiveFrom = effectiveFrom.FirstDay;
        Name = name;
        Rules = rules;
    }

    public YearMonth EffectiveMonth => YearMonth.Of(EffectiveFrom);

    /// <summary>
    /// The next version, in force from <paramref name="from"/>: never earlier than the current month, so a month already
    /// worked keeps the rules it was worked under. Publishing again for the same month supersedes the earlier publication.
    /// </summary>
    /// <exception cref="DomainException">The month is in the past, or the rules or name are invalid.</exception>
    public static AttendanceRuleSet Publish(IEnumerable<AttendanceRuleSet> existing, AttendanceRuleValues rules, YearMonth from,
        YearMonth currentMonth, string name)
    {
        if (from < currentMonth) throw new DomainException("attendance.rules.effective-in-past");
        return new AttendanceRuleSet(existing.Select(r => r.Version).DefaultIfEmpty(0).Max() + 1, from, rules, name);
    }

    public static AttendanceRuleSet Default(YearMonth effectiveFrom) => new(1, effectiveFrom, AttendanceRuleValues.Defaults, "默认考勤规则");
}
