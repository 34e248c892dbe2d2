using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Assessment;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.Common;
using OpsConsole.Domain.People;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Assessment;

/// <summary>
/// 月度考核: a draft is recomputed from its sources whenever it is read; opening it for appeal, publishing (the
/// scores are then stored per version and read back, never recomputed), locking and reopening with a reason go
/// through <see cref="AssessmentMonth"/>. Two HR users publishing at once publish once (its concurrency token).
/// </summary>
public sealed class MonthAssessment(IDbContextFactory<OpsDbContext> dbFactory, IEnumerable<IAssessmentSource> sources, CenterClock clock,
    IWorkingDayCalendar calendar)
{
    public sealed record Person(int Id, string EmployeeNo, string Name, int? DepartmentId, string? Department, bool IsChief, int DaysPosted);

    public sealed record WindowInfo(int Id, string Name, int? DepartmentId, string? Department);

    /// <summary>The month as shown: its record (null before anyone acted on it), the scores (stored when published), who is who.</summary>
    public sealed record MonthView(YearMonth Month, AssessmentMonth? Record, bool Stored, AssessmentScheme Scheme, MonthScores Scores,
        IReadOnlyDictionary<int, Person> Staff, IReadOnlyDictionary<int, WindowInfo> Windows, IReadOnlyList<AssessmentAppeal> Appeals)
    {
        public AssessmentMonthState State => Record?.State ?? AssessmentMonthState.Draft;
        public int OpenAppeals => Appeals.Count(a => a.State == AppealState.Open);

        /// <summary>The score line an appeal is about (its item's name, date and what happened), or null once the
        /// source has gone from the month's lines.</summary>
        public ScoreLine? LineOf(AssessmentAppeal appeal) =>
            Scores.Staff.GetValueOrDefault(appeal.StaffId)?.Lines.FirstOrDefault(l =>
                l.ItemCode == appeal.ItemCode && l.SourceType == appeal.SourceType && l.SourceId == appeal.SourceId);

        /// <summary>What an appeal is about as a person reads it: the item's name, the line's date and description
        /// ("item · 11-20 · description", the description without the item's name when it begins with it); the
        /// scheme's item name, or the code, when the line is no longer there.</summary>
        public string AppealSubject(AssessmentAppeal appeal) => LineOf(appeal) is { } line
            ? string.Join(" · ", new[] { line.ItemName, line.Date?.ToString("MM-dd"), WithoutName(line.Description, line.ItemName) }.Where(s => !string.IsNullOrWhiteSpace(s)))
            : Scheme.Item(appeal.ItemCode)?.Name ?? appeal.ItemCode;

        // An inspection line reads "<item name><full-width colon>what was found"; its name is already the subject's first part.
        private static string WithoutName(string description, string name) =>
            name.Length > 0 && description.Length > name.Length + 1 && description.StartsWith(name, StringComparison.Ordinal)
                && description[name.Length] is ':' or '\uFF1A'
                ? description[(name.Length + 1)..]
                : description;
    }

    public DateOnly Today => clock.Today;
    public YearMonth CurrentMonth => YearMonth.Of(clock.Today);

    public async Task<MonthView> LoadAsync(YearMonth month, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LoadAsync(db, month, ct);
    }

    private async Task<MonthView> LoadAsync(OpsDbContext db, YearMonth month, CancellationToken ct)
    {
        var record = await db.AssessmentMonths.AsNoTracking().Include(m => m.History).FirstOrDefaultAsync(m => m.Year == month.Year && m.Month == month.Month, ct);
        var appeals = record is null ? [] : await db.AssessmentAppeals.AsNoTracking().Where(a => a.AssessmentMonthId == record.Id).OrderBy(a => a.FiledAt).ToListAsync(ct);
        var scheme = await AssessmentSchemes.ForMonthAsync(db, month, ct);
        var population = await PopulationAsync(db, month, ct);
        var (staff, windows) = (population.People, population.Windows);
        if (record is { State: AssessmentMonthState.Published or AssessmentMonthState.Locked })
        {
            var stored = await db.AssessmentScores.AsNoTracking().Where(s => s.AssessmentMonthId == record.Id && s.Version == record.Version).ToListAsync(ct);
            var scores = new MonthScores(month,
                stored.Where(s => s.Subject == ItemSubject.Staff).ToDictionary(s => s.SubjectId, s => s.ToScore()),
                stored.Where(s => s.Subject == ItemSubject.Window).ToDictionary(s => s.SubjectId, s => s.ToScore()));
            // The people as they were published: someone since unposted still shows with their stored score.
            var people = stored.Where(s => s.Subject == ItemSubject.Staff).Select(s => s.SubjectId).Except(staff.Keys).ToList();
            if (people.Count > 0)
                foreach (var s in await db.Staff.AsNoTracking().Include(s => s.Department).Where(s => people.Contains(s.Id)).ToListAsync(ct))
                    staff[s.Id] = new Person(s.Id, s.EmployeeNo, s.Name, s.DepartmentId, s.Department?.Name, s.IsChiefRepresentative,
                        stored.First(x => x.Subject == ItemSubject.Staff && x.SubjectId == s.Id).DaysPosted);
            return new MonthView(month, record, true, scheme, scores, staff, windows, appeals);
        }
        var computed = await ComputeAsync(db, month, scheme, appeals, population, ct);
        return new MonthView(month, record, false, scheme, computed, staff, windows, appeals);
    }

    /// <summary>
    /// Those assessed in a month (active staff of a department posted on at least one of its days), their posted days,
    /// and the windows: read once per computation.
    /// </summary>
    private sealed record Population(List<Staff> Assessed, Dictionary<int, PostedDays> Posted, Dictionary<int, Person> People,
        Dictionary<int, WindowInfo> Windows);

    private static async Task<Population> PopulationAsync(OpsDbContext db, YearMonth month, CancellationToken ct)
    {
        var staff = await db.Staff.AsNoTracking().Include(s => s.Department).Where(s => s.Active && s.DepartmentId != null).ToListAsync(ct);
        var postings = (await db.Postings.AsNoTracking().ToListAsync(ct)).ToLookup(p => p.StaffId);
        var posted = staff.ToDictionary(s => s.Id, s => PostedDays.From(postings[s.Id]));
        var assessed = staff.Where(s => posted[s.Id].AnyIn(month)).ToList();
        var people = assessed.ToDictionary(s => s.Id, s => new Person(s.Id, s.EmployeeNo, s.Name, s.DepartmentId, s.Department?.Name, s.IsChiefRepresentative,
            posted[s.Id].DaysIn(month)));
        var windows = await db.Windows.AsNoTracking().Include(w => w.Department)
            .ToDictionaryAsync(w => w.Id, w => new WindowInfo(w.Id, w.Name, w.DepartmentId, w.Department == null ? null : w.Department.Name), ct);
        return new Population(assessed, posted, people, windows);
    }

    private async Task<MonthScores> ComputeAsync(OpsDbContext db, YearMonth month, AssessmentScheme scheme, IReadOnlyList<AssessmentAppeal> appeals,
        Population population, CancellationToken ct)
    {
        var (assessed, posted) = (population.Assessed, population.Posted);
        var (start, end) = Bounds(month);
        var context = new AssessmentSourceContext(db, month, scheme, assessed, start, end, clock.Today, posted);
        // The sources read side by side, each on a context of its own, and so do the window days (most of the month's
        // time is spent reading; see the bench). Each on the thread pool: SQLite's provider completes its "async" calls
        // synchronously, so awaiting them one after another would read one source after another.
        var windowDaysRead = Task.Run(() => WindowDaysAsync(month, posted, ct), ct);
        var reads = sources.Select(source => Task.Run(async () =>
        {
            await using var sourceDb = await dbFactory.CreateDbContextAsync(ct);
            return await source.ReadAsync(context with { Db = sourceDb }, ct);
        }, ct)).ToList();
        var events = (await Task.WhenAll(reads)).SelectMany(r => r).ToList();
        // An item the scheme in force does not have is not scored this month (HR switched it off).
        events.RemoveAll(e => scheme.Item(e.ItemCode) is null);
        var windowDays = await windowDaysRead;
        var windowsByDepartment = population.Windows.Values.Where(w => w.DepartmentId != null).ToLookup(w => w.DepartmentId!.Value, w => w.Id);
        var chiefs = assessed.Where(s => s.IsChiefRepresentative).Select(s => new ChiefWindows(s.Id, windowsByDepartment[s.DepartmentId!.Value].ToList()));
        var adjustments = appeals.Select(a => a.Adjustment).OfType<LineAdjustment>();
        return MonthScorer.Score(scheme, month, assessed.Select(s => s.Id), (s, d) => posted[s].Contains(d), events, windowDays, chiefs, adjustments);
    }

    /// <summary>Days each person served at each window on posted days: from the roster and from days with completed tickets.</summary>
    private async Task<List<WindowDays>> WindowDaysAsync(YearMonth month, Dictionary<int, PostedDays> posted, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var first = month.FirstDay;
        var last = month.LastDay;
        var rostered = await db.Set<RosterEntry>().AsNoTracking().Where(r => r.Day >= first && r.Day <= last)
            .Select(r => new { r.WindowId, r.StaffId, r.Day }).Distinct().ToListAsync(ct);
        var servedDays = await db.Set<Domain.Queueing.Ticket>().AsNoTracking()
            .Where(t => t.ServiceDay >= first && t.ServiceDay <= last && t.State == Domain.Queueing.TicketState.Completed && t.WindowId != null && t.StaffId != null)
            .Select(t => new { WindowId = t.WindowId!.Value, StaffId = t.StaffId!.Value, Day = t.ServiceDay }).Distinct().ToListAsync(ct);
        return rostered.Concat(servedDays).Distinct()
            .Where(d => posted.TryGetValue(d.StaffId, out var p) && p.Contains(d.Day))
            .GroupBy(d => (d.WindowId, d.StaffId)).Select(g => new WindowDays(g.Key.WindowId, g.Key.StaffId, g.Count())).ToList();
    }

    /// <summary>The month's first and last instants in the center's time zone.</summary>
    private (DateTimeOffset, DateTimeOffset) Bounds(YearMonth month)
    {
        DateTimeOffset At(DateOnly day)
        {
            var local = day.ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(local, clock.TimeZone.GetUtcOffset(local));
        }
        return (At(month.FirstDay), At(month.LastDay.AddDays(1)));
    }

    public Task<OpResult> OpenForAppealAsync(YearMonth month, int actorStaffId, CancellationToken ct = default) =>
        ChangeAsync(month, async (db, record, scheme) =>
        {
            record.OpenForAppeal(clock.Now, scheme.AppealWorkingDays, calendar, actorStaffId);
            return await Task.FromResult(OpResult.Notice("已进入申诉期，截止 {0}。", record.AppealDeadline!.Value.ToString("yyyy-MM-dd")));
        }, ct);

    /// <summary>Publishes the month: stores every score of the month as computed now, under the month's version.</summary>
    public Task<OpResult> PublishAsync(YearMonth month, string? reasonWithAppealsOpen, int actorStaffId, CancellationToken ct = default) =>
        ChangeAsync(month, async (db, record, scheme) =>
        {
            var appeals = await db.AssessmentAppeals.AsNoTracking().Where(a => a.AssessmentMonthId == record.Id).ToListAsync(ct);
            record.Publish(clock.Now, appeals.Count(a => a.State == AppealState.Open), reasonWithAppealsOpen, actorStaffId);
            var population = await PopulationAsync(db, month, ct);
            var scores = await ComputeAsync(db, month, scheme, appeals, population, ct);
            var (people, windows) = (population.People, population.Windows);
            foreach (var s in scores.Staff.Values)
                db.AssessmentScores.Add(new AssessmentScoreRecord(record.Id, record.Version, s, people.GetValueOrDefault(s.SubjectId)?.DepartmentId,
                    people.GetValueOrDefault(s.SubjectId)?.DaysPosted ?? 0));
            foreach (var w in scores.Windows.Values)
                db.AssessmentScores.Add(new AssessmentScoreRecord(record.Id, record.Version, w, windows.GetValueOrDefault(w.SubjectId)?.DepartmentId, 0));
            return OpResult.Notice("{0} 考核已通报。", month.ToString());
        }, ct);

    public Task<OpResult> LockAsync(YearMonth month, int actorStaffId, CancellationToken ct = default) =>
        ChangeAsync(month, (db, record, scheme) =>
        {
            record.Lock(clock.Now, actorStaffId);
            return Task.FromResult(OpResult.Notice("{0} 考核已锁定。", month.ToString()));
        }, ct);

    /// <summary>更正: back to draft as a new version, with the reason; the stored scores of the earlier version stay.</summary>
    public Task<OpResult> ReopenAsync(YearMonth month, string reason, int actorStaffId, CancellationToken ct = default) =>
        ChangeAsync(month, (db, record, scheme) =>
        {
            record.Reopen(reason, clock.Now, actorStaffId);
            return Task.FromResult(OpResult.Notice("已重新打开为第 {0} 版草稿。", record.Version));
        }, ct);

    private async Task<OpResult> ChangeAsync(YearMonth month, Func<OpsDbContext, AssessmentMonth, AssessmentScheme, Task<OpResult>> change, CancellationToken ct)
    {
        if (month > CurrentMonth) return OpResult.Fail("不能对未来的月份进行考核。");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.AssessmentMonths.Include(m => m.History).FirstOrDefaultAsync(m => m.Year == month.Year && m.Month == month.Month, ct);
        if (record is null)
        {
            record = new AssessmentMonth(month, clock.Now);
            db.AssessmentMonths.Add(record);
        }
        OpResult result;
        try
        {
            result = await change(db, record, await AssessmentSchemes.ForMonthAsync(db, month, ct));
        }
        catch (DomainException e)
        {
            return OpResult.Fail(AssessmentMessages.Of(e.Message));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The month's concurrency token (or its unique period) moved under us: someone else acted first.
            return OpResult.Fail("另一位用户刚刚更改了该月考核，请刷新后查看。");
        }
        return result;
    }

    public sealed record HistoryRow(YearMonth Month, int Version, decimal Total, bool Vetoed);

    /// <summary>A person's published months, newest first (the version in force of each).</summary>
    public async Task<IReadOnlyList<HistoryRow>> HistoryAsync(int staffId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from s in db.AssessmentScores.AsNoTracking()
                          join m in db.AssessmentMonths on s.AssessmentMonthId equals m.Id
                          where s.Subject == ItemSubject.Staff && s.SubjectId == staffId && s.Version == m.Version
                                && (m.State == AssessmentMonthState.Published || m.State == AssessmentMonthState.Locked)
                          select new { m.Year, m.Month, s.Version, s.Total, s.Vetoed }).ToListAsync(ct);
        return rows.Select(r => new HistoryRow(new YearMonth(r.Year, r.Month), r.Version, r.Total, r.Vetoed)).OrderByDescending(r => r.Month).ToList();
    }

    public sealed record TrendPoint(YearMonth Month, decimal? StaffAverage, decimal? WindowAverage);

    /// <summary>The published months' averages (staff and windows), oldest first: the ranking page's trend.</summary>
    public async Task<IReadOnlyList<TrendPoint>> TrendAsync(int months, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from s in db.AssessmentScores.AsNoTracking()
                          join m in db.AssessmentMonths on s.AssessmentMonthId equals m.Id
                          where s.Version == m.Version && (m.State == AssessmentMonthState.Published || m.State == AssessmentMonthState.Locked)
                          select new { m.Year, m.Month, s.Subject, s.Total }).ToListAsync(ct);
        return rows.GroupBy(r => new YearMonth(r.Year, r.Month)).OrderBy(g => g.Key).TakeLast(months)
            .Select(g => new TrendPoint(g.Key, Rankings.AverageOfMonths(g.Where(r => r.Subject == ItemSubject.Staff).Select(r => r.Total)),
                Rankings.AverageOfMonths(g.Where(r => r.Subject == ItemSubject.Window).Select(r => r.Total))))
            .ToList();
    }

    internal static async Task<AssessmentMonth?> RecordAsync(OpsDbContext db, YearMonth month, CancellationToken ct) =>
        await db.AssessmentMonths.FirstOrDefaultAsync(m => m.Year == month.Year && m.Month == month.Month, ct);

    /// <summary>Enters a manual item (with evidence and reason) into a month still in draft or open for appeal.</summary>
    public async Task<OpResult> AddManualItemAsync(string itemCode, ItemSubject subject, int subjectId, DateOnly date, decimal? points, string evidence,
        string reason, int enteredBy, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var month = YearMonth.Of(date);
        if (date > clock.Today) return OpResult.Fail("日期不能晚于今天。");
        var exists = subject == ItemSubject.Staff ? await db.Staff.AnyAsync(s => s.Id == subjectId, ct) : await db.Windows.AnyAsync(w => w.Id == subjectId, ct);
        if (!exists) return OpResult.Fail("请选择人员或窗口。");
        if (await RecordAsync(db, month, ct) is { State: AssessmentMonthState.Published or AssessmentMonthState.Locked })
            return OpResult.Fail("该月考核已通报，请先更正重新打开。");
        try
        {
            var scheme = await AssessmentSchemes.ForMonthAsync(db, month, ct);
            db.ManualAssessmentItems.Add(ManualAssessmentItem.Enter(scheme, itemCode, subject, subjectId, date, points, evidence, reason, enteredBy, clock.Now));
        }
        catch (DomainException e)
        {
            return OpResult.Fail(AssessmentMessages.Of(e.Message));
        }
        await db.SaveChangesAsync(ct);
        return OpResult.Notice("已录入。");
    }
}
