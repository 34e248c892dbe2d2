using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Common;
using OpsConsole.Domain.Supervision;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Supervision;

/// <summary>
/// 投诉: managers record complaints from any channel against a window and/or staff member, investigate
/// with notes and evidence, and conclude each once. A decision is saved over the revision it was read
/// at, so when two managers decide at once the second is told and nothing is overwritten.
/// </summary>
public sealed class ComplaintDesk(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock, IWorkingDayCalendar calendar)
{
    public sealed class Input
    {
        public ComplaintChannel Channel { get; set; } = ComplaintChannel.Hotline12345;
        public string? ExternalNumber { get; set; }
        public DateTimeOffset? ReceivedAt { get; set; }
        public string ComplainantName { get; set; } = "";
        public string? ComplainantPhone { get; set; }
        public string Content { get; set; } = "";
        public int? WindowId { get; set; }
        public int? StaffId { get; set; }
        public int ReplyDays { get; set; } = Complaint.DefaultReplyDays;
    }

    public sealed record Row(long Id, ComplaintChannel Channel, string? ExternalNumber, DateTimeOffset ReceivedAt, string ComplainantName,
        string Content, int? WindowId, int? WindowNumber, int? StaffId, string? StaffName, string? Department, ComplaintState State,
        DateOnly ReplyDue, ComplaintVerdict? Verdict, bool IsVeto, bool ReplyOverdue, int Revision);

    public sealed record NoteRow(string Text, string Author, DateTimeOffset At, long? EvidenceFileId, string? EvidenceName);

    public sealed record Detail(Row Complaint, string? ComplainantPhone, string? Reply, DateTimeOffset? ConcludedAt, string? ConcludedBy, IReadOnlyList<NoteRow> Notes);

