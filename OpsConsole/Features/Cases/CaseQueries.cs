using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Cases;
using OpsConsole.Domain.Common;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Cases;

/// <summary>
/// Lists of cases and cards for my cases (a staff member's), the department view (a chief
/// representative's) and the supervision board (managers'). Due dates and days left come from the
/// center calendar as it is today; applicants are shown masked.
/// </summary>
public sealed class CaseQueries(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock, IWorkingDayCalendar calendar)
{
    public sealed record CaseRow(long Id, string Number, CaseKind Kind, CaseState State, string Item, int DepartmentId, string Department,
        int WindowId, string Window, int StaffId, string Staff, string Applicant, DateOnly AcceptedOn, DateOnly DueOn, int? DaysLeft, DateOnly? ClosedOn);

    public sealed record CardRow(long Id, long CaseId, string CaseNumber, CardLevel Level, CardState State, int DepartmentId, string Department,
        int WindowId, string Window, int StaffId, string Staff, DateTimeOffset RaisedAt, DateOnly DueDate, string? ContestReason, string? DecisionNote);

    public sealed record EventRow(CaseAction Action, CaseState? From, CaseState To, DateTimeOffset At, string Actor, string? Note);

    public sealed record CaseDetail(CaseRow Case, string? ApplicantPhone, int PromisedDays, int SuspendedDays, string? MaterialsOwed,
        int? TicketId, IReadOnlyList<EventRow> History, IReadOnlyList<CardRow> Cards);

    public sealed record BoardFilter(YearMonth Month, int? DepartmentId = null, int? WindowId = null);

    public sealed record RateRow(int Id, string Name, int Open, int DueToday, int Overdue, int Concluded, int OnTime, int OnTheSpot, int Cards)
    {
        public double? OnTimeRate => Concluded == 0 ? null : (double)OnTime / Concluded;
        public double? OnTheSpotRate => Concluded == 0 ? null : (double)OnTheSpot / Concluded;
    }

    public sealed record Board(RateRow Total, IReadOnlyList<RateRow> Departments, IReadOnlyList<RateRow> Windows, IReadOnlyList<CaseRow> DueToday,
        IReadOnlyList<CaseRow> Overdue, IReadOnlyDictionary<CardLevel, int> CardsByLevel, IReadOnlyList<CardRow> CardsThisMonth);

    public sealed record Option(int Id, string Name);

    /// <summary>A staff member's open cases (soonest due first) and those that ended in the last 30 days.</summary>
    public async Task<IReadOnlyList<CaseRow>> StaffCasesAsync(int staffId, CancellationToken ct = default)
    {
        var since = clock.Today.AddDays(-30);
        return await CasesAsync(q => q.Where(c => c.StaffId == staffId && (c.ClosedOn == null || c.ClosedOn >= since)), ct);
    }

    /// <summary>A department's cases (its chief representative's view).</summary>
    public async Task<IReadOnlyList<CaseRow>> DepartmentCasesAsync(int departmentId, CancellationToken ct = default)
    {
        var since = clock.Today.AddDays(-30);
        return await CasesAsync(q => q.Where(c => c.DepartmentId == departmentId && (c.ClosedOn == null || c.ClosedOn >= since)), ct);
    }

    public Task<IReadOnlyList<CardRow>> StaffCardsAsync(int staffId, CancellationToken ct = default) =>
        CardsAsync(q => q.Where(c => c.StaffId == staffId && c.RaisedOn >= clock.Today.AddDays(-90)), ct);

    public Task<IReadOnlyList<CardRow>> DepartmentCardsAsync(int departmentId, CancellationToken ct = default) =>
        CardsAsync(q => q.Where(c => c.DepartmentId == departmentId && c.RaisedOn >= clock.Today.AddDays(-90)), ct);

    /// <summary>The department the staff member belongs to (a chief representative's), if any.</summary>
    public async Task<Option?> DepartmentOfAsync(int staffId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Staff.Where(s => s.Id == staffId && s.DepartmentId != null)
            .Select(s => new Option(s.DepartmentId!.Value, s.Department!.Name)).FirstOrDefaultAsync(ct);
    }

