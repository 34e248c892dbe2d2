using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.People;
using OpsConsole.Features.Attendance;
using OpsConsole.Features.Attendance.Import;

namespace OpsConsole.Bench;

/// <summary>
/// Issue 5's targets: scoring a month for 600 staff (≈72,000 punches) ≤ 1 s, importing a 100,000-row file ≤ 10 s.
/// Runs the real use cases over a fresh embedded SQLite database seeded with the demo center plus 500 staff.
/// </summary>
internal static class AttendanceBench
{
    private const int StaffCount = 600;
    private const int ImportRows = 100_000;

    public static async Task RunAsync()
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

            Console.Error.WriteLine("preparing: staff and punches…");
            var results = new List<(string What, string Size, TimeSpan Time, TimeSpan Cpu, string Target)>();
            await using var scope = app.Services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var dbFactory = sp.GetRequiredService<IDbContextFactory<OpsDbContext>>();
            var today = sp.GetRequiredService<OpsConsole.Features.Common.CenterClock>().Today;
            var staff = await AddStaffAsync(dbFactory);
            var scoreMonth = YearMonth.Of(today.AddDays(-100)); // before the demo's 60 days
            var punches = await AddMonthOfPunchesAsync(dbFactory, staff, scoreMonth);

            // Scoring: the domain alone (parallel over staff), then the use case the monthly sheet calls (load + score).
            var months = sp.GetRequiredService<AttendanceMonths>();
            await months.GridAsync(scoreMonth, null); // warm-up: JIT, EF model, SQLite page cache
            var setup = await LoadSetupAsync(dbFactory);
            var byStaff = punches.GroupBy(p => p.StaffId).ToDictionary(g => g.Key, g => (IReadOnlyList<Punch>)g.ToList());
            var ruleSet = setup.RuleSets.ForMonth(scoreMonth);
            var sw = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var scored = staff.AsParallel().Select(s => MonthlyAttendanceScorer.Score(new MonthAttendanceInput
            {
                StaffId = s.Id, DepartmentId = s.DepartmentId, Month = scoreMonth, Calendar = setup.Calendar,
                Schedules = setup.Schedules, RuleSet = ruleSet, Punches = byStaff.GetValueOrDefault(s.Id, []),
            })).ToList();
            results.Add(("score a month, domain only (parallel)", $"{staff.Count} staff, {punches.Count:N0} punches", sw.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, "≤ 1 s"));
            sw.Restart();
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var grid = await months.GridAsync(scoreMonth, null);
            results.Add(("score a month from the database (考勤汇总表 use case)", $"{grid.Rows.Count} staff, {punches.Count:N0} punches", sw.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, "≤ 1 s"));

            // Import: preview, commit, and the same file again (all duplicates).
            var file = ImportFile(staff, YearMonth.Of(today.AddDays(-200)));
            var import = sp.GetRequiredService<PunchFileImport>();
            sw.Restart();
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (preview, _) = await import.PreviewAsync("bench.csv", file);
            results.Add(("preview a 100,000-row CSV (read + judge)", $"{preview!.Rows.Count:N0} rows, {file.Length / 1024 / 1024.0:0.0} MB", sw.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, "—"));
            sw.Restart();
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (batch, _) = await import.CommitAsync("bench.csv", file, "bench");
            results.Add(("import a 100,000-row CSV (read + judge + save)", $"{batch!.TotalRows:N0} rows, {batch.Imported:N0} imported, {batch.Rejected:N0} rejected", sw.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, "≤ 10 s"));
            sw.Restart();
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (again, _) = await import.CommitAsync("bench.csv", file, "bench");
            results.Add(("re-import the same file", $"{again!.Duplicates:N0} duplicates, {again.Imported} new", sw.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, "—"));

            Console.WriteLine($"## Attendance benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
            Console.WriteLine();
            Console.WriteLine($"Machine: {MachineInfo.Describe()}. Database: embedded SQLite (file).");
            Console.WriteLine();
            Console.WriteLine("| what | size | wall time | CPU time (all threads) | target |");
            Console.WriteLine("|---|---|---:|---:|---|");
            foreach (var (what, size, time, cpuTime, target) in results)
                Console.WriteLine($"| {what} | {size} | {time.TotalMilliseconds:N0} ms | {cpuTime.TotalMilliseconds:N0} ms | {target} |");
            _ = scored.Count;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    internal static async Task<List<Staff>> AddStaffAsync(IDbContextFactory<OpsDbContext> dbFactory)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var departments = await db.Departments.Select(d => d.Id).ToListAsync();
        var existing = await db.Staff.CountAsync();
        for (var i = existing + 1; i <= StaffCount; i++)
            db.Staff.Add(new Staff { EmployeeNo = $"BX{i:D4}", Name = $"人员{i}", Title = "科员", DepartmentId = departments[i % departments.Count] });
        await db.SaveChangesAsync();
        return await db.Staff.AsNoTracking().OrderBy(s => s.Id).Take(StaffCount).ToListAsync();
    }

    /// <summary>Four punches every day of the month (weekend ones count for nothing): 600 × 30 × 4 = 72,000.</summary>
    internal static async Task<List<Punch>> AddMonthOfPunchesAsync(IDbContextFactory<OpsDbContext> dbFactory, List<Staff> staff, YearMonth month)
    {
        var random = new Random(5);
        var punches = new List<Punch>();
        foreach (var s in staff)
            foreach (var day in month.Days().Take(30))
                foreach (var (h, m) in new[] { (8, 30), (12, 0), (13, 35), (17, 0) })
                    punches.Add(new Punch(s.Id, day.ToDateTime(new TimeOnly(h, m)).AddMinutes(random.Next(0, 40)).AddSeconds(random.Next(60)), "KQ-01", PunchMethod.Face));
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        await BulkInsert.InsertAsync(db, punches, setGeneratedId: true);
        await tx.CommitAsync();
        return punches;
    }

    private static async Task<AttendanceSetup> LoadSetupAsync(IDbContextFactory<OpsDbContext> dbFactory)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await AttendanceSetup.LoadAsync(db);
    }

    /// <summary>A terminal export in GBK with Chinese headers; about 1% of rows are bad (unknown people, unreadable times).</summary>
    private static byte[] ImportFile(List<Staff> staff, YearMonth start)
    {
        var random = new Random(11);
        var sb = new StringBuilder("工号,姓名,打卡时间,设备号,验证方式\r\n");
        var rows = 0;
        for (var day = start.FirstDay; rows < ImportRows; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            foreach (var s in staff)
                foreach (var (h, m) in new[] { (8, 30), (12, 0), (13, 35), (17, 0) })
                {
                    if (rows++ >= ImportRows) break;
                    var t = day.ToDateTime(new TimeOnly(h, m)).AddMinutes(random.Next(0, 40)).AddSeconds(random.Next(60));
                    var bad = random.Next(200);
                    var no = bad == 0 ? "ZZ" + s.EmployeeNo : s.EmployeeNo;
                    var time = bad == 1 ? "??" : t.ToString("yyyy/MM/dd HH:mm:ss");
                    sb.Append(no).Append(',').Append(s.Name).Append(',').Append(time).Append(",KQ-0").Append(1 + rows % 2).Append(",人脸\r\n");
                }
        }
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        return System.Text.Encoding.GetEncoding("GBK").GetBytes(sb.ToString());
    }
}
