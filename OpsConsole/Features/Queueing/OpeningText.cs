using System.Globalization;
using Microsoft.Extensions.Localization;
using OpsConsole.Features.Attendance;

namespace OpsConsole.Features.Queueing;

/// <summary>When a closed queue opens next, as the kiosk, /wait and the queue setup page say it: 明天 09:00, 12 月 7 日（周一）09:00.</summary>
public static class OpeningText
{
    public static string Next(IStringLocalizer L, DateTimeOffset next, DateOnly today)
    {
        var day = DateOnly.FromDateTime(next.DateTime);
        var time = next.ToString("HH:mm", CultureInfo.InvariantCulture);
        return day == today ? L["今天 {0}", time]
            : day == today.AddDays(1) ? L["明天 {0}", time]
            : L["{0} 月 {1} 日（周{2}）{3}", day.Month, day.Day, L[AttendanceLabels.Weekday(day)], time];
    }
}
