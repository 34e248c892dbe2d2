using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Attendance;

/// <summary>What admins see and change of the attendance setup: rule versions, schedules and the work calendar.</summary>
public sealed class AttendanceSettings(IDbContextFactory<OpsDbContext> dbFactory)
{
    public sealed record Overview(IReadOnlyList<AttendanceRuleSet> RuleSets, IReadOnlyList<WorkSchedule> Schedules,
        IReadOnlyDictionary<int, string> DepartmentNames, IReadOnlyList<CalendarEntry> Calendar);

    public async Task<Overview> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new Overview(
            await db.AttendanceRuleSets.AsNoTracking().OrderByDescending(r => r.Version).ToListAsync(ct),
            await db.WorkSchedules.AsNoTracking().OrderBy(s => s.DepartmentId.HasValue).ThenBy(s => s.Id).ToListAsync(ct),
            await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct),
            await db.CalendarEntries.AsNoTracking().OrderBy(e => e.Date).ToListAsync(ct));
    }

    /// <summary>
    /// Imports calendar lines (date,kind,name as WorkCalendarCsv reads them): all or nothing. A date already in the calendar takes the
    /// imported kind and name; other dates are kept.
    /// </summary>
    public async Task<(int Count, IReadOnlyList<CalendarCsvError> Errors, OpResult Result)> ImportCalendarAsync(string text, CancellationToken ct = default)
    {
        var parsed = WorkCalendarCsv.Parse(text ?? "");
        if (parsed.HasErrors) return (0, parsed.Errors, OpResult.Fail("日历文件有 {0} 行无法识别，未做任何修改。", parsed.Errors.Count));
        if (parsed.Entries.Count == 0) return (0, [], OpResult.Fail("没有可导入的日期。"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dates = parsed.Entries.Select(e => e.Date).ToList();
        var existing = await db.CalendarEntries.Where(e => dates.Contains(e.Date)).ToDictionaryAsync(e => e.Date, ct);
        foreach (var entry in parsed.Entries)
        {
            if (existing.TryGetValue(entry.Date, out var old)) old.Change(entry.Kind, entry.Name);
            else db.CalendarEntries.Add(entry);
        }
        await db.SaveChangesAsync(ct);
        return (parsed.Entries.Count, [], OpResult.Ok);
    }
}
