using System.Diagnostics;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using OpsConsole.Data;
using OpsConsole.Domain.Assessment;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.People;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Assessment;
using OpsConsole.Features.Attendance;
using OpsConsole.Features.Common;

namespace OpsConsole.Bench;

/// <summary>
/// Issue 12's targets. (1) A month's assessment for 600 staff and 275 windows through the use case (every source read,
/// scored) ≤ 1 s, with where the time goes: each source and the scoring timed apart. Last month of the demo center
/// with its 60 days of history (tickets, ratings), 600 staff, a month of punches for the staff the demo has none
/// for, windows added up to 275 and rostered every workday; the demo's published month is reopened so that it is
/// computed. (2) The annual workbook of a year of 600 staff (12 published months, ≈ 100,000 lines) through the use
/// case, and MiniExcel and ClosedXML 0.95.4 writing the same rows (the summary of staff and every line) in the same
/// run: time, allocations and the peak of the managed heap and of the resident set above the start of each run.
/// </summary>
internal static class AssessmentBench
{
    private const int WindowCount = 275;
    private const int LinesPerStaffMonth = 14;

    /// <param name="monthOnly">Only the month's computation (and its parts), not the workbooks: what a profiler is attached to.</param>
    /// <param name="runs">Timed runs of the month after one warm-up.</param>
    public static async Task RunAsync(bool monthOnly = false, int runs = 5)
    {
        var dir = Path.Combine(Path.GetTempPath(), "opsconsole-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration["Database:Provider"] = "Sqlite";
            builder.Configuration["Database:ConnectionString"] = $"Data Source={Path.Combine(dir, "bench.db")}";
            builder.Configuration["Setup:AllowDemoDefaults"] = "true";
            builder.Configuration["Logging:LogLevel:Default"] = "Warning";
            OpsConsole.HostingExtensions.AddOpsConsole(builder);
            await using var app = builder.Build();
            await OpsConsole.HostingExtensions.InitializeDatabaseAsync(app);

            await using var scope = app.Services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var dbFactory = sp.GetRequiredService<IDbContextFactory<OpsDbContext>>();
            var today = sp.GetRequiredService<CenterClock>().Today;
            var month = YearMonth.Of(today).AddMonths(-1);
            var staff = await AttendanceBench.AddStaffAsync(dbFactory);
            var punched = (await (await dbFactory.CreateDbContextAsync()).Punches.Select(p => p.StaffId).Distinct().ToListAsync()).ToHashSet();
            var punches = await AttendanceBench.AddMonthOfPunchesAsync(dbFactory, staff.Where(s => !punched.Contains(s.Id)).ToList(), month);
            var rostered = await AddWindowsAndRosterAsync(dbFactory, staff.Where(s => !punched.Contains(s.Id)).Select(s => s.Id).ToList(), month);

            var months = sp.GetRequiredService<MonthAssessment>();
            var reopened = await months.ReopenAsync(month, "bench", staff[0].Id);
            if (!reopened.Succeeded) Console.Error.WriteLine("reopen: " + reopened.Error);
            await months.LoadAsync(month); // warm-up
            await using var db = await dbFactory.CreateDbContextAsync();
            var first = month.FirstDay;
            var last = month.LastDay;
            var tickets = await db.Set<OpsConsole.Domain.Queueing.Ticket>().CountAsync(t => t.ServiceDay >= first && t.ServiceDay <= last);
            var windows = await db.Windows.CountAsync();

            // OPSCONSOLE_BENCH_PAUSE=N: wait N seconds before the timed runs, so that a profiler can attach to this process
            // (dotnet-trace collect -p PID) and see the month alone, not the seeding.
            if (int.TryParse(Environment.GetEnvironmentVariable("OPSCONSOLE_BENCH_PAUSE"), out var pause) && pause > 0)
            {
                Console.Error.WriteLine($"ready: pid {Environment.ProcessId}, timed runs in {pause} s");
                await Task.Delay(TimeSpan.FromSeconds(pause));
            }
            var loadBefore = LoadAverage();
            var timed = new List<(TimeSpan Wall, TimeSpan Cpu, long Allocated)>();
            MonthAssessment.MonthView view = null!;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, true, true);
            var peaks = PeakSampler.Start();
            for (var i = 0; i < runs; i++)
            {
                var allocated = GC.GetTotalAllocatedBytes(true);
                var sw = Stopwatch.StartNew();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                view = await months.LoadAsync(month);
                timed.Add((sw.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, GC.GetTotalAllocatedBytes(true) - allocated));
            }
            var (heapPeak, rssPeak) = await peaks.StopAsync();
            var loadAfter = LoadAverage();
            var lines = view.Scores.Staff.Values.Sum(s => s.Lines.Count) + view.Scores.Windows.Values.Sum(w => w.Lines.Count);
            var profile = await ProfileAsync(sp, dbFactory, month);
            if (monthOnly)
            {
                PrintMonth(view, windows, rostered, punches.Count, tickets, lines, timed, (heapPeak, rssPeak), loadBefore, loadAfter, profile);
                return;
            }

            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(true);
            var workbookWatch = Stopwatch.StartNew();
            long workbookSize;
            await using (var file = File.Create(Path.Combine(dir, "assessment.xlsx")))
            {
                await sp.GetRequiredService<AssessmentWorkbook>().WriteAsync(file, month);
                workbookSize = file.Length;
            }
            var workbookTime = workbookWatch.Elapsed;
            var workbookAllocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;

            PrintMonth(view, windows, rostered, punches.Count, tickets, lines, timed, (heapPeak, rssPeak), loadBefore, loadAfter, profile);
            Console.WriteLine($"Monthly workbook (computes the month again, then writes): {workbookSize / 1024.0:N0} KB, {workbookTime.TotalMilliseconds:N0} ms, allocated {workbookAllocated / 1024 / 1024.0:N1} MB.");
            Console.WriteLine();

            var year = YearMonth.Of(today).Year - 1;
            var (scores, annualLines) = await AddPublishedYearAsync(dbFactory, staff.Select(s => s.Id).ToList(), year);
            await AnnualWorkbooksAsync(sp, dbFactory, dir, AssessmentPeriod.OfYear(year), scores, annualLines);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    private static void PrintMonth(MonthAssessment.MonthView view, int windows, int rostered, int punches, int tickets, int lines,
        List<(TimeSpan Wall, TimeSpan Cpu, long Allocated)> timed, (long Heap, long Rss) peaks, string loadBefore, string loadAfter,
        List<(string Name, int Count, TimeSpan Wall, TimeSpan Cpu)> profile)
    {
        Console.WriteLine($"Machine: {MachineInfo.Describe()}. Database: embedded SQLite (file). Load average before the timed runs {loadBefore}, after {loadAfter}.");
        Console.WriteLine();
        Console.WriteLine($"| what | size | time ({timed.Count} runs, wall) | CPU | allocated | peak managed heap / resident set above start | target |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Console.WriteLine($"| assess a month through the use case (LoadAsync of a draft) | {view.Scores.Staff.Count} staff, {view.Scores.Windows.Count} of {windows} windows scored, {rostered:N0} bench roster half-days, {punches:N0} bench punches + the demo's, {tickets:N0} tickets, {lines:N0} lines | {string.Join(" / ", timed.Select(r => $"{r.Wall.TotalMilliseconds:N0} ms"))} | {string.Join(" / ", timed.Select(r => $"{r.Cpu.TotalMilliseconds:N0} ms"))} | {string.Join(" / ", timed.Select(r => $"{r.Allocated / 1024 / 1024.0:N0} MB"))} | {peaks.Heap / 1024 / 1024.0:N0} MB / {peaks.Rss / 1024 / 1024.0:N0} MB | ≤ 1 s |");
        Console.WriteLine();
        Console.WriteLine("Where the time goes (one pass, each part alone, wall / CPU):");
        Console.WriteLine();
        Console.WriteLine("| part | events | wall | CPU |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, count, wall, cpu) in profile)
            Console.WriteLine($"| {name} | {count:N0} | {wall.TotalMilliseconds:N0} ms | {cpu.TotalMilliseconds:N0} ms |");
        Console.WriteLine();
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>Windows up to 275 (in the demo's first zone) and every workday's two half-days rostered on them, in rotation.</summary>
    private static async Task<int> AddWindowsAndRosterAsync(IDbContextFactory<OpsDbContext> dbFactory, List<int> staffIds, YearMonth month)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var zone = await db.Zones.OrderBy(z => z.Id).Select(z => z.Id).FirstAsync();
        var departments = await db.Departments.OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
        var existing = await db.Windows.CountAsync();
        var number = await db.Windows.MaxAsync(w => w.Number);
        var added = new List<Window>();
        for (var i = existing; i < WindowCount; i++)
        {
            number++;
            added.Add(new Window { Number = number, Name = $"{number}号窗口", Type = WindowType.Comprehensive, ZoneId = zone, DepartmentId = departments[i % departments.Count] });
        }
        db.Windows.AddRange(added);
        await db.SaveChangesAsync();
        var roster = new List<RosterEntry>();
        var day = 0;
        foreach (var d in month.Days().Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
        {
            for (var w = 0; w < added.Count; w++)
                foreach (var half in new[] { HalfDay.Morning, HalfDay.Afternoon })
                    roster.Add(new RosterEntry(d, half, added[w].Id, staffIds[(w * 2 + (int)half + day) % staffIds.Count]));
            day++;
        }
        await using var tx = await db.Database.BeginTransactionAsync();
        await BulkInsert.InsertAsync(db, roster, setGeneratedId: false);
        await tx.CommitAsync();
        return roster.Count;
    }

    /// <summary>The month's computation in its parts: each source read alone on one context, then the scoring.</summary>
    private static async Task<List<(string Name, int Count, TimeSpan Wall, TimeSpan Cpu)>> ProfileAsync(IServiceProvider sp,
        IDbContextFactory<OpsDbContext> dbFactory, YearMonth month)
    {
        var result = new List<(string, int, TimeSpan, TimeSpan)>();
        var clock = sp.GetRequiredService<CenterClock>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var (start, end) = (Instant(clock, month.FirstDay), Instant(clock, month.LastDay.AddDays(1)));
        var sw = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        void Mark(string name, int count)
        {
            result.Add((name, count, sw.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu));
            sw.Restart();
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
        }
        var scheme = await sp.GetRequiredService<AssessmentSchemes>().ForMonthAsync(month);
        var staff = await db.Staff.AsNoTracking().Where(s => s.Active && s.DepartmentId != null).ToListAsync();
        var postings = (await db.Postings.AsNoTracking().ToListAsync()).ToLookup(p => p.StaffId);
        var posted = staff.ToDictionary(s => s.Id, s => PostedDays.From(postings[s.Id]));
        var assessed = staff.Where(s => posted[s.Id].AnyIn(month)).ToList();
        Mark("staff, postings and scheme", assessed.Count);
        var context = new AssessmentSourceContext(db, month, scheme, assessed, start, end, clock.Today, posted);
        var events = new List<AssessmentEvent>();
        foreach (var source in sp.GetServices<IAssessmentSource>())
        {
            var read = await source.ReadAsync(context, default);
            events.AddRange(read);
            Mark("source " + source.GetType().Name, read.Count);
        }
        events.RemoveAll(e => scheme.Item(e.ItemCode) is null);
        var first = month.FirstDay;
        var last = month.LastDay;
        var rostered = await db.Set<RosterEntry>().AsNoTracking().Where(r => r.Day >= first && r.Day <= last).Select(r => new { r.WindowId, r.StaffId, r.Day }).ToListAsync();
        var served = await db.Set<OpsConsole.Domain.Queueing.Ticket>().AsNoTracking()
            .Where(t => t.ServiceDay >= first && t.ServiceDay <= last && t.State == OpsConsole.Domain.Queueing.TicketState.Completed && t.WindowId != null && t.StaffId != null)
            .Select(t => new { WindowId = t.WindowId!.Value, StaffId = t.StaffId!.Value, Day = t.ServiceDay }).Distinct().ToListAsync();
        var windowDays = rostered.Concat(served).Distinct().Where(d => posted.TryGetValue(d.StaffId, out var p) && p.Contains(d.Day))
            .GroupBy(d => (d.WindowId, d.StaffId)).Select(g => new WindowDays(g.Key.WindowId, g.Key.StaffId, g.Count())).ToList();
        Mark("window days (roster and served tickets)", windowDays.Count);
        var scores = MonthScorer.Score(scheme, month, assessed.Select(s => s.Id), (s, d) => posted[s].Contains(d), events, windowDays, [], []);
        Mark("scoring (MonthScorer)", scores.Staff.Count + scores.Windows.Count);

        // The attendance month in its parts, as AttendanceMonths reads and scores it: what the source's time is made of.
        var setup = await AttendanceSetup.LoadAsync(db);
        Mark("attendance: setup (calendar, schedules, rules)", 1);
        var from = month.FirstDay.ToDateTime(TimeOnly.MinValue);
        var to = month.LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var entities = await db.Punches.AsNoTracking().Where(p => p.Time >= from && p.Time < to).ToListAsync();
        Mark("attendance: the month's punches as entities (AsNoTracking)", entities.Count);
        var narrow = await db.Punches.AsNoTracking().Where(p => p.Time >= from && p.Time < to).Select(p => new { p.Id, p.StaffId, p.Time }).ToListAsync();
        Mark("attendance: the same punches, id, person and time only", narrow.Count);
        var makeUps = await db.MakeUpPunchRequests.AsNoTracking().Where(m => m.Date >= first && m.Date <= last).ToListAsync();
        var leaves = await db.LeaveRecords.AsNoTracking().Where(l => l.Period.StartDate <= last && l.Period.EndDate >= first).ToListAsync();
        var officials = await db.OfficialAbsences.AsNoTracking().Where(o => o.Period.StartDate <= last && o.Period.EndDate >= first).ToListAsync();
        Mark("attendance: make-ups, leave, official absences", makeUps.Count + leaves.Count + officials.Count);
        var byStaff = entities.GroupBy(p => p.StaffId).ToDictionary(g => g.Key, g => (IReadOnlyList<Punch>)g.ToList());
        var (makeUpsOf, leavesOf, officialsOf) = (makeUps.ToLookup(m => m.StaffId), leaves.ToLookup(l => l.StaffId), officials.ToLookup(o => o.StaffId));
        var ruleSet = setup.RuleSets.ForMonth(month);
        var today = clock.Today;
        MonthAttendance ScoreOne(Staff s) => MonthlyAttendanceScorer.Score(new MonthAttendanceInput
        {
            StaffId = s.Id, DepartmentId = s.DepartmentId, Month = month, Calendar = setup.Calendar, Schedules = setup.Schedules, RuleSet = ruleSet,
            Punches = byStaff.GetValueOrDefault(s.Id, []), MakeUps = makeUpsOf[s.Id].ToList(), Leaves = leavesOf[s.Id].ToList(),
            OfficialAbsences = officialsOf[s.Id].ToList(), IsPosted = posted[s.Id].HasPostings ? posted[s.Id].Contains : null,
            ScoreThrough = month.Contains(today) ? today.AddDays(-1) : month.LastDay < today ? null : month.FirstDay.AddDays(-1),
        });
        var one = assessed.Select(ScoreOne).Sum(m => m.Lines.Count);
        Mark("attendance: scoring every person, one thread (MonthlyAttendanceScorer)", one);
        var parallel = assessed.AsParallel().Select(ScoreOne).Sum(m => m.Lines.Count);
        Mark("attendance: the same scoring in parallel", parallel);
        return result;
    }

    private static DateTimeOffset Instant(CenterClock clock, DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, clock.TimeZone.GetUtcOffset(local));
    }

    /// <summary>Twelve published months of a year: every staff member with 14 lines a month, every window with one.</summary>
    private static async Task<(int Scores, int Lines)> AddPublishedYearAsync(IDbContextFactory<OpsDbContext> dbFactory, List<int> staffIds, int year)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var windowIds = await db.Windows.Select(w => w.Id).ToListAsync();
        var departments = await db.Staff.Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DepartmentId);
        var random = new Random(12);
        var (scoreCount, lineCount) = (0, 0);
        for (var m = 1; m <= 12; m++)
        {
            var month = new YearMonth(year, m);
            var record = new AssessmentMonth(month, DateTimeOffset.UtcNow);
            record.Publish(DateTimeOffset.UtcNow, 0, null, staffIds[0]);
            db.AssessmentMonths.Add(record);
            await db.SaveChangesAsync();
            var rows = new List<AssessmentScoreRecord>();
            foreach (var id in staffIds)
            {
                var lines = Enumerable.Range(0, LinesPerStaffMonth).Select(i =>
                {
                    var date = month.FirstDay.AddDays(random.Next(month.DaysInMonth));
                    var points = -(decimal)random.Next(1, 3);
                    return new ScoreLine(ItemCodes.Attendance, "考勤", date, "punch", random.Next(1, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        $"{date:MM-dd} 上午上班迟到 {random.Next(1, 30)} 分钟", points, points, LineNote.None, null, false);
                }).ToList();
                rows.Add(new AssessmentScoreRecord(record.Id, 1, new SubjectScore(ItemSubject.Staff, id, 100m, lines, 100m + lines.Sum(l => l.Points), false, false),
                    departments[id], 21));
                lineCount += lines.Count;
            }
            foreach (var id in windowIds)
            {
                var line = new ScoreLine(ItemCodes.InspectionPrefix + "dress", "巡查发现", month.FirstDay.AddDays(3), "manual", "1", "着装不规范", -1m, -1m, LineNote.None, null, false);
                rows.Add(new AssessmentScoreRecord(record.Id, 1, new SubjectScore(ItemSubject.Window, id, 98m, [line], 97m, false, false), null, 0));
                lineCount++;
            }
            scoreCount += rows.Count;
            await using var tx = await db.Database.BeginTransactionAsync();
            await BulkInsert.InsertAsync(db, rows, setGeneratedId: false);
            await tx.CommitAsync();
        }
        return (scoreCount, lineCount);
    }

    private static readonly string[] LineHeaders = ["月份", "对象", "工号/窗口", "姓名", "日期", "项目", "来源", "来源编号", "说明", "来源分值", "计入分值", "备注"];
    private static readonly string[] StaffHeaders = ["工号", "姓名", "部门", "计分月数", "一票否决月数", "期间得分", "中心排名"];

    /// <summary>
    /// The same annual rows three ways, each from the same streamed query: ours through the use case (five sheets, of
    /// which the summary and the lines are the bulk), MiniExcel (two sheets from lazy sequences), ClosedXML 0.95.4
    /// (two sheets, cell by cell). Each run starts after a full collection.
    /// </summary>
    private static async Task AnnualWorkbooksAsync(IServiceProvider sp, IDbContextFactory<OpsDbContext> dbFactory, string dir, AssessmentPeriod period,
        int scores, int lines)
    {
        var view = await sp.GetRequiredService<PeriodAssessment>().LoadAsync(period);
        var staffRows = view.Staff.Select(r => new object[] { r.Code, r.Name, r.Department, r.Months.Count, r.VetoedMonths, r.Total, r.Rank }).ToList();
        var results = new List<string>();

        results.Add(await MeasureAsync("ours: streamed XlsxWriter (ADR 0010) through PeriodWorkbook", Path.Combine(dir, "ours.xlsx"), async path =>
        {
            await using var file = File.Create(path);
            await sp.GetRequiredService<PeriodWorkbook>().WriteAsync(file, period);
        }));

        results.Add(await MeasureAsync("MiniExcel 1.46.0 (SaveAs of lazy sequences)", Path.Combine(dir, "miniexcel.xlsx"), path =>
        {
            using var db = dbFactory.CreateDbContext();
            var sheets = new Dictionary<string, object>
            {
                ["人员汇总"] = staffRows.Select(r => Row(StaffHeaders, r)),
                ["扣加分明细"] = LineRows(db, view).Select(r => Row(LineHeaders, r)),
            };
            MiniExcel.SaveAs(path, sheets);
            return Task.CompletedTask;
        }));

        results.Add(await MeasureAsync("ClosedXML 0.95.4 (cell by cell, then SaveAs)", Path.Combine(dir, "closedxml.xlsx"), path =>
        {
            using var db = dbFactory.CreateDbContext();
            using var book = new XLWorkbook();
            Fill(book.AddWorksheet("人员汇总"), StaffHeaders, staffRows);
            Fill(book.AddWorksheet("扣加分明细"), LineHeaders, LineRows(db, view));
            book.SaveAs(path);
            return Task.CompletedTask;
        }));

        Console.WriteLine($"Annual workbook {period.Label}: {view.Staff.Count} staff and {view.Windows.Count} windows over 12 published months, {scores:N0} stored scores, {lines:N0} lines.");
        Console.WriteLine();
        Console.WriteLine("| writer | file | time | CPU | allocated | peak managed heap above start | peak resident set above start |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var r in results) Console.WriteLine(r);
    }

    private static Dictionary<string, object> Row(string[] headers, object[] values)
    {
        var row = new Dictionary<string, object>(headers.Length);
        for (var i = 0; i < headers.Length; i++) row[headers[i]] = values[i];
        return row;
    }

    private static void Fill(IXLWorksheet sheet, string[] headers, IEnumerable<object[]> rows)
    {
        for (var c = 0; c < headers.Length; c++) sheet.Cell(1, c + 1).Value = headers[c];
        var r = 1;
        foreach (var row in rows)
        {
            r++;
            for (var c = 0; c < row.Length; c++) sheet.Cell(r, c + 1).Value = row[c];
        }
    }

    /// <summary>Every line of the period's published months, as the workbook's lines sheet has them, from a streamed (synchronous) query.</summary>
    private static IEnumerable<object[]> LineRows(OpsDbContext db, PeriodAssessment.PeriodView view)
    {
        var names = view.Staff.ToDictionary(r => r.SubjectId, r => (r.Code, r.Name));
        var windowNames = view.Windows.ToDictionary(r => r.SubjectId, r => r.Code);
        foreach (var m in view.Months.Where(m => m.Published))
        {
            var (monthId, version, monthText) = (m.MonthId!.Value, m.Version, m.Month.ToString());
            foreach (var s in db.AssessmentScores.AsNoTracking().Where(s => s.AssessmentMonthId == monthId && s.Version == version)
                         .OrderBy(s => s.Subject).ThenBy(s => s.SubjectId).Select(s => new { s.Subject, s.SubjectId, s.LinesJson }).AsEnumerable())
            {
                var staff = s.Subject == ItemSubject.Staff;
                var who = staff ? names.GetValueOrDefault(s.SubjectId).Code ?? "" : windowNames.GetValueOrDefault(s.SubjectId) ?? "";
                var name = staff ? names.GetValueOrDefault(s.SubjectId).Name ?? "" : "";
                foreach (var l in AssessmentScoreRecord.ReadLines(s.LinesJson))
                    yield return [monthText, staff ? "人员" : "窗口", who, name, l.Date?.ToDateTime(TimeOnly.MinValue) ?? (object)"", l.ItemName,
                        AssessmentLabels.Source(l.SourceType), l.SourceId, l.Description, l.SourcePoints, l.Points, AssessmentLabels.Note(l)];
            }
        }
    }

    /// <summary>Runs one writer after a full collection, sampling the managed heap and the resident set every 5 ms.</summary>
    private static async Task<string> MeasureAsync(string name, string path, Func<string, Task> write)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, true, true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, true, true);
        var heapStart = GC.GetTotalMemory(false);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var rssStart = process.WorkingSet64;
        var (heapPeak, rssPeak) = (heapStart, rssStart);
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var p = Process.GetCurrentProcess();
            while (!stop.IsCancellationRequested)
            {
                heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false));
                p.Refresh();
                rssPeak = Math.Max(rssPeak, p.WorkingSet64);
                try { await Task.Delay(5, stop.Token); } catch (TaskCanceledException) { }
            }
        });
        var allocated = GC.GetTotalAllocatedBytes(true);
        var cpu = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        string outcome;
        try
        {
            await write(path);
            outcome = $"{new FileInfo(path).Length / 1024.0 / 1024.0:N1} MB";
        }
        catch (Exception e)
        {
            outcome = "failed: " + e.GetType().Name + " " + e.Message.Split('\n')[0];
        }
        var wall = sw.Elapsed;
        process.Refresh();
        var cpuUsed = process.TotalProcessorTime - cpu;
        allocated = GC.GetTotalAllocatedBytes(true) - allocated;
        await stop.CancelAsync();
        await sampler;
        heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false));
        static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:N0} MB";
        return $"| {name} | {outcome} | {wall.TotalMilliseconds:N0} ms | {cpuUsed.TotalMilliseconds:N0} ms | {Mb(allocated)} | {Mb(heapPeak - heapStart)} | {Mb(rssPeak - rssStart)} |";
    }
}

/// <summary>The peak of the managed heap and of the resident set above their level at start, sampled every 5 ms.</summary>
internal sealed class PeakSampler
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private readonly long _heapStart, _rssStart;
    private long _heapPeak, _rssPeak;

    private PeakSampler()
    {
        using var process = Process.GetCurrentProcess();
        (_heapStart, _rssStart) = (GC.GetTotalMemory(false), process.WorkingSet64);
        (_heapPeak, _rssPeak) = (_heapStart, _rssStart);
        _sampling = Task.Run(async () =>
        {
            using var p = Process.GetCurrentProcess();
            while (!_stop.IsCancellationRequested)
            {
                _heapPeak = Math.Max(_heapPeak, GC.GetTotalMemory(false));
                p.Refresh();
                _rssPeak = Math.Max(_rssPeak, p.WorkingSet64);
                try { await Task.Delay(5, _stop.Token); } catch (TaskCanceledException) { }
            }
        });
    }

    public static PeakSampler Start() => new();

    public async Task<(long Heap, long Rss)> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
        return (_heapPeak - _heapStart, _rssPeak - _rssStart);
    }
}