    public async Task<IReadOnlyList<Row>> ListAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var start = Start(from);
        var end = Start(to.AddDays(1));
        var complaints = await db.Set<Complaint>().AsNoTracking()
            .Where(c => (c.ReceivedAt >= start && c.ReceivedAt < end) || c.State != ComplaintState.Concluded).ToListAsync(ct);
        return await RowsAsync(db, complaints, ct);
    }

    public async Task<Detail?> DetailAsync(long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Set<Complaint>().AsNoTracking().Include(x => x.Notes).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var row = (await RowsAsync(db, [c], ct))[0];
        var people = c.Notes.Select(n => n.AuthorStaffId).Append(c.ConcludedBy ?? 0).Distinct().ToList();
        var names = await db.Staff.AsNoTracking().Where(s => people.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var fileIds = c.Notes.Where(n => n.EvidenceFileId != null).Select(n => n.EvidenceFileId!.Value).ToList();
        var files = await db.Set<EvidenceFile>().AsNoTracking().Where(f => fileIds.Contains(f.Id)).Select(f => new { f.Id, f.FileName }).ToDictionaryAsync(f => f.Id, f => f.FileName, ct);
        var notes = c.Notes.OrderBy(n => n.At).Select(n => new NoteRow(n.Text, names.GetValueOrDefault(n.AuthorStaffId, ""), clock.ToLocal(n.At), n.EvidenceFileId,
            n.EvidenceFileId is { } f ? files.GetValueOrDefault(f) : null)).ToList();
        return new Detail(row, c.ComplainantPhone, c.Reply, c.ConcludedAt is { } at ? clock.ToLocal(at) : null, c.ConcludedBy is { } by ? names.GetValueOrDefault(by) : null, notes);
    }

    public async Task<(long Id, OpResult Result)> RecordAsync(SupervisionActor actor, Input input)
    {
        if (!actor.IsManager || actor.StaffId is null) return (0, OpResult.Fail("只有关联了人员档案的中心管理人员可以登记投诉。"));
        var check = new InputCheck()
            .Required(nameof(Input.ComplainantName), "投诉人", input.ComplainantName, Complaint.NameMaxLength)
            .Optional(nameof(Input.ComplainantPhone), "联系电话", input.ComplainantPhone, Complaint.PhoneMaxLength)
            .Optional(nameof(Input.ExternalNumber), "工单号", input.ExternalNumber, 40)
            .Required(nameof(Input.Content), "投诉内容", input.Content, Complaint.ContentMaxLength)
            .That(input.WindowId is not null || input.StaffId is not null, nameof(Input.WindowId), "请选择被投诉的窗口或工作人员。")
            .Range(nameof(Input.ReplyDays), "答复期限（工作日）", input.ReplyDays, 1, 60);
        var now = clock.Now;
        var received = input.ReceivedAt is { } r ? clock.ToLocal(r) : now;
        check.That(received <= now, nameof(Input.ReceivedAt), "收到时间不能晚于现在。");
        if (!check.Ok) return (0, check.First);

        await using var db = await dbFactory.CreateDbContextAsync();
        int? department = null;
        if (input.WindowId is { } w)
        {
            var window = await db.Windows.AsNoTracking().FirstOrDefaultAsync(x => x.Id == w);
            if (window is null) return (0, OpResult.FailOn(nameof(Input.WindowId), "窗口不存在。"));
            department = window.DepartmentId;
        }
        if (input.StaffId is { } s)
        {
            var person = await db.Staff.AsNoTracking().FirstOrDefaultAsync(x => x.Id == s);
            if (person is null) return (0, OpResult.FailOn(nameof(Input.StaffId), "人员不存在。"));
            department ??= person.DepartmentId;
        }
        try
        {
            var complaint = Complaint.Record(input.Channel, input.ExternalNumber, received, input.ComplainantName, input.ComplainantPhone,
                input.Content, department, input.WindowId, input.StaffId, actor.StaffId.Value, calendar, input.ReplyDays);
            db.Add(complaint);
            await db.SaveChangesAsync();
            return (complaint.Id, OpResult.Ok);
        }
        catch (DomainException ex)
        {
            return (0, OpResult.Fail(SupervisionMessages.Of(ex.Message)));
        }
    }

    public Task<OpResult> AddNoteAsync(SupervisionActor actor, long id, int revision, string text, long? evidenceFileId) =>
        ChangeAsync(actor, id, revision, c => c.AddNote(text, actor.StaffId!.Value, clock.Now, evidenceFileId));

    public Task<OpResult> ConcludeAsync(SupervisionActor actor, long id, int revision, ComplaintVerdict verdict, string reply) =>
        ChangeAsync(actor, id, revision, c => c.Conclude(verdict, reply, actor.StaffId!.Value, clock.Now));

    private async Task<OpResult> ChangeAsync(SupervisionActor actor, long id, int revision, Action<Complaint> change)
    {
        if (!actor.IsManager || actor.StaffId is null) return OpResult.Fail("只有关联了人员档案的中心管理人员可以处理投诉。");
        await using var db = await dbFactory.CreateDbContextAsync();
        var c = await db.Set<Complaint>().Include(x => x.Notes).FirstOrDefaultAsync(x => x.Id == id);
        if (c is null) return OpResult.Fail("没有找到该投诉。");
        if (c.Revision != revision) return Stale(c);
        try
        {
            change(c);
            await db.SaveChangesAsync();
            return OpResult.Ok;
        }
        catch (DomainException ex)
        {
            return OpResult.Fail(SupervisionMessages.Of(ex.Message));
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync();
            var now = await fresh.Set<Complaint>().AsNoTracking().FirstAsync(x => x.Id == id);
            return Stale(now);
        }
    }

    private static OpResult Stale(Complaint now) => now.State == ComplaintState.Concluded
        ? OpResult.Fail("该投诉已由其他管理人员办结（结论：{0}），您的操作未保存。请刷新后查看。", SupervisionMessages.Verdict(now.Verdict!.Value))
        : OpResult.Fail("该投诉刚被其他管理人员更新，您的操作未保存。请刷新后重试。");

    private async Task<List<Row>> RowsAsync(OpsDbContext db, IReadOnlyList<Complaint> complaints, CancellationToken ct)
    {
        var today = clock.Today;
        var windows = await db.Windows.AsNoTracking().ToDictionaryAsync(w => w.Id, ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var staffIds = complaints.Where(c => c.StaffId != null).Select(c => c.StaffId!.Value).Distinct().ToList();
        var staff = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return complaints.OrderByDescending(c => c.ReceivedAt).Select(c => new Row(c.Id, c.Channel, c.ExternalNumber, clock.ToLocal(c.ReceivedAt), c.ComplainantName,
            c.Content, c.WindowId, c.WindowId is { } w ? windows.GetValueOrDefault(w)?.Number : null, c.StaffId,
            c.StaffId is { } s ? staff.GetValueOrDefault(s) : null, c.DepartmentId is { } d ? departments.GetValueOrDefault(d) : null,
            c.State, c.ReplyDue, c.Verdict, c.IsVeto, c.IsReplyOverdue(today), c.Revision)).ToList();
    }

    private DateTimeOffset Start(DateOnly day) =>
        new(day.ToDateTime(TimeOnly.MinValue), clock.TimeZone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)));
}
