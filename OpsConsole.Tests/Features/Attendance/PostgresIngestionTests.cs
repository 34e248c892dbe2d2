using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Data;
using OpsConsole.Data.Seeding;
using OpsConsole.Domain.Attendance;
using OpsConsole.Features.Attendance;
using OpsConsole.Features.Attendance.Import;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Attendance;

/// <summary>The same ingestion on PostgreSQL: bulk-inserted punches and raw rows read back as EF wrote them.</summary>
public sealed class PostgresIngestionTests
{
    [PostgresFact]
    public async Task ImportUploadAndScoringWorkOnPostgres()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new OpsApp(db);
        _ = app.Server;
        await using var scope = app.Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<PunchFileImport>();
        var day = ExportCorpus.Day(95);
        var file = ExportCorpus.Gb(ExportCorpus.MessyCsv("BJ0097", day));

        var (first, _) = await import.CommitAsync("messy.csv", file, "BJ0004");
        var (second, _) = await import.CommitAsync("messy.csv", file, "BJ0004");
        Assert.Equal(4, first!.Imported);
        Assert.Equal(0, second!.Imported + second.OutsideWindows);

        var client = HttpSignIn.NewClient(app);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DemoDevices.ClockToken);
        var t = day.AddHours(8).AddMinutes(47);
        var body = $$"""[{"terminalEventId":"PG-1","employeeNo":"BJ0097","time":"{{t:yyyy-MM-ddTHH:mm:ss}}+08:00","terminalId":"KQ-01","method":"人脸"}]""";
        for (var i = 0; i < 2; i++)
        {
            var response = await client.PostAsync("/api/attendance/punches", new StringContent(body, Encoding.UTF8, "application/json"));
            var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(i == 0 ? 1 : 0, answer.GetProperty("accepted").GetInt32());
        }

        await using var ctx = app.CreateDbContext();
        var staffId = await ctx.Staff.Where(s => s.EmployeeNo == "BJ0097").Select(s => s.Id).SingleAsync();
        var raws = await ctx.RawPunches.Where(r => r.ImportId == first.Id).OrderBy(r => r.RowNumber).ToListAsync();
        Assert.Equal(11, raws.Count);
        Assert.Equal(RawPunchOutcome.UnknownEmployee, raws.Single(r => r.RowNumber == 7).Outcome);
        Assert.NotNull(raws.Single(r => r.RowNumber == 2).PunchId);
        var months = scope.ServiceProvider.GetRequiredService<AttendanceMonths>();
        var month = (await months.ForStaffAsync(staffId, YearMonth.Of(DateOnly.FromDateTime(day))))!;
        Assert.Contains(month.Attendance.Day(DateOnly.FromDateTime(day)).Punches, p => p.Time == day.AddHours(13).AddMinutes(51));
        Assert.Contains(month.Attendance.Day(DateOnly.FromDateTime(t)).Punches, p => p.Time == t);
    }
}
