namespace OpsConsole.Tests.Infrastructure;

/// <summary>A clock the test sets and moves; the app reads it through TimeProvider.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public void Advance(TimeSpan by) => Now += by;

    /// <summary>Monday 23 November 2026, 10:00 in the center (+08:00): the hall is open.</summary>
    public static TestClock MondayMorning() => new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8)));
}
