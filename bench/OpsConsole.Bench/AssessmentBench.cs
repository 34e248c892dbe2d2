using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Features.Assessment;

namespace OpsConsole.Bench;

/// <summary>
/// Issue 12's target: a month's assessment for 600 staff through the use case (every source read, scored, ranked)
/// ≤ 1 s, and the monthly workbook. Last month of the demo center with its 60 days of history (tickets, ratings),
/// 600 staff and a month of punches for the staff the demo has none for; the demo's published month is reopened
/// so that it is computed.
/// </summary>
internal static class AssessmentBench
{
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

            await using var scope = app.Services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var dbFactory = sp.GetRequiredService<IDbContextFactory<OpsDbContext>>();
            var today = sp.GetRequiredService<OpsConsole.Features.Common.CenterClock>().Today;
            var month = YearMonth.Of(today).AddMonths(-1);
            var staff = await AttendanceBench.AddStaffAsync(dbFactory);
            var punched = (await (await dbFactory.CreateDbContextAsync()).Punches.Select(p => p.StaffId).Distinct().ToListAsync()).ToHashSet();
            var punches = await AttendanceBench.AddMonthOfPunchesAsync(dbFactory, staff.Where(s => !punched.Contains(s.Id)).ToList(), month);

            var months = sp.GetRequiredService<MonthAssessment>();
            var reopened = await months.ReopenAsync(month, "bench", staff[0].Id);
            if (!reopened.Succeeded) Console.Error.WriteLine("reopen: " + reopened.Error);
            await months.LoadAsync(month); // warm-up
            await using var db = await dbFactory.CreateDbContextAsync();
            var first = month.FirstDay;
            var last = month.LastDay;
            var tickets = await db.Set<OpsConsole.Domain.Queueing.Ticket>().CountAsync(t => t.ServiceDay >= first && t.ServiceDay <= last);
            var windows = await db.Windows.CountAsync();

            var sw = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var view = await months.LoadAsync(month);
            var computeTime = sw.Elapsed;
            var computeCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var lines = view.Scores.Staff.Values.Sum(s => s.Lines.Count) + view.Scores.Windows.Values.Sum(w => w.Lines.Count);

            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(true);
            sw.Restart();
            var workbook = sp.GetRequiredService<AssessmentWorkbook>();
            long size;
            await using (var file = File.Create(Path.Combine(dir, "assessment.xlsx")))
            {
                await workbook.WriteAsync(file, month);
                size = file.Length;
            }
            var workbookTime = sw.Elapsed;
            var allocated = GC.GetTotalAllocatedBytes(true) - before;

            Console.WriteLine($"| what | size | time | CPU | target |");
            Console.WriteLine($"|---|---|---|---|---|");
            Console.WriteLine($"| assess a month through the use case (LoadAsync of a draft) | {view.Scores.Staff.Count} staff, {view.Scores.Windows.Count} of {windows} windows scored, {punches.Count:N0} bench punches + the demo's, {tickets:N0} tickets, {lines:N0} lines | {computeTime.TotalMilliseconds:N0} ms | {computeCpu.TotalMilliseconds:N0} ms | ≤ 1 s |");
            Console.WriteLine($"| monthly workbook (computes the month again, then writes) | {size / 1024.0:N0} KB | {workbookTime.TotalMilliseconds:N0} ms | — | allocated {allocated / 1024 / 1024.0:N1} MB |");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }
}
