namespace OpsConsole.Features.Common;

/// <summary>
/// The center's wall clock. The domain reads clock times (opening hours, service day, check-in
/// windows) from the values it is given, so use cases pass <see cref="Now"/>, which carries the
/// center's offset (Center:TimeZone, default Asia/Shanghai).
/// </summary>
public sealed class CenterClock
{
    private readonly TimeProvider _time;

    public CenterClock(TimeProvider time, IConfiguration configuration)
    {
        _time = time;
        TimeZone = Resolve(configuration["Center:TimeZone"] ?? "Asia/Shanghai");
    }

    public TimeZoneInfo TimeZone { get; }

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(_time.GetUtcNow(), TimeZone);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    public DateTimeOffset ToLocal(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, TimeZone);

    private static TimeZoneInfo Resolve(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            // Machines without tzdata: China has kept UTC+8 without daylight saving since 1991.
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), id, id);
        }
    }
}
