namespace OpsConsole.Domain.Attendance;

/// <summary>Versions that take effect from a month on (the assessment scheme, award rules): which one a month is judged by.</summary>
public static class MonthVersions
{
    /// <summary>
    /// The version in force in <paramref name="month"/>: the latest starting on or before it; of two starting in the
    /// same month, the one stored last (the higher id). Null when none had started.
    /// </summary>
    public static T? InForce<T>(IEnumerable<T> versions, Func<T, YearMonth> effectiveFrom, Func<T, long> id, YearMonth month) where T : class =>
        versions.Where(v => effectiveFrom(v) <= month).OrderByDescending(effectiveFrom).ThenByDescending(id).FirstOrDefault();
}
