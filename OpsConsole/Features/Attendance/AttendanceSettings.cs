using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Common;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Attendance;

/// <summary>
/// What admins see and change of the attendance setup: rule versions, schedules and the work calendar. Rules and
/// schedules change from a month on (never a month already past); the calendar is data and can be corrected any time.
/// </summary>
public sealed class AttendanceSettings(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock, HolidayCalendar holidays)
{
    public sealed record Overview(IReadOnlyList<AttendanceRuleSet> RuleSets, IReadOnlyList<WorkSchedule> Schedules,
        IReadOnlyDictionary<int, string> DepartmentNames, IReadOnlyList<CalendarEntry> Calendar, YearMonth CurrentMonth);

    /// <summary>Domain refusals as admins read them.</summary>
    private static readonly Dictionary<string, string> Messages = new()
    {
        ["attendance.rules.effective-in-past"] = "生效月份不能早于本月：已过去的月份始终按当时的规则计算。",
        ["attendance.rules.thresholds-out-of-order"] = "分钟阈值必须由小到大排列，且不能为负数。",
        ["attendance.rules.negative"] = "扣分、扣分上限和补卡次数不能为负数。",
        ["attendance.rules.name-too-long"] = "版本名称不能超过 60 个字符。",
        ["attendance.schedule.effective-in-past"] = "生效月份不能早于本月：已过去的月份始终按当时的作息计算。",
        ["attendance.schedule.ended"] = "该作息已停用，不能再修改。",
        ["attendance.schedule.kind-fixed"] = "季节性作息与全年作息不能互相转换，请另行新增。",
        ["attendance.schedule.center-default-required"] = "全中心全年作息不能停用，只能修改。",
        ["attendance.schedule.duplicate-all-year"] = "同一适用范围在同一时间只能有一个全年作息。",
        ["attendance.schedule.seasons-overlap"] = "同一适用范围的季节性作息日期不能重叠。",
        ["attendance.schedule.windows-overlap"] = "四个打卡时段必须按时间先后排列，且互不重叠。",
        ["attendance.schedule.on-time-outside-window"] = "规定时间必须在有效打卡时段之内。",
        ["attendance.schedule.whole-minutes"] = "时间只能精确到分钟。",
        ["attendance.schedule.name-invalid"] = "请填写作息名称（最多 40 个字符）。",
        ["attendance.schedule.season-invalid"] = "季节起止日期无效。",
        ["attendance.schedule.validity-invalid"] = "生效期间无效，请刷新后重试。",
        ["attendance.calendar.name-too-long"] = "名称不能超过 40 个字符。",
        ["attendance.calendar.kind-invalid"] = "请选择放假或上班。",
    };

    private static OpResult Refusal(DomainException e) =>
        OpResult.Fail(Messages.GetValueOrDefault(e.Message, "设置无效，未做任何修改。"));

    public YearMonth CurrentMonth => YearMonth.Of(clock.Today);

