using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Assessment;
using OpsConsole.Domain.Attendance;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Assessment;

/// <summary>
/// 季度、年度考核: totals of a quarter or a year from the scores stored when each month was published (a month not
/// published counts for nothing and is shown as such), by the method of the scheme in force at the period's last
/// month (ADR 0034). Reads only the figures of the stored scores, not their lines.
/// </summary>
public sealed class PeriodAssessment(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock)
{
    /// <summary>One month of the period: its state (null: a month still to come) and the version whose stored scores count.</summary>
    public sealed record MonthStatus(YearMonth Month, AssessmentMonthState? State, int? MonthId, int Version, DateTimeOffset? PublishedAt)
    {
        public bool Published => State is AssessmentMonthState.Published or AssessmentMonthState.Locked;
    }

    /// <summary>A person or window over the period: its published months' scores, the period's total and rank.</summary>
    public sealed record Row(ItemSubject Subject, int SubjectId, string Code, string Name, int? DepartmentId, string Department,
        IReadOnlyDictionary<YearMonth, MonthTotal> Months, decimal Total, int Rank)
    {
        public int VetoedMonths => Months.Values.Count(m => m.Vetoed);
    }

    public sealed record DepartmentRow(int? DepartmentId, string Name, int Count, decimal Average, decimal Max, decimal Min, int Rank);

    public sealed record PeriodView(AssessmentPeriod Period, PeriodTotalMethod Method, IReadOnlyList<MonthStatus> Months,
        IReadOnlyList<Row> Staff, IReadOnlyList<Row> Windows, IReadOnlyList<DepartmentRow> Departments)
    {
        public IReadOnlyList<MonthStatus> Unpublished => Months.Where(m => !m.Published).ToList();
    }

    public YearMonth CurrentMonth => YearMonth.Of(clock.Today);

    public async Task<PeriodView> LoadAsync(AssessmentPeriod period, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var months = await MonthsAsync(db, period, CurrentMonth, ct);
        var method = (await AssessmentSchemes.ForMonthAsync(db, period.Last, ct)).PeriodMethod;
        var published = months.Where(m => m.Published).ToDictionary(m => m.MonthId!.Value);
        var ids = published.Keys.ToList();
        var stored = (await db.AssessmentScores.AsNoTracking().Where(s => ids.Contains(s.AssessmentMonthId))
                .Select(s => new { s.AssessmentMonthId, s.Version, s.Subject, s.SubjectId, s.DepartmentId, s.DaysPosted, s.Total, s.Vetoed })
                .ToListAsync(ct))
            .Where(s => s.Version == published[s.AssessmentMonthId].Version)
            .Select(s => (s.Subject, s.SubjectId, s.DepartmentId, Total: new MonthTotal(published[s.AssessmentMonthId].Month, s.Total, s.DaysPosted, s.Vetoed)))
            .ToList();

        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var people = await db.Staff.AsNoTracking().Select(s => new { s.Id, s.EmployeeNo, s.Name }).ToDictionaryAsync(s => s.Id, ct);
        var windows = await db.Windows.AsNoTracking().Select(w => new { w.Id, w.Name }).ToDictionaryAsync(w => w.Id, ct);

        List<Row> Rows(ItemSubject subject, Func<int, (string Code, string Name)> who)
        {
            var scored = stored.Where(s => s.Subject == subject).GroupBy(s => s.SubjectId).Select(g =>
            {
                var latest = g.MaxBy(s => s.Total.Month);
                var total = PeriodTotals.Of(method, g.Select(s => s.Total))!.Value;
                return (Id: g.Key, Department: latest.DepartmentId, Months: g.ToDictionary(s => s.Total.Month, s => s.Total), Total: total);
            }).ToList();
            var ranks = Rankings.Rank(scored.Select(s => (s.Id, s.Total)));
            return scored.Select(s =>
            {
                var (code, name) = who(s.Id);
                return new Row(subject, s.Id, code, name, s.Department, s.Department is { } d ? departments.GetValueOrDefault(d) ?? "" : "",
                    s.Months, s.Total, ranks[s.Id]);
            }).OrderBy(r => r.Rank).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
        }

        var staff = Rows(ItemSubject.Staff, id => people.TryGetValue(id, out var p) ? (p.EmployeeNo, p.Name) : (id.ToString(System.Globalization.CultureInfo.InvariantCulture), ""));
        var windowRows = Rows(ItemSubject.Window, id => (windows.TryGetValue(id, out var w) ? w.Name : id.ToString(System.Globalization.CultureInfo.InvariantCulture), ""));

        var groups = staff.GroupBy(s => s.DepartmentId).Select(g => (Id: g.Key, Name: g.First().Department, Rows: g.ToList(),
            Average: Rankings.AverageOfMonths(g.Select(r => r.Total))!.Value)).ToList();
        var departmentRanks = Rankings.Rank(groups.Select(g => (g.Id ?? 0, g.Average)));
        var departmentRows = groups.Select(g => new DepartmentRow(g.Id, g.Name, g.Rows.Count, g.Average, g.Rows.Max(r => r.Total), g.Rows.Min(r => r.Total),
            departmentRanks[g.Id ?? 0])).OrderBy(d => d.Rank).ThenBy(d => d.Name, StringComparer.Ordinal).ToList();

        return new PeriodView(period, method, months, staff, windowRows, departmentRows);
    }

    /// <summary>
    /// Each month of the period with its state and the version whose scores count. A month nobody acted on is a draft
    /// (computed on demand) up to the current month, and has no state after it (not started).
    /// </summary>
    internal static async Task<IReadOnlyList<MonthStatus>> MonthsAsync(OpsDbContext db, AssessmentPeriod period, YearMonth current, CancellationToken ct)
    {
        var (first, last) = (period.First.Month, period.Last.Month);
        var records = await db.AssessmentMonths.AsNoTracking().Include(m => m.History)
            .Where(m => m.Year == period.Year && m.Month >= first && m.Month <= last).ToListAsync(ct);
        return period.Months.Select(month =>
        {
            var r = records.FirstOrDefault(x => x.Month == month.Month);
            if (r is null) return new MonthStatus(month, month <= current ? AssessmentMonthState.Draft : null, null, 0, null);
            var at = r.History.Where(e => e.To == AssessmentMonthState.Published && e.Version == r.Version).Select(e => (DateTimeOffset?)e.At).Max();
            return new MonthStatus(month, r.State, r.Id, r.Version, at);
        }).ToList();
    }
}
