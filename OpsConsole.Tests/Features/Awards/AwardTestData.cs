using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Assessment;
using OpsConsole.Domain.Attendance;

namespace OpsConsole.Tests.Features.Awards;

/// <summary>
/// Published months with stored scores, as publication leaves them (ADR 0030): the third quarter of 2026, which the
/// demo seed does not publish. Six windows of the demo center with known totals, one vetoed in August, one below 95,
/// and the people of their departments.
/// </summary>
public sealed class AwardTestData
{
    public static readonly YearMonth[] ThirdQuarter = [new(2026, 7), new(2026, 8), new(2026, 9)];

    /// <summary>Window totals per month (July, August, September), best first by the quarter's average.</summary>
    public static readonly decimal[][] WindowTotals =
    [
        [99.5m, 99m, 100m],  // 99.5
        [99m, 98.5m, 99.5m], // 99
        [100m, 90m, 100m],   // 96.67, red card in August: vetoed
        [98m, 98m, 98m],     // 98
        [97m, 96m, 98m],     // 97
        [94m, 95m, 93m],     // 94: below the minimum
    ];

    public IReadOnlyList<(int Id, string Name, int DepartmentId)> Windows { get; private init; } = [];
    public IReadOnlyList<(int Id, string Name, int DepartmentId)> Staff { get; private init; } = [];

    public (int Id, string Name, int DepartmentId) Vetoed => Windows[2];

    public static async Task<AwardTestData> PublishThirdQuarterAsync(OpsDbContext db)
    {
        var windows = (await db.Windows.AsNoTracking().Where(w => w.DepartmentId != null && w.Active).OrderBy(w => w.Number).ToListAsync())
            .Take(WindowTotals.Length).Select(w => (w.Id, w.Name, w.DepartmentId!.Value)).ToList();
        var departments = windows.Select(w => w.Item3).Distinct().ToList();
        var staff = (await db.Staff.AsNoTracking().Where(s => s.Active && s.DepartmentId != null && departments.Contains(s.DepartmentId.Value))
            .OrderBy(s => s.EmployeeNo).ToListAsync()).Select(s => (s.Id, s.Name, s.DepartmentId!.Value)).ToList();
        var actor = await db.Staff.Where(s => s.EmployeeNo == "BJ0004").Select(s => s.Id).SingleAsync();

        for (var m = 0; m < ThirdQuarter.Length; m++)
        {
            var month = ThirdQuarter[m];
            var at = new DateTimeOffset(month.LastDay.AddDays(5).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
            var record = new AssessmentMonth(month, at);
            record.Publish(at, 0, null, actor);
            db.AssessmentMonths.Add(record);
            await db.SaveChangesAsync();
            for (var w = 0; w < windows.Count; w++)
            {
                var total = WindowTotals[w][m];
                var veto = w == 2 && m == 1;
                IReadOnlyList<ScoreLine> lines = veto
                    ? [new ScoreLine(ItemCodes.RedCard, "红牌", month.FirstDay.AddDays(11), "card", "1", "办件超期", -5m, -5m, LineNote.None, null, true)]
                    : [];
                db.AssessmentScores.Add(new AssessmentScoreRecord(record.Id, record.Version,
                    new SubjectScore(ItemSubject.Window, windows[w].Id, total + (veto ? 5 : 0), lines, total, veto, false), windows[w].Item3, 0));
            }
            for (var s = 0; s < staff.Count; s++)
            {
                var total = 100m - s % 4 * 0.5m;
                db.AssessmentScores.Add(new AssessmentScoreRecord(record.Id, record.Version,
                    new SubjectScore(ItemSubject.Staff, staff[s].Id, 100m, total < 100 ? [new ScoreLine(ItemCodes.Attendance, "迟到", month.FirstDay.AddDays(2),
                        "attendance", $"{s}", "迟到 5 分钟", total - 100, total - 100, LineNote.None, null, false)] : [], total, false, false), staff[s].Item3, 20));
            }
            await db.SaveChangesAsync();
        }
        return new AwardTestData { Windows = windows, Staff = staff };
    }
}
