using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Cases;
using OpsConsole.Domain.Common;
using OpsConsole.Features.Cases;
using OpsConsole.Tests.Infrastructure;
using static OpsConsole.Tests.Features.Cases.CaseTestApp;

namespace OpsConsole.Tests.Features.Cases;

/// <summary>
/// The supervision board counts in the database (GROUP BY) and pages its lists; here every figure, row and list of it is
/// held against the plain computation over every case and card loaded as entities, on a seeded mix of cases (each kind,
/// state, 补正, late and on-time conclusions, withdrawn cards, two months), unfiltered and filtered.
/// </summary>
public sealed class SupervisionBoardTests
{
    [Fact]
    public Task TheBoardCountsWhatThePlainComputationCounts_Sqlite() => SameAsPlain(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task TheBoardCountsWhatThePlainComputationCounts_Postgres() => SameAsPlain(DatabaseProvider.Postgres);

    private static async Task SameAsPlain(DatabaseProvider provider)
    {
        await using var app = await QueueApp.StartAsync(provider);
        await HolidayAsync(app, new DateOnly(2026, 11, 11));
        app.Clock.Now = At(11, 30, 11);
        await SeedAsync(app, new Random(20261130));
        // A calendar edit after the fact: open cases' due dates follow it, concluded ones keep the due date they were concluded against.
        await HolidayAsync(app, new DateOnly(2026, 11, 26));

        var calendar = app.Service<IWorkingDayCalendar>();
        var queries = app.Service<CaseQueries>();
        var today = new DateOnly(2026, 11, 30);
        await using var db = app.Context();
        var cases = await db.Set<ServiceCase>().AsNoTracking().ToListAsync();
        var cards = await db.Set<SupervisionCard>().AsNoTracking().ToListAsync();
        var departmentNames = await db.Departments.ToDictionaryAsync(d => d.Id, d => d.Name);
        var windowNames = await db.Windows.ToDictionaryAsync(w => w.Id, w => w.Name);
        var busiest = cases.Where(c => c.IsOpen).GroupBy(c => c.DepartmentId).MaxBy(g => g.Count())!.Key;
        var busiestWindow = cases.Where(c => c.IsOpen).GroupBy(c => c.WindowId).MaxBy(g => g.Count())!.Key;

        var checkedFilters = 0;
        foreach (var month in new[] { new YearMonth(2026, 11), new YearMonth(2026, 10) })
            foreach (var filter in new[] { new CaseQueries.BoardFilter(month), new CaseQueries.BoardFilter(month, busiest), new CaseQueries.BoardFilter(month, null, busiestWindow), new CaseQueries.BoardFilter(month, busiest, busiestWindow) })
            {
                bool In(int departmentId, int windowId) =>
                    (filter.DepartmentId is not { } d || d == departmentId) && (filter.WindowId is not { } w || w == windowId);
                var open = cases.Where(c => c.IsOpen && In(c.DepartmentId, c.WindowId)).Select(c => (Case: c, Left: c.DaysLeft(today, calendar))).ToList();
                var concluded = cases.Where(c => c.State == CaseState.Concluded && c.ClosedOn!.Value.Year == month.Year && c.ClosedOn.Value.Month == month.Month
                    && In(c.DepartmentId, c.WindowId)).ToList();
                var counted = cards.Where(c => c.RaisedOn.Year == month.Year && c.RaisedOn.Month == month.Month && c.State != CardState.Withdrawn
                    && In(c.DepartmentId, c.WindowId)).ToList();

                CaseQueries.RateRow Row(int id, string name, Func<int, int, bool> of)
                {
                    var o = open.Where(x => of(x.Case.DepartmentId, x.Case.WindowId)).ToList();
                    var c = concluded.Where(x => of(x.DepartmentId, x.WindowId)).ToList();
                    return new CaseQueries.RateRow(id, name, o.Count, o.Count(x => x.Left == 0), o.Count(x => x.Left < 0), c.Count,
                        c.Count(x => x.ClosedOn <= x.DueDate), c.Count(x => x.ClosedOn == x.AcceptedOn), counted.Count(x => of(x.DepartmentId, x.WindowId)));
                }
                List<CaseQueries.RateRow> Rows(IEnumerable<int> ids, Func<int, string> name, Func<int, Func<int, int, bool>> of) =>
                    ids.Distinct().Select(id => Row(id, name(id), of(id)))
                        .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Open).ThenBy(r => r.Name).ThenBy(r => r.Id).ToList();
                var departments = Rows(open.Select(x => x.Case.DepartmentId).Concat(concluded.Select(c => c.DepartmentId)).Concat(counted.Select(c => c.DepartmentId)),
                    id => departmentNames[id], id => (d, _) => d == id);
                var windows = Rows(open.Select(x => x.Case.WindowId).Concat(concluded.Select(c => c.WindowId)).Concat(counted.Select(c => c.WindowId)),
                    id => windowNames[id], id => (_, w) => w == id);
                var dueToday = open.Where(x => x.Left == 0).OrderBy(x => departmentNames[x.Case.DepartmentId]).ThenBy(x => x.Case.Id).Select(x => x.Case.Id).ToList();
                var overdue = open.Where(x => x.Left < 0).OrderBy(x => x.Left).ThenBy(x => x.Case.Id).Select(x => x.Case.Id).ToList();

                var board = await queries.BoardAsync(filter);
                var what = $"{month.Year}-{month.Month} department {filter.DepartmentId} window {filter.WindowId}";
                Assert.True(Row(0, "", (_, _) => true) == board.Total, $"{what}: the board's total {board.Total}, the plain one {Row(0, "", (_, _) => true)}");
                Assert.Equal(departments, board.Departments);
                Assert.Equal(windows, board.Windows);
                foreach (var level in Enum.GetValues<CardLevel>())
                    Assert.Equal(counted.Count(c => c.Level == level), board.CardsByLevel[level]);
                Assert.Equal(dueToday.Take(CaseQueries.BoardListSize), board.DueToday.Select(r => r.Id));
                Assert.Equal(overdue.Take(CaseQueries.BoardListSize), board.Overdue.Select(r => r.Id));
                Assert.All(board.Overdue, r => Assert.Equal(open.Single(x => x.Case.Id == r.Id).Left, r.DaysLeft));
                Assert.All(board.Overdue, r => Assert.Equal(cases.Single(c => c.Id == r.Id).DueOn(calendar), r.DueOn));
                Assert.Equal(Math.Min(200, counted.Count), board.CardsThisMonth.Count);

                // The drill-down pages through each whole list in the board's order.
                foreach (var (list, expected) in new[] { (CaseQueries.DueList.DueToday, dueToday), (CaseQueries.DueList.Overdue, overdue) })
                {
                    var paged = new List<long>();
                    for (var skip = 0; ; skip += CaseQueries.BoardListSize)
                    {
                        var page = await queries.DueCasesAsync(filter, list, skip, CaseQueries.BoardListSize);
                        Assert.Equal(expected.Count, page.Total);
                        paged.AddRange(page.Rows.Select(r => r.Id));
                        if (page.Rows.Count < CaseQueries.BoardListSize) break;
                    }
                    Assert.Equal(expected, paged);
                }
                checkedFilters++;
            }
        Assert.Equal(8, checkedFilters);

        // The mix covers what the board tells apart, and more than a page of overdue cases.
        var november = await queries.BoardAsync(new CaseQueries.BoardFilter(new YearMonth(2026, 11)));
        Assert.True(november.Total.Overdue > CaseQueries.BoardListSize, $"{november.Total.Overdue} overdue");
        Assert.True(november.Total.DueToday > 0 && november.Total.OnTime < november.Total.Concluded && november.Total.OnTheSpot > 0, november.Total.ToString());
        Assert.Contains(cards, c => c.State == CardState.Withdrawn);
        Assert.Contains(cases, c => c.State == CaseState.Concluded && c.ClosedOn <= c.DueDate != c.ConcludedOnTime(calendar));
        Assert.Contains(cases, c => c.State == CaseState.AwaitingCorrection);
        Assert.Contains(cases, c => c.IsOpen && c.SuspendedDays > 0);
    }

