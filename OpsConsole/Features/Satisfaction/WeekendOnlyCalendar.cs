using OpsConsole.Domain.Common;

namespace OpsConsole.Features.Satisfaction;

/// <summary>
/// Working days = Monday to Friday. A stand-in until the attendance work registers the center's
/// holiday calendar behind the same <see cref="IWorkingDayCalendar"/> (which then wins).
/// </summary>
public sealed class WeekendOnlyCalendar : IWorkingDayCalendar
{
    public bool IsWorkday(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var step = Math.Sign(days);
        var day = from;
        for (var left = Math.Abs(days); left > 0;)
        {
            day = day.AddDays(step);
            if (IsWorkday(day)) left--;
        }
        return day;
    }
}
