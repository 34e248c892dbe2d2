using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Common;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Supervision;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Supervision;

/// <summary>
/// 巡查: a manager walking the hall records findings (window, staff, type with its points, time, note,
/// photo) and may correct or withdraw them within a day. A window that was closed at the time is refused:
/// open means someone was signed in then, served a ticket around then, or was on the roster for that half-day.
/// </summary>
public sealed class InspectionDesk(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock)
{
    /// <summary>A ticket served this close to the time shows the window was open.</summary>
    public static readonly TimeSpan ServiceMargin = TimeSpan.FromMinutes(15);

    public sealed record WindowChoice(int Id, int Number, string Name, string? Department, int? StaffId, string? StaffName, bool OpenNow);
    public sealed record StaffChoice(int Id, string EmployeeNo, string Name);
    public sealed record Row(long Id, DateTimeOffset ObservedAt, int WindowId, int WindowNumber, int? StaffId, string? StaffName, string TypeName,
        decimal Points, string? Note, long? PhotoFileId, string RecordedBy, DateTimeOffset RecordedAt, FindingState State, string? WithdrawReason, bool Editable);

    public sealed class Input
    {
        public int? WindowId { get; set; }
        public int? StaffId { get; set; }
        public int? FindingTypeId { get; set; }
        public DateTimeOffset? ObservedAt { get; set; }
        public string? Note { get; set; }
        public long? PhotoFileId { get; set; }
    }

    public async Task<IReadOnlyList<FindingType>> TypesAsync(bool activeOnly = true, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureDefaultTypesAsync(db, ct);
        return await db.Set<FindingType>().AsNoTracking().Where(t => !activeOnly || t.Active).OrderBy(t => t.Code).ToListAsync(ct);
    }

    /// <summary>A center without any finding type starts with the usual list (脱岗, 玩手机…); the unique code keeps this idempotent.</summary>
    public static async Task EnsureDefaultTypesAsync(OpsDbContext db, CancellationToken ct = default)
    {
        if (await db.Set<FindingType>().AnyAsync(ct)) return;
        db.AddRange(FindingType.Defaults());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another circuit added them at the same moment.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Adds (id 0) or changes a finding type; the points of findings already recorded stay as they were.</summary>
    public async Task<OpResult> SaveTypeAsync(SupervisionActor actor, int id, string code, string name, decimal points, bool active)
    {
        if (!actor.IsManager) return OpResult.Fail("只有中心管理人员可以设置巡查问题类型。");
        await using var db = await dbFactory.CreateDbContextAsync();
        try
        {
            if (id == 0)
            {
                var trimmed = code?.Trim() ?? "";
                if (await db.Set<FindingType>().AnyAsync(t => t.Code == trimmed)) return OpResult.FailOn("Code", "编码 {0} 已被使用。", trimmed);
                db.Add(new FindingType(trimmed, name, points));
            }
            else
            {
                var type = await db.Set<FindingType>().FirstOrDefaultAsync(t => t.Id == id);
                if (type is null) return OpResult.Fail("该记录已被删除，请刷新后重试。");
                type.Change(name, points, active);
            }
            await db.SaveChangesAsync();
            return OpResult.Ok;
        }
        catch (DomainException ex)
        {
            return OpResult.Fail(SupervisionMessages.Of(ex.Message));
        }
    }

    /// <summary>Active windows with who is there now (signed in, else on the roster for this half-day).</summary>
    public async Task<IReadOnlyList<WindowChoice>> WindowsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.Now;
        var half = HalfOf(now);
        var today = clock.Today;
        var sessions = await db.Set<WindowSession>().AsNoTracking().Where(s => s.State != WindowState.Closed).ToDictionaryAsync(s => s.WindowId, s => s.StaffId, ct);
        var roster = await db.Set<RosterEntry>().AsNoTracking().Where(r => r.Day == today && r.HalfDay == half).ToDictionaryAsync(r => r.WindowId, r => r.StaffId, ct);
        var names = await db.Staff.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return (await db.Windows.AsNoTracking().Include(w => w.Department).Where(w => w.Active).OrderBy(w => w.Number).ToListAsync(ct))
            .Select(w =>
            {
                var open = sessions.TryGetValue(w.Id, out var signedIn);
                var staff = open ? signedIn : roster.TryGetValue(w.Id, out var rostered) ? rostered : null;
                return new WindowChoice(w.Id, w.Number, w.Name, w.Department?.ShortName is { Length: > 0 } sn ? sn : w.Department?.Name, staff,
                    staff is { } s ? names.GetValueOrDefault(s) : null, open);
            }).ToList();
    }

