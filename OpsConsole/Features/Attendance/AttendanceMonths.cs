using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.People;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Attendance;

/// <summary>
/// Scores months on demand from the stored punches and requests, with the rule version in force for the
/// month: one staff member's month (My attendance) or everyone's (考勤汇总表). Nothing is cached, so an
/// approved make-up shows at once.
/// </summary>
public sealed class AttendanceMonths(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock)
{
    public sealed record StaffMonth(Staff Staff, MonthAttendance Attendance, AttendanceRuleSet RuleSet,
        IReadOnlyList<MakeUpPunchRequest> MakeUps, IReadOnlyList<LeaveRecord> Leaves, IReadOnlyList<OfficialAbsenceRecord> OfficialAbsences,
        int MakeUpsLeft, DateOnly Today);

    public sealed record GridRow(Staff Staff, MonthAttendance Attendance);

    public sealed record Grid(YearMonth Month, AttendanceRuleSet RuleSet, WorkCalendar Calendar, IReadOnlyList<GridRow> Rows, DateOnly Today);

    public DateOnly Today => clock.Today;

    public async Task<StaffMonth?> ForStaffAsync(int staffId, YearMonth month, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var staff = await db.Staff.AsNoTracking().Include(s => s.Department).FirstOrDefaultAsync(s => s.Id == staffId, ct);
        if (staff is null) return null;
        var setup = await AttendanceSetup.LoadAsync(db, ct);
        var data = await MonthDataAsync(db, month, [staffId], ct);
        var ruleSet = setup.RuleSets.ForMonth(month);
        var attendance = Score(staff, month, setup, ruleSet, data, Posted(await PostingsAsync(db, [staffId], ct), staffId));
        var makeUps = data.MakeUps[staffId].ToList();
        var used = makeUps.Count(m => m.CountsTowardLimit);
        return new StaffMonth(staff, attendance, ruleSet, makeUps.OrderByDescending(m => m.RequestedAt).ToList(), data.Leaves[staffId].ToList(),
            data.Officials[staffId].ToList(), Math.Max(0, ruleSet.Rules.MakeUpRequestsPerMonth - used), clock.Today);
    }

    public async Task<Grid> GridAsync(YearMonth month, int? departmentId, bool centerOfficeOnly = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var setup = await AttendanceSetup.LoadAsync(db, ct);
        var q = db.Staff.AsNoTracking().Include(s => s.Department).Where(s => s.Active);
        if (departmentId is { } d) q = q.Where(s => s.DepartmentId == d);
        else if (centerOfficeOnly) q = q.Where(s => s.DepartmentId == null);
        var everyone = await q.OrderBy(s => s.EmployeeNo).ToListAsync(ct);
        var postings = await PostingsAsync(db, everyone.Count > 200 ? null : everyone.Select(s => s.Id).ToList(), ct);
        var posted = everyone.ToDictionary(s => s.Id, s => Posted(postings, s.Id));
        // A past month's sheet lists only the people posted in it (入驻/离驻).
        var staff = everyone.Where(s => posted[s.Id].AnyIn(month)).ToList();
        var ruleSet = setup.RuleSets.ForMonth(month);
        var months = await ScoreAsync(db, setup, month, staff, posted, ct);
        return new Grid(month, ruleSet, setup.Calendar, staff.Select((s, i) => new GridRow(s, months[i])).ToList(), clock.Today);
    }

    /// <summary>The 考勤汇总表 of a month: the grid reduced to its marks and totals (<see cref="AttendanceSheet"/>).</summary>
    public async Task<AttendanceSheet> SheetAsync(YearMonth month, int? departmentId, bool centerOfficeOnly = false, CancellationToken ct = default) =>
        AttendanceSheet.Of(await GridAsync(month, departmentId, centerOfficeOnly, ct));

    /// <summary>
    /// The month of each person given (with their posted days), in the order given: the month's records read once for
    /// all of them (one query per kind), then each person scored by <see cref="MonthlyAttendanceScorer"/> in parallel.
    /// What the assessment reads its attendance lines from, for the people it has already loaded.
    /// </summary>
    public async Task<IReadOnlyList<MonthAttendance>> ForPeopleAsync(OpsDbContext db, YearMonth month, IReadOnlyList<Staff> staff,
        IReadOnlyDictionary<int, PostedDays> posted, CancellationToken ct = default) =>
        await ScoreAsync(db, await AttendanceSetup.LoadAsync(db, ct), month, staff, posted, ct);

