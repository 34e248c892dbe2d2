using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Assessment;
using OpsConsole.Domain.Attendance;
using OpsConsole.Features.Assessment;
using OpsConsole.Features.Common;

namespace OpsConsole.Data.Seeding;

/// <summary>
/// The demo center's assessment: last month with manual items, an appeal upheld and publication (its scores stored);
/// this month a draft with a manual item. Runs through the use cases, after the demo history.
/// </summary>
public static class DemoAssessment
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var clock = sp.GetRequiredService<CenterClock>();
        var months = sp.GetRequiredService<MonthAssessment>();
        await using var db = await sp.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync(ct);
        var ids = await db.Staff.AsNoTracking().Where(s => s.EmployeeNo == "BJ0001" || s.EmployeeNo == "BJ0003" || s.EmployeeNo == "BJ0004")
            .ToDictionaryAsync(s => s.EmployeeNo, s => s.Id, ct);
        if (ids.Count < 3) return;
        var windowStaff = await db.Staff.AsNoTracking().Where(s => s.DepartmentId != null && s.Active).OrderBy(s => s.EmployeeNo).Select(s => s.Id).Take(6).ToListAsync(ct);
        if (windowStaff.Count < 3) return;
        var (manager, hr) = (ids["BJ0003"], ids["BJ0004"]);

        var last = YearMonth.Of(clock.Today).AddMonths(-1);
        await months.AddManualItemAsync(ItemCodes.CommendationBanner, ItemSubject.Staff, windowStaff[0], last.FirstDay.AddDays(9), null,
            "锦旗照片（办事群众赠送）", "帮助老人当场办结不动产登记", manager, ct);
        await months.AddManualItemAsync(ItemCodes.CommendationLetter, ItemSubject.Staff, windowStaff[1], last.FirstDay.AddDays(14), null,
            "表扬信扫描件", "耐心解答社保转移问题", manager, ct);
        await months.AddManualItemAsync(ItemCodes.InspectionPrefix + "off-post", ItemSubject.Staff, windowStaff[2], last.FirstDay.AddDays(19), -2m,
            "巡查记录 10:20 窗口无人", "脱岗", manager, ct);
        await months.OpenForAppealAsync(last, hr, ct);
        var view = await months.LoadAsync(last, ct);
        var appealed = view.Scores.Staff.Values.Where(s => s.Lines.Any(l => l.ItemCode == ItemCodes.Attendance)).OrderBy(s => s.SubjectId).FirstOrDefault();
        if (appealed is not null)
        {
            var line = appealed.Lines.First(l => l.ItemCode == ItemCodes.Attendance);
            var appeals = sp.GetRequiredService<AssessmentAppeals>();
            await appeals.FileAsync(last, appealed.SubjectId, line.ItemCode, line.SourceType, line.SourceId, "当日考勤机故障，已向中心报备", ct: ct);
            var appeal = await db.AssessmentAppeals.AsNoTracking().OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
            if (appeal is not null) await appeals.DecideAsync(appeal.Id, true, null, "考勤机故障记录属实", manager, ct);
        }
        await months.PublishAsync(last, null, hr, ct);

        await months.AddManualItemAsync(ItemCodes.CommendationLetter, ItemSubject.Staff, windowStaff[0], clock.Today, null,
            "表扬信扫描件", "主动延时服务", manager, ct);
    }
}
