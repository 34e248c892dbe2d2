using System.Globalization;
using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Attendance;

/// <summary>
/// One punch slot of a schedule: the on-time bound (in by / out from) and the acceptance window, both
/// ends inclusive at minute precision, in which a punch counts for this slot.
/// </summary>
public sealed record PunchWindow
{
    public PunchWindow(TimeOnly onTime, TimeOnly acceptFrom, TimeOnly acceptTo)
    {
        if (!IsWholeMinute(onTime) || !IsWholeMinute(acceptFrom) || !IsWholeMinute(acceptTo))
            throw new DomainException("attendance.schedule.whole-minutes");
        if (acceptFrom > onTime || onTime > acceptTo) throw new DomainException("attendance.schedule.on-time-outside-window");
        OnTime = onTime;
        AcceptFrom = acceptFrom;
        AcceptTo = acceptTo;
    }

    public TimeOnly OnTime { get; private set; }
    public TimeOnly AcceptFrom { get; private set; }
    public TimeOnly AcceptTo { get; private set; }

    public bool Accepts(TimeOnly minute) => minute >= AcceptFrom && minute <= AcceptTo;

    private static bool IsWholeMinute(TimeOnly t) => t.Ticks % TimeSpan.TicksPerMinute == 0;

    /// <summary>Shorthand with "HH:mm" strings: <c>PunchWindow.Of("09:00", "06:00", "10:29")</c>.</summary>
    public static PunchWindow Of(string onTime, string acceptFrom, string acceptTo) =>
        new(Hm(onTime), Hm(acceptFrom), Hm(acceptTo));

    private static TimeOnly Hm(string s) => TimeOnly.ParseExact(s, "HH:mm", CultureInfo.InvariantCulture);
}