    public async Task<Overview> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new Overview(
            await db.AttendanceRuleSets.AsNoTracking().OrderByDescending(r => r.Version).ToListAsync(ct),
            (await db.WorkSchedules.AsNoTracking().ToListAsync(ct))
                .OrderBy(s => s.DepartmentId.HasValue).ThenBy(s => s.DepartmentId).ThenBy(s => s.IsSeasonal)
                .ThenBy(s => s.ValidFrom ?? DateOnly.MinValue).ThenBy(s => s.Id).ToList(),
            await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct),
            await db.CalendarEntries.AsNoTracking().OrderBy(e => e.Date).ToListAsync(ct),
            CurrentMonth);
    }

    /// <summary>Publishes the next rule version, in force from <paramref name="from"/> (this month or later).</summary>
    public async Task<OpResult> PublishRulesAsync(AttendanceRuleValues rules, YearMonth from, string? name, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.AttendanceRuleSets.AsNoTracking().ToListAsync(ct);
        AttendanceRuleSet published;
        try
        {
            published = AttendanceRuleSet.Publish(existing, rules, from, CurrentMonth, name ?? "");
        }
        catch (DomainException e)
        {
            return Refusal(e);
        }
        db.AttendanceRuleSets.Add(published);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return OpResult.Fail("另一位管理员刚刚发布了新版本，请刷新后重试。"); // the unique version index
        }
        return OpResult.Notice("已发布第 {0} 版，自 {1}年{2}月起生效。", published.Version, from.Year, from.Month);
    }

    /// <summary>
    /// Adds a schedule (<paramref name="scheduleId"/> null) or changes one, from <paramref name="from"/> on. The result must
    /// still resolve: one all-year schedule per scope at a time, seasons of a scope not overlapping.
    /// </summary>
    public async Task<OpResult> SaveScheduleAsync(int? scheduleId, int? departmentId, ScheduleForm form, YearMonth from, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var all = await db.WorkSchedules.ToListAsync(ct);
        try
        {
            var draft = form.ToDraft();
            if (scheduleId is { } id)
            {
                var current = all.FirstOrDefault(s => s.Id == id);
                if (current is null) return OpResult.Fail("该记录已被删除，请刷新后重试。");
                if (ScheduleChanges.Revise(current, draft, from, CurrentMonth) is { } successor)
                {
                    all.Add(successor);
                    db.WorkSchedules.Add(successor);
                }
            }
            else
            {
                if (departmentId is { } d && !await db.Departments.AnyAsync(x => x.Id == d, ct)) return OpResult.Fail("部门不存在。");
                var added = ScheduleChanges.Add(draft, departmentId, from, CurrentMonth);
                all.Add(added);
                db.WorkSchedules.Add(added);
            }
            _ = new ScheduleResolver(all);
        }
        catch (DomainException e)
        {
            return Refusal(e);
        }
        if (await SaveSchedulesAsync(db, ct) is { } raced) return raced;
        return OpResult.Notice("作息已保存，自 {0}年{1}月起生效。", from.Year, from.Month);
    }

    /// <summary>Takes a department override or a seasonal variant out of force from <paramref name="from"/> on.</summary>
    public async Task<OpResult> RetireScheduleAsync(int scheduleId, YearMonth from, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var schedule = await db.WorkSchedules.FirstOrDefaultAsync(s => s.Id == scheduleId, ct);
        if (schedule is null) return OpResult.Fail("该记录已被删除，请刷新后重试。");
        try
        {
            if (ScheduleChanges.Retire(schedule, from, CurrentMonth)) db.WorkSchedules.Remove(schedule);
        }
        catch (DomainException e)
        {
            return Refusal(e);
        }
        if (await SaveSchedulesAsync(db, ct) is { } raced) return raced;
        return OpResult.Notice("作息自 {0}年{1}月起停用。", from.Year, from.Month);
    }

    /// <summary>Two admins closing the same schedule at once: the second finds its end already set and saves nothing.</summary>
    private static async Task<OpResult?> SaveSchedulesAsync(OpsDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return OpResult.Fail("作息刚被其他管理员修改，未做任何修改，请刷新后重试。");
        }
    }

    /// <summary>Marks one day as a holiday or a worked weekend day (or changes its name).</summary>
    public async Task<OpResult> SetCalendarDayAsync(DateOnly date, CalendarEntryKind kind, string? name, CancellationToken ct = default)
    {
        if (date == default) return OpResult.FailOn("Date", "请选择日期。");
        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (kind == CalendarEntryKind.Workday && !weekend) return OpResult.FailOn("Kind", "{0} 本来就是工作日，只有周末可以调为上班。", date.ToString("yyyy-MM-dd"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.CalendarEntries.FirstOrDefaultAsync(e => e.Date == date, ct);
        try
        {
            if (entry is null) db.CalendarEntries.Add(new CalendarEntry(date, kind, name ?? ""));
            else entry.Change(kind, name ?? "");
        }
        catch (DomainException e)
        {
            return Refusal(e);
        }
        return await SaveCalendarAsync(db, ct);
    }

    /// <summary>Another admin adding the same date meanwhile trips the unique date index: nothing is saved.</summary>
    private async Task<OpResult> SaveCalendarAsync(OpsDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return OpResult.Fail("日历刚被其他管理员修改，未做任何修改，请刷新后重试。");
        }
        finally
        {
            holidays.Invalidate();
        }
        return OpResult.Ok;
    }

    /// <summary>Removes a day's entry: the day follows the weekday rule again.</summary>
    public async Task<OpResult> RemoveCalendarDayAsync(DateOnly date, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.CalendarEntries.FirstOrDefaultAsync(e => e.Date == date, ct);
        if (entry is null) return OpResult.Fail("该记录已被删除，请刷新后重试。");
        db.CalendarEntries.Remove(entry);
        return await SaveCalendarAsync(db, ct);
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
        var saved = await SaveCalendarAsync(db, ct);
        return (saved.Succeeded ? parsed.Entries.Count : 0, [], saved);
    }
}

/// <summary>The schedule editor's fields, bound by the page; <see cref="ToDraft"/> checks them through the domain.</summary>
public sealed class ScheduleForm
{
    public string Name { get; set; } = "";
    public bool Seasonal { get; set; }
    public int StartMonth { get; set; } = 5;
    public int StartDay { get; set; } = 1;
    public int EndMonth { get; set; } = 9;
    public int EndDay { get; set; } = 30;
    /// <summary>Per slot (morning in, morning out, afternoon in, afternoon out): on-time bound, window start, window end.</summary>
    public TimeOnly[][] Slots { get; set; } = [new TimeOnly[3], new TimeOnly[3], new TimeOnly[3], new TimeOnly[3]];

    public static ScheduleForm From(WorkSchedule s)
    {
        var season = s.Season ?? AnnualDateRange.Summer;
        return new ScheduleForm
        {
            Name = s.Name,
            Seasonal = s.IsSeasonal,
            StartMonth = season.StartMonth, StartDay = season.StartDay, EndMonth = season.EndMonth, EndDay = season.EndDay,
            Slots = PunchSlots.All.Select(slot => s.Window(slot)).Select(w => new[] { w.OnTime, w.AcceptFrom, w.AcceptTo }).ToArray(),
        };
    }

    /// <exception cref="DomainException">A window or season the domain refuses.</exception>
    public ScheduleDraft ToDraft()
    {
        var w = Slots.Select(t => new PunchWindow(t[0], t[1], t[2])).ToArray();
        return new ScheduleDraft(Name, Seasonal ? new AnnualDateRange(StartMonth, StartDay, EndMonth, EndDay) : null, w[0], w[1], w[2], w[3]);
    }
}