    public async Task<(IReadOnlyList<Option> Departments, IReadOnlyList<Option> Windows)> FilterOptionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new Option(d.Id, d.Name)).ToListAsync(ct);
        var windows = await db.Windows.AsNoTracking().OrderBy(w => w.Number).Select(w => new Option(w.Id, w.Name)).ToListAsync(ct);
        return (departments, windows);
    }

    /// <summary>A case with its history and cards, for those who may see it (its staff member, the department's chief representative, managers).</summary>
    public async Task<CaseDetail?> DetailAsync(long caseId, CaseActor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Set<ServiceCase>().AsNoTracking().Include(x => x.History).FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null || !await CaseDesk.MayActAsync(db, c, actor, ct)) return null;
        var names = await NamesAsync(db, ct);
        var actorIds = c.History.Select(e => e.ActorStaffId).Distinct().ToList();
        var actors = await db.Staff.Where(s => actorIds.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var history = c.History.OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new EventRow(e.Action, e.FromState, e.ToState, clock.ToLocal(e.At), actors.GetValueOrDefault(e.ActorStaffId, "?"), e.Note)).ToList();
        var cards = await CardsAsync(q => q.Where(x => x.CaseId == caseId), ct);
        return new CaseDetail(Row(c, names), CaseMessages.MaskPhone(c.ApplicantPhone), c.PromisedDays, c.SuspendedDays, c.MaterialsOwed, c.TicketId, history, cards);
    }

    /// <summary>
    /// The supervision board: open cases now (by department and window, due today, overdue), and for the month the
    /// cases concluded (on-time and on-the-spot rates) and the cards raised that count.
    /// </summary>
    public async Task<Board> BoardAsync(BoardFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var names = await NamesAsync(db, ct);
        var first = filter.Month.FirstDay;
        var last = filter.Month.LastDay;
        var today = clock.Today;

        var openQuery = db.Set<ServiceCase>().AsNoTracking()
            .Where(c => c.State == CaseState.Accepted || c.State == CaseState.InProgress || c.State == CaseState.AwaitingCorrection);
        var concludedQuery = db.Set<ServiceCase>().Where(c => c.State == CaseState.Concluded && c.ClosedOn >= first && c.ClosedOn <= last);
        var cardQuery = db.Set<SupervisionCard>().Where(c => c.RaisedOn >= first && c.RaisedOn <= last && c.State != CardState.Withdrawn);
        if (filter.DepartmentId is { } d)
        {
            openQuery = openQuery.Where(c => c.DepartmentId == d);
            concludedQuery = concludedQuery.Where(c => c.DepartmentId == d);
            cardQuery = cardQuery.Where(c => c.DepartmentId == d);
        }
        if (filter.WindowId is { } w)
        {
            openQuery = openQuery.Where(c => c.WindowId == w);
            concludedQuery = concludedQuery.Where(c => c.WindowId == w);
            cardQuery = cardQuery.Where(c => c.WindowId == w);
        }

        var open = (await openQuery.ToListAsync(ct)).Select(c => Row(c, names)).ToList();
        // Concluded on time against the due date as saved at the last change (a later calendar edit does not rewrite history).
        var concluded = await concludedQuery
            .GroupBy(c => new { c.DepartmentId, c.WindowId })
            .Select(g => new
            {
                g.Key.DepartmentId,
                g.Key.WindowId,
                Count = g.Count(),
                OnTime = g.Sum(c => c.ClosedOn <= c.DueDate ? 1 : 0),
                OnTheSpot = g.Sum(c => c.ClosedOn == c.AcceptedOn ? 1 : 0),
            }).ToListAsync(ct);
        var cardCounts = await cardQuery.GroupBy(c => new { c.DepartmentId, c.WindowId, c.Level })
            .Select(g => new { g.Key.DepartmentId, g.Key.WindowId, g.Key.Level, Count = g.Count() }).ToListAsync(ct);
        var cardsThisMonth = await CardsAsync(db, names, cardQuery.OrderByDescending(c => c.RaisedAt).Take(200), ct);

        RateRow Rate(int id, string name, Func<CaseRow, bool> isIn, Func<int, int, bool> keyIn)
        {
            var o = open.Where(isIn).ToList();
            var c = concluded.Where(x => keyIn(x.DepartmentId, x.WindowId)).ToList();
            return new RateRow(id, name, o.Count, o.Count(x => x.DaysLeft == 0), o.Count(x => x.DaysLeft < 0),
                c.Sum(x => x.Count), c.Sum(x => x.OnTime), c.Sum(x => x.OnTheSpot),
                cardCounts.Where(x => keyIn(x.DepartmentId, x.WindowId)).Sum(x => x.Count));
        }

        var departmentIds = open.Select(x => x.DepartmentId).Concat(concluded.Select(x => x.DepartmentId)).Concat(cardCounts.Select(x => x.DepartmentId)).Distinct();
        var windowIds = open.Select(x => x.WindowId).Concat(concluded.Select(x => x.WindowId)).Concat(cardCounts.Select(x => x.WindowId)).Distinct();
        var departments = departmentIds.Select(id => Rate(id, names.Departments.GetValueOrDefault(id, "?"), x => x.DepartmentId == id, (dd, _) => dd == id))
            .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Open).ThenBy(r => r.Name).ToList();
        var windows = windowIds.Select(id => Rate(id, names.Windows.GetValueOrDefault(id, "?"), x => x.WindowId == id, (_, ww) => ww == id))
            .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Open).ThenBy(r => r.Name).ToList();
        var total = Rate(0, "", _ => true, (_, _) => true);
        var byLevel = Enum.GetValues<CardLevel>().ToDictionary(l => l, l => cardCounts.Where(x => x.Level == l).Sum(x => x.Count));
        return new Board(total, departments, windows,
            open.Where(x => x.DaysLeft == 0).OrderBy(x => x.Department).ToList(),
            open.Where(x => x.DaysLeft < 0).OrderBy(x => x.DaysLeft).ToList(),
            byLevel, cardsThisMonth);
    }

    private async Task<IReadOnlyList<CaseRow>> CasesAsync(Func<IQueryable<ServiceCase>, IQueryable<ServiceCase>> filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var names = await NamesAsync(db, ct);
        var cases = await filter(db.Set<ServiceCase>().AsNoTracking()).ToListAsync(ct);
        return cases.Select(c => Row(c, names))
            .OrderBy(r => r.ClosedOn is null ? 0 : 1).ThenBy(r => r.DaysLeft ?? int.MaxValue).ThenByDescending(r => r.AcceptedOn).ThenByDescending(r => r.Id).ToList();
    }

    private async Task<IReadOnlyList<CardRow>> CardsAsync(Func<IQueryable<SupervisionCard>, IQueryable<SupervisionCard>> filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var names = await NamesAsync(db, ct);
        return await CardsAsync(db, names, filter(db.Set<SupervisionCard>()).OrderByDescending(c => c.RaisedAt), ct);
    }

    private async Task<IReadOnlyList<CardRow>> CardsAsync(OpsDbContext db, Names names, IQueryable<SupervisionCard> query, CancellationToken ct)
    {
        var cards = await query.AsNoTracking().ToListAsync(ct);
        var caseIds = cards.Select(c => c.CaseId).Distinct().ToList();
        var numbers = await db.Set<ServiceCase>().Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.Number }).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        return cards.Select(c => new CardRow(c.Id, c.CaseId, numbers.GetValueOrDefault(c.CaseId, ""), c.Level, c.State, c.DepartmentId,
            names.Departments.GetValueOrDefault(c.DepartmentId, "?"), c.WindowId, names.Windows.GetValueOrDefault(c.WindowId, "?"), c.StaffId,
            names.Staff.GetValueOrDefault(c.StaffId, "?"), clock.ToLocal(c.RaisedAt), c.DueDate, c.ContestReason, c.DecisionNote)).ToList();
    }

    private CaseRow Row(ServiceCase c, Names names)
    {
        var due = c.DueOn(calendar);
        int? left = c.IsOpen ? c.DaysLeft(clock.Today, calendar) : null;
        return new CaseRow(c.Id, c.Number, c.Kind, c.State, names.Items.GetValueOrDefault(c.ServiceItemId, "?"), c.DepartmentId,
            names.Departments.GetValueOrDefault(c.DepartmentId, "?"), c.WindowId, names.Windows.GetValueOrDefault(c.WindowId, "?"), c.StaffId,
            names.Staff.GetValueOrDefault(c.StaffId, "?"), CaseMessages.MaskName(c.ApplicantName), c.AcceptedOn, due, left, c.ClosedOn);
    }

    private sealed record Names(Dictionary<int, string> Items, Dictionary<int, string> Departments, Dictionary<int, string> Windows, Dictionary<int, string> Staff);

    private static async Task<Names> NamesAsync(OpsDbContext db, CancellationToken ct) => new(
        await db.ServiceItems.Select(i => new { i.Id, i.Name }).ToDictionaryAsync(i => i.Id, i => i.Name, ct),
        await db.Departments.Select(d => new { d.Id, d.Name }).ToDictionaryAsync(d => d.Id, d => d.Name, ct),
        await db.Windows.Select(w => new { w.Id, w.Name }).ToDictionaryAsync(w => w.Id, w => w.Name, ct),
        await db.Staff.Select(s => new { s.Id, s.Name }).ToDictionaryAsync(s => s.Id, s => s.Name, ct));
}
