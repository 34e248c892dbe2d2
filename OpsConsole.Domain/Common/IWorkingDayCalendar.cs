namespace OpsConsole.Domain.Common;

/// <summary>Working-day arithmetic (weekends, statutory holidays, 调休 workdays), shared by attendance and case deadlines.</summary>
public interface IWorkingDayCalendar
{
    bool IsWorkday(DateOnly day);

    /// <summary>The day that is <paramref name="days"/> working days after <paramref name="from"/> (before it when negative); 0 returns <paramref name="from"/>.</summary>
    DateOnly AddWorkingDays(DateOnly from, int days);
}
