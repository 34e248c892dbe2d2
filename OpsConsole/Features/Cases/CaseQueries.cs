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
public sealed class CaseQueries(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock, IWorkingDayCalendar calendar, CaseNames caseNames)
{
    public sealed record CaseRow(long Id, string Number, CaseKind Kind, CaseState State, string Item, int DepartmentId, string Department,
        int WindowId, string Window, int StaffId, string Staff, string Applicant, DateOnly AcceptedOn, DateOnly DueOn, int? DaysLeft, DateOnly? ClosedOn);

    public sealed record CardRow(long Id, long CaseId, string CaseNumber, CardLevel Level, CardState State, int DepartmentId, string Department,
        int WindowId, string Window, int StaffId, string Staff, DateTimeOffset RaisedAt, DateOnly DueDate, string? ContestReason, string? DecisionNote);

    public sealed record EventRow(CaseAction Action, CaseState? From, CaseState To, DateTimeOffset At, string Actor, string? Note);

    /// <summary>A case with its history, its cards and, for a 联办件, the participating departments (the lead is <see cref="CaseRow.Department"/>).</summary>
    public sealed record CaseDetail(CaseRow Case, string? ApplicantPhone, int PromisedDays, int SuspendedDays, string? MaterialsOwed,
        int? TicketId, IReadOnlyList<EventRow> History, IReadOnlyList<CardRow> Cards, IReadOnlyList<string> JointDepartments);

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
        var names = await NamesForAsync([c.ServiceItemId], [c.DepartmentId, .. c.JointDepartmentIds], [c.WindowId], [c.StaffId, .. c.History.Select(e => e.ActorStaffId)], ct);
        var history = c.History.OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new EventRow(e.Action, e.FromState, e.ToState, clock.ToLocal(e.At), names.Person(e.ActorStaffId), e.Note)).ToList();
        var cards = await CardsAsync(q => q.Where(x => x.CaseId == caseId), ct);
        return new CaseDetail(Row(c, names, calendar), CaseMessages.MaskPhone(c.ApplicantPhone), c.PromisedDays, c.SuspendedDays, c.MaterialsOwed, c.TicketId,
            history, cards, c.JointDepartmentIds.Select(names.Department).ToList());
    }

    /// <summary>
    /// The supervision board: open cases now (by department and window, due today, overdue), and for the month the
    /// cases concluded (on-time and on-the-spot rates) and the cards raised that count.
    /// </summary>
    public async Task<Board> BoardAsync(BoardFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
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

        // Only the columns the deadline needs; the rows of the two short lists are built afterwards.
        var open = await openQuery.Select(c => new OpenCase(c.Id, c.DepartmentId, c.WindowId, c.AcceptedOn, c.PromisedDays, c.SuspendedDays, c.SuspendedSince))
            .ToListAsync(ct);
        var index = IndexFor(open.Select(o => o.AcceptedOn), today);
        var due = open.Select(o =>
        {
            var on = CaseDeadline.DueOn(o.AcceptedOn, o.PromisedDays, o.SuspendedDays, index);
            return (Case: o, Left: CaseDeadline.DaysLeft(on, o.SuspendedSince, today, index));
        }).ToList();
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
        var cardsThisMonth = await cardQuery.OrderByDescending(c => c.RaisedAt).Take(200).AsNoTracking().ToListAsync(ct);

        var dueTodayIds = due.Where(x => x.Left == 0).Select(x => x.Case.Id).ToList();
        var overdueIds = due.Where(x => x.Left < 0).Select(x => x.Case.Id).ToList();
        var listed = await RowsOfAsync(db, [.. dueTodayIds, .. overdueIds], index, ct);
        var names = await NamesForAsync([], [.. due.Select(x => x.Case.DepartmentId), .. concluded.Select(x => x.DepartmentId), .. cardCounts.Select(x => x.DepartmentId)],
            [.. due.Select(x => x.Case.WindowId), .. concluded.Select(x => x.WindowId), .. cardCounts.Select(x => x.WindowId)], cardsThisMonth.Select(c => c.StaffId), ct);

        RateRow Rate(int id, string name, Func<OpenCase, bool> isIn, Func<int, int, bool> keyIn)
        {
            int openCount = 0, dueToday = 0, overdue = 0;
            foreach (var x in due)
            {
                if (!isIn(x.Case)) continue;
                openCount++;
                if (x.Left == 0) dueToday++;
                else if (x.Left < 0) overdue++;
            }
            var c = concluded.Where(x => keyIn(x.DepartmentId, x.WindowId)).ToList();
            return new RateRow(id, name, openCount, dueToday, overdue, c.Sum(x => x.Count), c.Sum(x => x.OnTime), c.Sum(x => x.OnTheSpot),
                cardCounts.Where(x => keyIn(x.DepartmentId, x.WindowId)).Sum(x => x.Count));
        }

        // One grouping pass each instead of a scan of every open case per department and window.
        var byDepartment = due.ToLookup(x => x.Case.DepartmentId, x => x.Case);
        var byWindow = due.ToLookup(x => x.Case.WindowId, x => x.Case);
        var departmentIds = byDepartment.Select(g => g.Key).Concat(concluded.Select(x => x.DepartmentId)).Concat(cardCounts.Select(x => x.DepartmentId)).Distinct();
        var windowIds = byWindow.Select(g => g.Key).Concat(concluded.Select(x => x.WindowId)).Concat(cardCounts.Select(x => x.WindowId)).Distinct();
        var leftOf = due.ToDictionary(x => x.Case.Id, x => x.Left);
        RateRow Group(int id, string name, IEnumerable<OpenCase> cases, Func<int, int, bool> keyIn)
        {
            int openCount = 0, dueToday = 0, overdue = 0;
            foreach (var o in cases)
            {
                openCount++;
                var left = leftOf[o.Id];
                if (left == 0) dueToday++;
                else if (left < 0) overdue++;
            }
            var c = concluded.Where(x => keyIn(x.DepartmentId, x.WindowId)).ToList();
            return new RateRow(id, name, openCount, dueToday, overdue, c.Sum(x => x.Count), c.Sum(x => x.OnTime), c.Sum(x => x.OnTheSpot),
                cardCounts.Where(x => keyIn(x.DepartmentId, x.WindowId)).Sum(x => x.Count));
        }
        var departments = departmentIds.Select(id => Group(id, names.Department(id), byDepartment[id], (dd, _) => dd == id))
            .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Open).ThenBy(r => r.Name).ToList();
        var windows = windowIds.Select(id => Group(id, names.Window(id), byWindow[id], (_, ww) => ww == id))
            .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Open).ThenBy(r => r.Name).ToList();
        var total = Rate(0, "", _ => true, (_, _) => true);
        var byLevel = Enum.GetValues<CardLevel>().ToDictionary(l => l, l => cardCounts.Where(x => x.Level == l).Sum(x => x.Count));
        return new Board(total, departments, windows,
            listed.Where(x => x.DaysLeft == 0).OrderBy(x => x.Department).ToList(),
            listed.Where(x => x.DaysLeft < 0).OrderBy(x => x.DaysLeft).ToList(),
            byLevel, await CardRowsAsync(db, cardsThisMonth, ct));
    }

    private sealed record OpenCase(long Id, int DepartmentId, int WindowId, DateOnly AcceptedOn, int PromisedDays, int SuspendedDays, DateOnly? SuspendedSince);

    /// <summary>
    /// The calendar indexed from the earliest acceptance to well past today: due dates lie within
    /// <see cref="ServiceCase.MaxPromisedDays"/> working days (plus corrections) of acceptance; any later day falls back to the calendar.
    /// </summary>
    private WorkdayIndex IndexFor(IEnumerable<DateOnly> acceptedOn, DateOnly today)
    {
        var first = today;
        foreach (var day in acceptedOn) if (day < first) first = day;
        return new WorkdayIndex(calendar, first.AddDays(-1), today.AddDays(400));
    }

    /// <summary>Full rows for a few cases (the board's due-today and overdue lists), in batches the providers' parameter limits allow.</summary>
    private async Task<List<CaseRow>> RowsOfAsync(OpsDbContext db, List<long> ids, WorkdayIndex index, CancellationToken ct)
    {
        var cases = new List<ServiceCase>(ids.Count);
        foreach (var chunk in ids.Chunk(500))
            cases.AddRange(await db.Set<ServiceCase>().AsNoTracking().Where(c => chunk.Contains(c.Id)).ToListAsync(ct));
        var names = await NamesForAsync(cases.Select(c => c.ServiceItemId), cases.Select(c => c.DepartmentId), cases.Select(c => c.WindowId), cases.Select(c => c.StaffId), ct);
        return cases.Select(c => Row(c, names, index)).ToList();
    }

    private async Task<IReadOnlyList<CaseRow>> CasesAsync(Func<IQueryable<ServiceCase>, IQueryable<ServiceCase>> filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cases = await filter(db.Set<ServiceCase>().AsNoTracking()).ToListAsync(ct);
        var names = await NamesForAsync(cases.Select(c => c.ServiceItemId), cases.Select(c => c.DepartmentId), cases.Select(c => c.WindowId), cases.Select(c => c.StaffId), ct);
        var index = IndexFor(cases.Where(c => c.IsOpen).Select(c => c.AcceptedOn), clock.Today);
        return cases.Select(c => Row(c, names, index))
            .OrderBy(r => r.ClosedOn is null ? 0 : 1).ThenBy(r => r.DaysLeft ?? int.MaxValue).ThenByDescending(r => r.AcceptedOn).ThenByDescending(r => r.Id).ToList();
    }

    private async Task<IReadOnlyList<CardRow>> CardsAsync(Func<IQueryable<SupervisionCard>, IQueryable<SupervisionCard>> filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cards = await filter(db.Set<SupervisionCard>()).OrderByDescending(c => c.RaisedAt).AsNoTracking().ToListAsync(ct);
        return await CardRowsAsync(db, cards, ct);
    }

    private async Task<IReadOnlyList<CardRow>> CardRowsAsync(OpsDbContext db, List<SupervisionCard> cards, CancellationToken ct)
    {
        var caseIds = cards.Select(c => c.CaseId).Distinct().ToList();
        var numbers = await db.Set<ServiceCase>().Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.Number }).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var names = await NamesForAsync([], cards.Select(c => c.DepartmentId), cards.Select(c => c.WindowId), cards.Select(c => c.StaffId), ct);
        return cards.Select(c => new CardRow(c.Id, c.CaseId, numbers.GetValueOrDefault(c.CaseId, ""), c.Level, c.State, c.DepartmentId,
            names.Department(c.DepartmentId), c.WindowId, names.Window(c.WindowId), c.StaffId,
            names.Person(c.StaffId), clock.ToLocal(c.RaisedAt), c.DueDate, c.ContestReason, c.DecisionNote)).ToList();
    }

    private CaseRow Row(ServiceCase c, CaseNames.Snapshot names, IWorkingDayCalendar days)
    {
        var due = c.DueOn(days);
        int? left = c.IsOpen ? CaseDeadline.DaysLeft(due, c.SuspendedSince, clock.Today, days) : null;
        return new CaseRow(c.Id, c.Number, c.Kind, c.State, names.Item(c.ServiceItemId), c.DepartmentId,
            names.Department(c.DepartmentId), c.WindowId, names.Window(c.WindowId), c.StaffId,
            names.Person(c.StaffId), CaseMessages.MaskName(c.ApplicantName), c.AcceptedOn, due, left, c.ClosedOn);
    }

    /// <summary>The cached names, reloaded when one of these ids is new to them.</summary>
    private Task<CaseNames.Snapshot> NamesForAsync(IEnumerable<int> items, IEnumerable<int> departments, IEnumerable<int> windows, IEnumerable<int> staff,
        CancellationToken ct)
    {
        var (i, d, w, s) = (items.ToHashSet(), departments.ToHashSet(), windows.ToHashSet(), staff.ToHashSet());
        return caseNames.GetAsync(n => i.All(n.Items.ContainsKey) && d.All(n.Departments.ContainsKey) && w.All(n.Windows.ContainsKey) && s.All(n.Staff.ContainsKey), ct);
    }
}
