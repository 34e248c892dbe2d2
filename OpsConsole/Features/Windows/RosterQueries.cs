using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Windows;

namespace OpsConsole.Features.Windows;

/// <summary>Reads of the roster for other features (the counter page proposes the rostered window).</summary>
public sealed class RosterQueries(IDbContextFactory<OpsDbContext> dbFactory)
{
    /// <summary>The window (id) a person is rostered at on a half-day, or null. With two (a flagged conflict), the lowest window number.</summary>
    public async Task<int?> RosteredWindowAsync(int staffId, DateOnly day, HalfDay halfDay, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from r in db.Set<RosterEntry>()
                      join w in db.Windows on r.WindowId equals w.Id
                      where r.StaffId == staffId && r.Day == day && r.HalfDay == halfDay
                      orderby w.Number
                      select (int?)r.WindowId).FirstOrDefaultAsync(ct);
    }

    /// <summary>The half-day a clock time falls in (before noon = morning).</summary>
    public static HalfDay HalfDayOf(TimeOnly time) => time.Hour < 12 ? HalfDay.Morning : HalfDay.Afternoon;
}
