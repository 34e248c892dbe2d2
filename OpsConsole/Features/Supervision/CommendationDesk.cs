using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Common;
using OpsConsole.Domain.Supervision;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Supervision;

/// <summary>表扬: banners, letters and media praise for a window and/or person, each with its date and evidence file.</summary>
public sealed class CommendationDesk(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock)
{
    public sealed class Input
    {
        public CommendationKind Kind { get; set; } = CommendationKind.Banner;
        public DateTime? Date { get; set; }
        public int? WindowId { get; set; }
        public int? StaffId { get; set; }
        public string Description { get; set; } = "";
        public long? EvidenceFileId { get; set; }
    }

    public sealed record Row(long Id, CommendationKind Kind, DateOnly Date, int? WindowNumber, string? StaffName, string Description, long? EvidenceFileId, string RecordedBy);

    public async Task<IReadOnlyList<Row>> ListAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await db.Set<Commendation>().AsNoTracking().Where(c => c.Date >= from && c.Date <= to).ToListAsync(ct);
        var windows = await db.Windows.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Number, ct);
        var names = await db.Staff.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return list.OrderByDescending(c => c.Date).ThenByDescending(c => c.Id).Select(c => new Row(c.Id, c.Kind, c.Date,
            c.WindowId is { } w ? windows.GetValueOrDefault(w) : null, c.StaffId is { } s ? names.GetValueOrDefault(s) : null,
            c.Description, c.EvidenceFileId, names.GetValueOrDefault(c.RecordedBy, ""))).ToList();
    }

    public async Task<(long Id, OpResult Result)> RecordAsync(SupervisionActor actor, Input input)
    {
        if (!actor.IsManager || actor.StaffId is null) return (0, OpResult.Fail("只有关联了人员档案的中心管理人员可以登记表扬。"));
        var check = new InputCheck()
            .That(input.WindowId is not null || input.StaffId is not null, nameof(Input.WindowId), "请选择受表扬的窗口或工作人员。")
            .That(input.Date is not null, nameof(Input.Date), "请填写表扬日期。")
            .Required(nameof(Input.Description), "表扬内容", input.Description, Commendation.DescriptionMaxLength);
        if (!check.Ok) return (0, check.First);
        await using var db = await dbFactory.CreateDbContextAsync();
        if (input.WindowId is { } w && !await db.Windows.AnyAsync(x => x.Id == w)) return (0, OpResult.FailOn(nameof(Input.WindowId), "窗口不存在。"));
        if (input.StaffId is { } s && !await db.Staff.AnyAsync(x => x.Id == s)) return (0, OpResult.FailOn(nameof(Input.StaffId), "人员不存在。"));
        if (input.EvidenceFileId is { } f && !await db.Set<EvidenceFile>().AnyAsync(x => x.Id == f)) return (0, OpResult.Fail("证据文件不存在，请重新上传。"));
        try
        {
            var c = Commendation.Record(input.Kind, DateOnly.FromDateTime(input.Date!.Value), input.WindowId, input.StaffId, input.Description,
                input.EvidenceFileId, actor.StaffId.Value, clock.Now);
            db.Add(c);
            await db.SaveChangesAsync();
            return (c.Id, OpResult.Ok);
        }
        catch (DomainException ex)
        {
            return (0, OpResult.Fail(ex.Message == SupervisionErrors.FindingInFuture ? "表扬日期不能晚于今天。" : SupervisionMessages.Of(ex.Message)));
        }
    }
}