    /// <summary>Cases accepted from mid-October to today at the seeded center's windows, each taken some way along its life, and their cards.</summary>
    private static async Task SeedAsync(QueueApp app, Random random)
    {
        var calendar = app.Service<IWorkingDayCalendar>();
        var now = app.Clock.Now;
        await using var db = app.Context();
        var items = await db.ServiceItems.Where(i => i.Active).Select(i => new { i.Id, i.DepartmentId }).ToListAsync();
        var windows = await db.Windows.Select(w => w.Id).OrderBy(w => w).Take(6).ToListAsync();
        var staff = await db.Staff.Select(s => s.Id).OrderBy(s => s).Take(6).ToListAsync();
        var cases = new List<ServiceCase>();
        for (var n = 0; n < 700; n++)
        {
            var item = items[random.Next(items.Count)];
            var day = new DateOnly(2026, 10, 12).AddDays(random.Next(50));
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9 + random.Next(7), random.Next(60))), now.Offset);
            if (at > now) at = now.AddHours(-1);
            var kind = random.NextDouble() < 0.3 ? CaseKind.OnTheSpot : CaseKind.Promised;
            var person = staff[random.Next(staff.Count)];
            var c = ServiceCase.Register($"T{n:000000}", kind, item.Id, new CaseParty(item.DepartmentId, windows[random.Next(windows.Count)], person),
                "李四", null, random.Next(1, 9), at, calendar, person);
            DateTimeOffset Later(double maxDays)
            {
                var t = at.AddHours(random.NextDouble() * maxDays * 24);
                at = t < now ? t : now;
                return at;
            }
            var fate = random.NextDouble();
            if (fate < 0.08) c.Reject("材料不符", Later(1), person);
            else if (fate < 0.12) c.Return("申请人撤回", Later(5), person);
            else
            {
                if (random.NextDouble() < 0.5) c.Start(Later(1), person);
                if (random.NextDouble() < 0.2)
                {
                    c.RequestCorrection("缺身份证复印件", Later(3), person);
                    if (random.NextDouble() < 0.6) c.ReceiveCorrection(Later(6), calendar, person);
                }
                if (c.State != CaseState.AwaitingCorrection && random.NextDouble() < 0.7)
                {
                    var when = kind == CaseKind.OnTheSpot && random.NextDouble() < 0.8 ? at.AddMinutes(20) : Later(14);
                    if (when <= now && when >= at) c.Conclude(when, person);
                }
            }
            cases.Add(c);
        }
        db.AddRange(cases);
        await db.SaveChangesAsync();

        // The cards the cases earned: at the conclusion for the late ones, now for the open ones; some contested and withdrawn.
        var cards = cases.SelectMany(c => c.State == CaseState.Concluded ? SupervisionRules.Raise(c, [], c.ClosedAt!.Value, calendar)
            : c.IsOpen ? SupervisionRules.Raise(c, [], now, calendar) : []).ToList();
        foreach (var card in cards.Where(_ => random.NextDouble() < 0.15))
        {
            card.Contest("日历有误", staff[0], now);
            card.Decide(random.NextDouble() < 0.5, null, staff[1], now);
        }
        db.AddRange(cards);
        await db.SaveChangesAsync();
    }
}
