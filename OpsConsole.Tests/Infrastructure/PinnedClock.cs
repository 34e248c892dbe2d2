using System.Diagnostics;

namespace OpsConsole.Tests.Infrastructure;

/// <summary>
/// A clock that starts at a fixed moment and runs in real time from there: every test app gets one
/// (<see cref="OpsApp"/>) unless the test sets its own, so no test depends on the day or hour it runs,
/// while timeouts, revalidation and other waits still pass as they would.
/// </summary>
public sealed class PinnedClock(DateTimeOffset start) : TimeProvider
{
    /// <summary>Monday 23 November 2026, 10:00 in the center (+08:00): a workday, the hall open.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The center's date of <see cref="DefaultStart"/>.</summary>
    public static DateOnly DefaultToday => DateOnly.FromDateTime(DefaultStart.DateTime);

    private readonly long _started = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + Stopwatch.GetElapsedTime(_started);
}
