using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Data;
using OpsConsole.Domain.Assessment;
using OpsConsole.Domain.Attendance;
using OpsConsole.Features.Assessment;
using OpsConsole.Features.Attendance;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Assessment;

/// <summary>
/// The whole center's month (loaded once for everyone, what the 考勤汇总表 and the assessment read) gives every person
/// exactly what their own month gives (我的考勤, loaded for that person alone), on the demo center's seeded months
/// (60 days of punches, leave, official trips and make-ups); and the assessment's attendance lines are those lines.
/// Clock pinned to Monday 23 November 2026: October is whole, November runs to yesterday.
/// </summary>
public sealed class AttendanceSourceTests
{
    private static readonly YearMonth October = new(2026, 10);
    private static readonly YearMonth November = new(2026, 11);

    [Fact]
    public async Task TheCentersMonthGivesEveryPersonTheLinesOfTheirOwnMonth()
    {
        var clock = TestClock.MondayMorning();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock))) { SeedHistory = true };
        _ = app.Server;
        await using var scope = app.Services.CreateAsyncScope();
        var attendance = scope.ServiceProvider.GetRequiredService<AttendanceMonths>();

        foreach (var month in new[] { October, November })
        {
            var grid = await attendance.GridAsync(month, null);
            Assert.True(grid.Rows.Count >= 10, $"{month}: {grid.Rows.Count} people");
            Assert.True(grid.Rows.Sum(r => r.Attendance.Lines.Count) >= 20, $"{month}: too few lines to compare");
            Assert.Contains(grid.Rows, r => r.Attendance.Totals.LeaveHalfDays > 0);
            Assert.Contains(grid.Rows, r => r.Attendance.Totals.OfficialAbsenceHalfDays > 0);
            foreach (var row in grid.Rows)
            {
                var own = (await attendance.ForStaffAsync(row.Staff.Id, month))!.Attendance;
                Assert.Equal(own.Lines, row.Attendance.Lines);
                Assert.Equal(own.Totals, row.Attendance.Totals);
                Assert.Equal((own.GrossDeduction, own.Deduction), (row.Attendance.GrossDeduction, row.Attendance.Deduction));
                Assert.Equal(own.Days.Select(Marks), row.Attendance.Days.Select(Marks));
                Assert.Equal(own.UnusedPunches.Select(u => (u.Punch.Id, u.Reason)), row.Attendance.UnusedPunches.Select(u => (u.Punch.Id, u.Reason)));
            }
        }

        // The assessment's draft month: each assessed person's attendance lines are their own month's lines.
        var draft = await scope.ServiceProvider.GetRequiredService<MonthAssessment>().LoadAsync(November);
        Assert.False(draft.Stored);
        var compared = 0;
        foreach (var (staffId, score) in draft.Scores.Staff)
        {
            var own = (await attendance.ForStaffAsync(staffId, November))!.Attendance;
            var lines = score.Lines.Where(l => l.ItemCode == ItemCodes.Attendance).ToList();
            // The scorer orders a day's lines by source; compare them in one order.
            Assert.Equal(own.Lines.Select(l => (l.Date, l.Explanation, -l.Points)).Order(),
                lines.Select(l => (l.Date!.Value, l.Description, l.SourcePoints)).Order());
            Assert.Equal(own.Lines.Where(l => l.PunchId is not null).Select(l => l.PunchId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal),
                lines.Where(l => l.SourceType == "punch").Select(l => l.SourceId).Order(StringComparer.Ordinal));
            compared += lines.Count;
        }
        Assert.True(compared >= 10, $"only {compared} attendance lines compared");
    }

    private static string Marks(DayAttendance day) => day.Morning.Symbol + day.Afternoon.Symbol;
}
