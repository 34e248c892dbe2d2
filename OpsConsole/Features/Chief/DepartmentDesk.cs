using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Cases;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Chief;

/// <summary>
/// The chief representative's department page: its windows live, today's and this month's ratings and
/// rectifications, cases and supervision cards. Read only; approvals go through <see cref="Attendance.ChiefApprovals"/>.
/// </summary>
public sealed class DepartmentDesk(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock, CaseQueries cases)
{
    /// <param name="Waiting">Tickets waiting in the window's queues (and for it by name).</param>
    /// <param name="LongestWait">How long the longest-waiting of them has waited; null when none waits.</param>
    public sealed record WindowLive(int WindowId, int Number, string Name, WindowState State, string? OnDuty, string? CurrentNumber,
        int Waiting, TimeSpan? LongestWait, DateTimeOffset StateSince);

    public sealed record Ratings(int Total, int Good, int Bad)
    {
        /// <summary>The satisfied rate: ratings other than the two bad levels, of all.</summary>
        public double? SatisfiedRate => Total == 0 ? null : (double)(Total - Bad) / Total;
    }

    public sealed record Rectifications(int Open, int Overdue, int ClosedThisMonth);

    public sealed record Overview(int DepartmentId, string DepartmentName, IReadOnlyList<WindowLive> Windows, Ratings Today, Ratings Month,
        Rectifications Rectifications, CaseQueries.RateRow Cases, int CardsThisMonth, YearMonth CurrentMonth);

    private DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, clock.TimeZone.GetUtcOffset(midnight));
    }

    /// <summary>The overview of the department a chief representative leads; null for anyone who leads none.</summary>
    public async Task<Overview?> OverviewAsync(int chiefStaffId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chief = await db.Staff.AsNoTracking().Include(s => s.Department)
            .FirstOrDefaultAsync(s => s.Id == chiefStaffId && s.IsChiefRepresentative && s.Active, ct);
        if (chief?.DepartmentId is not { } departmentId) return null;
        var now = clock.Now;
        var today = clock.Today;
        var month = YearMonth.Of(today);

        var live = await LiveWindowsAsync(db, departmentId, now, today, ct);
        var windowIds = live.Select(w => w.WindowId).ToList();

        var monthStart = StartOf(month.FirstDay);
        var dayStart = StartOf(today);
        var evaluations = await db.Set<Evaluation>().AsNoTracking()
            .Where(e => windowIds.Contains(e.WindowId) && e.EvaluatedAt >= monthStart).Select(e => new { e.Level, e.EvaluatedAt }).ToListAsync(ct);
        Ratings Count(IEnumerable<SatisfactionLevel> levels)
        {
            var list = levels.ToList();
            return new Ratings(list.Count, list.Count(l => l is SatisfactionLevel.VerySatisfied or SatisfactionLevel.Satisfied), list.Count(l => l.IsBad()));
        }
        var rectifications = await db.Set<Rectification>().AsNoTracking().Where(r => windowIds.Contains(r.WindowId))
            .Select(r => new { r.State, r.Deadline, r.ClosedAt }).ToListAsync(ct);
        var board = await cases.BoardAsync(new CaseQueries.BoardFilter(month, departmentId), ct);

        return new Overview(departmentId, chief.Department?.Name ?? "", live,
            Count(evaluations.Where(e => e.EvaluatedAt >= dayStart).Select(e => e.Level)), Count(evaluations.Select(e => e.Level)),
            new Rectifications(rectifications.Count(r => r.State != RectificationState.Closed),
                rectifications.Count(r => r.State != RectificationState.Closed && today > r.Deadline),
                rectifications.Count(r => r.ClosedAt >= monthStart)),
            board.Total, board.Total.Cards, month); // counted by the database: the board lists only the latest 200
    }

    /// <summary>The department's windows now (for the live refresh; cheap: no ratings, no cases).</summary>
    public async Task<IReadOnlyList<WindowLive>> LiveWindowsAsync(int departmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LiveWindowsAsync(db, departmentId, clock.Now, clock.Today, ct);
    }

    private static async Task<List<WindowLive>> LiveWindowsAsync(OpsDbContext db, int departmentId, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        var windows = await db.Windows.AsNoTracking().Where(w => w.DepartmentId == departmentId && w.Active).OrderBy(w => w.Number).ToListAsync(ct);
        var windowIds = windows.Select(w => w.Id).ToList();
        var sessions = await db.Set<WindowSession>().AsNoTracking().Where(s => windowIds.Contains(s.WindowId)).ToDictionaryAsync(s => s.WindowId, ct);
        var staffIds = sessions.Values.Where(s => s.StaffId != null).Select(s => s.StaffId!.Value).ToList();
        var names = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var currentIds = sessions.Values.Where(s => s.CurrentTicketId != null).Select(s => s.CurrentTicketId!.Value).ToList();
        var current = (await db.Set<Ticket>().AsNoTracking().Where(t => currentIds.Contains(t.Id)).ToListAsync(ct)).ToDictionary(t => t.Id, t => t.Number.ToString());
        var routes = await db.Set<WindowQueueRoute>().AsNoTracking().Where(r => windowIds.Contains(r.WindowId)).ToListAsync(ct);
        var queueIds = routes.Select(r => r.QueueId).Distinct().ToList();
        var waiting = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.ServiceDay == today && t.State == TicketState.Waiting && (queueIds.Contains(t.QueueId) || (t.TargetWindowId != null && windowIds.Contains(t.TargetWindowId.Value))))
            .Select(t => new { t.QueueId, t.TargetWindowId, t.IssuedAt }).ToListAsync(ct);

        return windows.Select(w =>
        {
            var session = sessions.GetValueOrDefault(w.Id);
            var served = routes.Where(r => r.WindowId == w.Id).Select(r => r.QueueId).ToHashSet();
            var mine = waiting.Where(t => t.TargetWindowId == w.Id || (t.TargetWindowId == null && served.Contains(t.QueueId))).ToList();
            return new WindowLive(w.Id, w.Number, w.Name, session?.State ?? WindowState.Closed,
                session?.StaffId is { } sid && session.State != WindowState.Closed ? names.GetValueOrDefault(sid) : null,
                session?.CurrentTicketId is { } tid ? current.GetValueOrDefault(tid) : null,
                mine.Count, mine.Count == 0 ? null : now - mine.Min(t => t.IssuedAt), session?.StateSince ?? now);
        }).ToList();
    }
}