    private async Task<MonthAttendance[]> ScoreAsync(OpsDbContext db, AttendanceSetup setup, YearMonth month, IReadOnlyList<Staff> staff,
        IReadOnlyDictionary<int, PostedDays> posted, CancellationToken ct)
    {
        var data = await MonthDataAsync(db, month, staff.Count > 200 ? null : staff.Select(s => s.Id).ToList(), ct);
        var ruleSet = setup.RuleSets.ForMonth(month);
        return staff.AsParallel().AsOrdered()
            .Select(s => Score(s, month, setup, ruleSet, data, posted.GetValueOrDefault(s.Id) ?? PostedDays.Always))
            .ToArray();
    }

    public async Task<IReadOnlyList<Department>> DepartmentsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Code).ToListAsync(ct);
    }

    private static PostedDays Posted(ILookup<int, Posting> postings, int staffId) => PostedDays.From(postings[staffId]);

    /// <param name="staffIds">Null loads everyone's.</param>
    internal static async Task<ILookup<int, Posting>> PostingsAsync(OpsDbContext db, List<int>? staffIds, CancellationToken ct)
    {
        var q = db.Postings.AsNoTracking();
        if (staffIds is not null) q = q.Where(p => staffIds.Contains(p.StaffId));
        return (await q.ToListAsync(ct)).ToLookup(p => p.StaffId);
    }

    private MonthAttendance Score(Staff staff, YearMonth month, AttendanceSetup setup, AttendanceRuleSet ruleSet, MonthData data,
        PostedDays posted) =>
        MonthlyAttendanceScorer.Score(new MonthAttendanceInput
        {
            StaffId = staff.Id,
            DepartmentId = staff.DepartmentId,
            Month = month,
            Calendar = setup.Calendar,
            Schedules = setup.Schedules,
            RuleSet = ruleSet,
            // Each person's own records only (the scorer would skip the others', one by one).
            Punches = data.Punches.TryGetValue(staff.Id, out var p) ? p : [],
            MakeUps = data.MakeUps[staff.Id].ToList(),
            Leaves = data.Leaves[staff.Id].ToList(),
            OfficialAbsences = data.Officials[staff.Id].ToList(),
            IsPosted = posted.HasPostings ? posted.Contains : null,
            // Today is judged only once it is over; later days are not yet due.
            ScoreThrough = month.Contains(clock.Today) ? clock.Today.AddDays(-1) : month.LastDay < clock.Today ? null : month.FirstDay.AddDays(-1),
        });

    private sealed record MonthData(Dictionary<int, List<Punch>> Punches, ILookup<int, MakeUpPunchRequest> MakeUps, ILookup<int, LeaveRecord> Leaves,
        ILookup<int, OfficialAbsenceRecord> Officials);

    /// <param name="staffIds">Null loads everyone (one query instead of a long IN list).</param>
    private static async Task<MonthData> MonthDataAsync(OpsDbContext db, YearMonth month, List<int>? staffIds, CancellationToken ct)
    {
        var from = month.FirstDay.ToDateTime(TimeOnly.MinValue);
        var to = month.LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var first = month.FirstDay;
        var last = month.LastDay;
        var punches = db.Punches.AsNoTracking().Where(p => p.Time >= from && p.Time < to);
        var makeUps = db.MakeUpPunchRequests.AsNoTracking().Where(m => m.Date >= first && m.Date <= last);
        var leaves = db.LeaveRecords.AsNoTracking().Where(l => l.Period.StartDate <= last && l.Period.EndDate >= first);
        var officials = db.OfficialAbsences.AsNoTracking().Where(o => o.Period.StartDate <= last && o.Period.EndDate >= first);
        if (staffIds is not null)
        {
            punches = punches.Where(p => staffIds.Contains(p.StaffId));
            makeUps = makeUps.Where(m => staffIds.Contains(m.StaffId));
            leaves = leaves.Where(l => staffIds.Contains(l.StaffId));
            officials = officials.Where(o => staffIds.Contains(o.StaffId));
        }
        var byStaff = (await punches.ToListAsync(ct)).GroupBy(p => p.StaffId).ToDictionary(g => g.Key, g => g.ToList());
        return new MonthData(byStaff, (await makeUps.ToListAsync(ct)).ToLookup(m => m.StaffId), (await leaves.ToListAsync(ct)).ToLookup(l => l.StaffId),
            (await officials.ToListAsync(ct)).ToLookup(o => o.StaffId));
    }
}
