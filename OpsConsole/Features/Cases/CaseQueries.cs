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

    /// <summary>
    /// The board. <see cref="DueToday"/> and <see cref="Overdue"/> are the first <see cref="BoardListSize"/> cases of each list
    /// (<see cref="Total"/> counts them all; <see cref="DueCasesAsync"/> pages on); <see cref="CardsThisMonth"/> the latest 200.
    /// </summary>
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

    /// <summary>How many rows of each of the board's two case lists (due today, overdue) come with the board; <see cref="DueCasesAsync"/> pages on.</summary>
    public const int BoardListSize = 50;

    /// <summary>The board's two case lists.</summary>
    public enum DueList { DueToday, Overdue }

    /// <summary>A page of one of the board's case lists and how many cases the whole list has.</summary>
    public sealed record CasePage(int Total, IReadOnlyList<CaseRow> Rows);

    /// <summary>
    /// The supervision board: open cases now (by department and window, due today, overdue), and for the month the
    /// cases concluded (on-time and on-the-spot rates) and the cards raised that count.
    /// </summary>
    /// <remarks>
    /// The month's history is counted by the database (GROUP BY department and window over covering indexes), so the
    /// board never loads a concluded case or a card it only counts. Open cases are read as seven columns each: their due
    /// dates follow the calendar as it is today, so days left are computed here (a <see cref="WorkdayIndex"/>); they are
    /// a day's or a few days' work, not the month's. Full rows are loaded only for the first
    /// <see cref="BoardListSize"/> cases of each list.
    /// </remarks>
    public async Task<Board> BoardAsync(BoardFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (first, last) = (filter.Month.FirstDay, filter.Month.LastDay);

        var (open, index) = await OpenDueAsync(db, filter, ct);
        // Concluded on time against the due date as saved at the last change (a later calendar edit does not rewrite history).
        var concluded = await Filtered(db.Set<ServiceCase>().Where(c => c.State == CaseState.Concluded && c.ClosedOn >= first && c.ClosedOn <= last), filter)
            .GroupBy(c => new { c.DepartmentId, c.WindowId })
            .Select(g => new
            {
                g.Key.DepartmentId,
                g.Key.WindowId,
                Count = g.Count(),
                OnTime = g.Sum(c => c.ClosedOn <= c.DueDate ? 1 : 0),
                OnTheSpot = g.Sum(c => c.ClosedOn == c.AcceptedOn ? 1 : 0),
            }).ToListAsync(ct);
        var cardQuery = CardsOfMonth(db, filter);
        var cardCounts = await cardQuery.GroupBy(c => new { c.DepartmentId, c.WindowId, c.Level })
            .Select(g => new { g.Key.DepartmentId, g.Key.WindowId, g.Key.Level, Count = g.Count() }).ToListAsync(ct);
        var cardsThisMonth = await cardQuery.OrderByDescending(c => c.RaisedAt).Take(200).AsNoTracking().ToListAsync(ct);

        var names = await NamesForAsync([], [.. open.Select(x => x.DepartmentId), .. concluded.Select(x => x.DepartmentId), .. cardCounts.Select(x => x.DepartmentId)],
            [.. open.Select(x => x.WindowId), .. concluded.Select(x => x.WindowId), .. cardCounts.Select(x => x.WindowId)], cardsThisMonth.Select(c => c.StaffId), ct);

        // One pass over each source, adding into the total and the row of the department and of the window.
        var total = new Tally();
        var byDepartment = new Dictionary<int, Tally>();
        var byWindow = new Dictionary<int, Tally>();
        Tally[] TalliesOf(int departmentId, int windowId) => [total, Of(byDepartment, departmentId), Of(byWindow, windowId)];
        static Tally Of(Dictionary<int, Tally> tallies, int id)
        {
            if (!tallies.TryGetValue(id, out var tally)) tallies[id] = tally = new Tally();
            return tally;
        }
        foreach (var o in open)
            foreach (var t in TalliesOf(o.DepartmentId, o.WindowId))
            {
                t.Open++;
                if (o.Left == 0) t.DueToday++;
                else if (o.Left < 0) t.Overdue++;
            }
        foreach (var c in concluded)
            foreach (var t in TalliesOf(c.DepartmentId, c.WindowId))
            {
                t.Concluded += c.Count;
                t.OnTime += c.OnTime;
                t.OnTheSpot += c.OnTheSpot;
            }
        foreach (var c in cardCounts)
            foreach (var t in TalliesOf(c.DepartmentId, c.WindowId))
                t.Cards += c.Count;

        static List<RateRow> Rows(Dictionary<int, Tally> tallies, Func<int, string> name) =>
            tallies.Select(x => x.Value.Row(x.Key, name(x.Key)))
                .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Open).ThenBy(r => r.Name).ThenBy(r => r.Id).ToList();
        var byLevel = Enum.GetValues<CardLevel>().ToDictionary(l => l, l => cardCounts.Where(x => x.Level == l).Sum(x => x.Count));
        return new Board(total.Row(0, ""), Rows(byDepartment, names.Department), Rows(byWindow, names.Window),
            await ListPageAsync(db, open, DueList.DueToday, 0, BoardListSize, index, names, ct),
            await ListPageAsync(db, open, DueList.Overdue, 0, BoardListSize, index, names, ct),
            byLevel, await CardRowsAsync(db, cardsThisMonth, ct));
    }

    /// <summary>
    /// A page of the board's due-today or overdue list under <paramref name="filter"/> (the drill-down past the board's
    /// first <see cref="BoardListSize"/>): due today by department, overdue the longest overdue first.
    /// </summary>
    public async Task<CasePage> DueCasesAsync(BoardFilter filter, DueList list, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (open, index) = await OpenDueAsync(db, filter, ct);
        var names = await NamesForAsync([], open.Select(o => o.DepartmentId), [], [], ct);
        return new CasePage(open.Count(o => In(o, list)), await ListPageAsync(db, open, list, Math.Max(0, skip), Math.Clamp(take, 0, 500), index, names, ct));
    }

    private static bool In(OpenDue o, DueList list) => list == DueList.DueToday ? o.Left == 0 : o.Left < 0;

    private async Task<IReadOnlyList<CaseRow>> ListPageAsync(OpsDbContext db, List<OpenDue> open, DueList list, int skip, int take, WorkdayIndex index,
        CaseNames.Snapshot names, CancellationToken ct)
    {
        var cases = open.Where(o => In(o, list));
        var ordered = list == DueList.DueToday
            ? cases.OrderBy(o => names.Department(o.DepartmentId)).ThenBy(o => o.Id)
            : cases.OrderBy(o => o.Left).ThenBy(o => o.Id);
        var ids = ordered.Skip(skip).Take(take).Select(o => o.Id).ToList();
        var rows = (await RowsOfAsync(db, ids, index, ct)).ToDictionary(r => r.Id);
        return ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
    }

    private static IQueryable<ServiceCase> Filtered(IQueryable<ServiceCase> cases, BoardFilter filter)
    {
        if (filter.DepartmentId is { } d) cases = cases.Where(c => c.DepartmentId == d);
        if (filter.WindowId is { } w) cases = cases.Where(c => c.WindowId == w);
        return cases;
    }

    private static IQueryable<SupervisionCard> CardsOfMonth(OpsDbContext db, BoardFilter filter)
    {
        var (first, last) = (filter.Month.FirstDay, filter.Month.LastDay);
        var cards = db.Set<SupervisionCard>().Where(c => c.RaisedOn >= first && c.RaisedOn <= last && c.State != CardState.Withdrawn);
        if (filter.DepartmentId is { } d) cards = cards.Where(c => c.DepartmentId == d);
        if (filter.WindowId is { } w) cards = cards.Where(c => c.WindowId == w);
        return cards;
    }

    /// <summary>The open cases under <paramref name="filter"/> with their working days left today (only the columns the deadline needs).</summary>
    private async Task<(List<OpenDue> Open, WorkdayIndex Index)> OpenDueAsync(OpsDbContext db, BoardFilter filter, CancellationToken ct)
    {
        var today = clock.Today;
        var open = await Filtered(db.Set<ServiceCase>().AsNoTracking()
                .Where(c => c.State == CaseState.Accepted || c.State == CaseState.InProgress || c.State == CaseState.AwaitingCorrection), filter)
            .Select(c => new OpenCase(c.Id, c.DepartmentId, c.WindowId, c.AcceptedOn, c.PromisedDays, c.SuspendedDays, c.SuspendedSince))
            .ToListAsync(ct);
        var index = IndexFor(open.Select(o => o.AcceptedOn), today);
        var due = open.Select(o => new OpenDue(o.Id, o.DepartmentId, o.WindowId,
            CaseDeadline.DaysLeft(CaseDeadline.DueOn(o.AcceptedOn, o.PromisedDays, o.SuspendedDays, index), o.SuspendedSince, today, index))).ToList();
        return (due, index);
    }

    private sealed record OpenCase(long Id, int DepartmentId, int WindowId, DateOnly AcceptedOn, int PromisedDays, int SuspendedDays, DateOnly? SuspendedSince);

    private sealed record OpenDue(long Id, int DepartmentId, int WindowId, int Left);

    /// <summary>A board row being counted.</summary>
    private sealed class Tally
    {
        public int Open, DueToday, Overdue, Concluded, OnTime, OnTheSpot, Cards;

        public RateRow Row(int id, string name) => new(id, name, Open, DueToday, Overdue, Concluded, OnTime, OnTheSpot, Cards);
    }

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
