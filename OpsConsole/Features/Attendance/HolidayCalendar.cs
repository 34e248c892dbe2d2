using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Common;

namespace OpsConsole.Features.Attendance;

/// <summary>
/// The center's work calendar (statutory holidays and worked weekend days) as the application-wide
/// <see cref="IWorkingDayCalendar"/>: rectification deadlines today, case deadlines later. Loaded once and kept for a
/// minute, dropped at once when this node changes the calendar; another node sees a change within that minute.
/// </summary>
public sealed class HolidayCalendar(IDbContextFactory<OpsDbContext> dbFactory, TimeProvider time) : IWorkingDayCalendar
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly Lock _lock = new();
    private (WorkCalendar Calendar, DateTimeOffset LoadedAt)? _cached;

    public bool IsWorkday(DateOnly day) => Current().IsWorkday(day);

    public DateOnly AddWorkingDays(DateOnly from, int days) => Current().AddWorkingDays(from, days);

    public void Invalidate()
    {
        lock (_lock) _cached = null;
    }

    public WorkCalendar Current()
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_cached is { } c && now - c.LoadedAt < Lifetime) return c.Calendar;
        }
        // Synchronous on purpose: callers are domain rules that take an IWorkingDayCalendar; this runs once a minute at most.
        using var db = dbFactory.CreateDbContext();
        var calendar = new WorkCalendar(db.CalendarEntries.AsNoTracking().ToList());
        lock (_lock) _cached = (calendar, now);
        return calendar;
    }
}