    public async Task<IReadOnlyList<StaffChoice>> StaffAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Staff.AsNoTracking().Where(s => s.Active).OrderBy(s => s.EmployeeNo).Select(s => new StaffChoice(s.Id, s.EmployeeNo, s.Name)).ToListAsync(ct);
    }

    public async Task<(long Id, OpResult Result)> RecordAsync(SupervisionActor actor, Input input)
    {
        if (!actor.IsManager || actor.StaffId is null) return (0, OpResult.Fail("只有关联了人员档案的中心管理人员可以记录巡查。"));
        var check = new InputCheck()
            .That(input.WindowId is > 0, nameof(Input.WindowId), "请选择窗口。")
            .That(input.FindingTypeId is > 0, nameof(Input.FindingTypeId), "请选择问题类型。")
            .Optional(nameof(Input.Note), "说明", input.Note, InspectionFinding.NoteMaxLength);
        if (!check.Ok) return (0, check.First);
        var now = clock.Now;
        var observed = input.ObservedAt is { } o ? clock.ToLocal(o) : now;
        await using var db = await dbFactory.CreateDbContextAsync();
        var type = await db.Set<FindingType>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == input.FindingTypeId);
        if (type is null || !type.Active) return (0, OpResult.FailOn(nameof(Input.FindingTypeId), "问题类型不存在或已停用。"));
        if (!await db.Windows.AnyAsync(w => w.Id == input.WindowId && w.Active)) return (0, OpResult.FailOn(nameof(Input.WindowId), "窗口不存在或已停用。"));
        if (input.StaffId is { } s && !await db.Staff.AnyAsync(x => x.Id == s)) return (0, OpResult.FailOn(nameof(Input.StaffId), "人员不存在。"));
        if (input.PhotoFileId is { } p && !await db.Set<EvidenceFile>().AnyAsync(f => f.Id == p)) return (0, OpResult.Fail("照片不存在，请重新上传。"));
        try
        {
            var open = await WindowWasOpenAsync(db, input.WindowId!.Value, observed);
            var finding = InspectionFinding.Record(input.WindowId!.Value, input.StaffId, type, observed, input.Note, input.PhotoFileId, actor.StaffId.Value, now, open);
            db.Add(finding);
            await db.SaveChangesAsync();
            return (finding.Id, OpResult.Ok);
        }
        catch (DomainException ex)
        {
            return (0, OpResult.Fail(SupervisionMessages.Of(ex.Message)));
        }
    }

    public Task<OpResult> CorrectAsync(SupervisionActor actor, long id, int findingTypeId, string? note) =>
        ChangeAsync(actor, id, async (db, f) =>
        {
            var type = await db.Set<FindingType>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == findingTypeId && t.Active);
            if (type is null) return OpResult.Fail("问题类型不存在或已停用。");
            f.Correct(type, note, clock.Now);
            return OpResult.Ok;
        });

    public Task<OpResult> WithdrawAsync(SupervisionActor actor, long id, string reason) =>
        ChangeAsync(actor, id, (_, f) =>
        {
            f.Withdraw(reason, clock.Now);
            return Task.FromResult(OpResult.Ok);
        });

    /// <summary>Findings observed on the days from <paramref name="from"/> to <paramref name="to"/>, newest first.</summary>
    public async Task<IReadOnlyList<Row>> ListAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var start = Start(from);
        var end = Start(to.AddDays(1));
        var findings = await db.Set<InspectionFinding>().AsNoTracking().Where(f => f.ObservedAt >= start && f.ObservedAt < end).ToListAsync(ct);
        var windows = await db.Windows.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Number, ct);
        var names = await db.Staff.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var now = clock.Now;
        return findings.OrderByDescending(f => f.ObservedAt).Select(f => new Row(f.Id, clock.ToLocal(f.ObservedAt), f.WindowId, windows.GetValueOrDefault(f.WindowId),
            f.StaffId, f.StaffId is { } s ? names.GetValueOrDefault(s) : null, f.TypeName, f.Points, f.Note, f.PhotoFileId,
            names.GetValueOrDefault(f.RecordedBy, ""), clock.ToLocal(f.RecordedAt), f.State, f.WithdrawReason,
            f.State == FindingState.Active && now - f.RecordedAt <= InspectionFinding.CorrectionWindow)).ToList();
    }

    /// <summary>Whether anyone was at the window at <paramref name="at"/>: signed in since before it, serving a ticket around it, or rostered for its half-day.</summary>
    public static async Task<bool> WindowWasOpenAsync(OpsDbContext db, int windowId, DateTimeOffset at)
    {
        if (await db.Set<WindowSession>().AnyAsync(s => s.WindowId == windowId && s.State != WindowState.Closed && s.SignedInAt <= at)) return true;
        var before = at - ServiceMargin;
        var after = at + ServiceMargin;
        if (await db.Set<Ticket>().AnyAsync(t => t.WindowId == windowId && t.FirstCalledAt <= after && t.CompletedAt >= before)) return true;
        var day = DateOnly.FromDateTime(at.DateTime);
        var half = HalfOf(at);
        return await db.Set<RosterEntry>().AnyAsync(r => r.WindowId == windowId && r.Day == day && r.HalfDay == half);
    }

    private async Task<OpResult> ChangeAsync(SupervisionActor actor, long id, Func<OpsDbContext, InspectionFinding, Task<OpResult>> change)
    {
        if (!actor.IsManager) return OpResult.Fail("只有中心管理人员可以更正或撤回巡查记录。");
        await using var db = await dbFactory.CreateDbContextAsync();
        var finding = await db.Set<InspectionFinding>().FirstOrDefaultAsync(f => f.Id == id);
        if (finding is null) return OpResult.Fail("没有找到该巡查记录。");
        try
        {
            var result = await change(db, finding);
            if (result.Succeeded) await db.SaveChangesAsync();
            return result;
        }
        catch (DomainException ex)
        {
            return OpResult.Fail(SupervisionMessages.Of(ex.Message));
        }
    }

    private static HalfDay HalfOf(DateTimeOffset localTime) => localTime.Hour < 12 ? HalfDay.Morning : HalfDay.Afternoon;

    private DateTimeOffset Start(DateOnly day) =>
        new(day.ToDateTime(TimeOnly.MinValue), clock.TimeZone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)));
}
