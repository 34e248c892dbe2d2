using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Data;
using OpsConsole.Domain.Supervision;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Supervision;

/// <summary>Limits of evidence uploads (section "Evidence").</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Evidence";
    /// <summary>Largest file accepted, in bytes. Default 5 MB (a phone photo).</summary>
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;
    /// <summary>The kinds accepted. Default: JPEG, PNG, WebP and PDF.</summary>
    public List<EvidenceKind> AllowedKinds { get; set; } = [EvidenceKind.Jpeg, EvidenceKind.Png, EvidenceKind.Webp, EvidenceKind.Pdf];
}

/// <summary>
/// Evidence files (photos, PDFs) kept in the database (ADR 0025): the kind is sniffed from the bytes and
/// must be allowed, the size is capped while reading, and files are served only with their sniffed type.
/// </summary>
public sealed class EvidenceStore(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock, IOptions<EvidenceOptions> options)
{
    public sealed record Saved(long Id, string FileName, EvidenceKind Kind, long Length);
    public sealed record Stored(string FileName, EvidenceKind Kind, byte[] Content, int? UploadedByStaffId);

    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>"5 MB": the limit as the user reads it.</summary>
    public string MaxSizeText => options.Value.MaxBytes >= 1024 * 1024
        ? $"{options.Value.MaxBytes / (1024.0 * 1024.0):0.#} MB" : $"{options.Value.MaxBytes / 1024.0:0.#} KB";

    /// <summary>Reads at most one byte past the limit, sniffs the kind and keeps the file; the error is the message a user sees.</summary>
    public async Task<(Saved? File, OpResult Result)> SaveAsync(Stream content, string fileName, SupervisionActor actor, CancellationToken ct = default)
    {
        var limit = options.Value.MaxBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit) return (null, OpResult.Fail("文件过大：证据文件不能超过 {0}。", MaxSizeText));
        }
        if (buffer.Length == 0) return (null, OpResult.Fail("文件是空的，请重新选择。"));
        var bytes = buffer.ToArray();
        var kind = EvidenceKinds.Sniff(bytes);
        if (kind is null || !options.Value.AllowedKinds.Contains(kind.Value))
            return (null, OpResult.Fail("文件类型不支持：只能上传 {0} 格式的照片或文件（按文件内容识别，改扩展名无效）。", AllowedText));

        var file = EvidenceFile.Create(fileName, kind.Value, bytes, actor.UserName, actor.StaffId, clock.Now);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Add(file);
        await db.SaveChangesAsync(ct);
        return (new Saved(file.Id, file.FileName, file.Kind, file.Length), OpResult.Ok);
    }

    public string AllowedText => string.Join("、", options.Value.AllowedKinds.Select(k => k switch
    {
        EvidenceKind.Jpeg => "JPG", EvidenceKind.Png => "PNG", EvidenceKind.Webp => "WebP", _ => "PDF",
    }));

    /// <summary>A stored file, if the actor may see it: office roles see every file; others the files they uploaded or that belong to their own or their department's records.</summary>
    public async Task<Stored?> ReadAsync(long id, SupervisionActor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var file = await db.Set<EvidenceFile>().AsNoTracking().Where(f => f.Id == id)
            .Select(f => new Stored(f.FileName, f.Kind, f.Content, f.UploadedByStaffId)).FirstOrDefaultAsync(ct);
        if (file is null) return null;
        if (actor.IsOffice) return file;
        if (actor.StaffId is not { } me) return null;
        if (file.UploadedByStaffId == me) return file;
        var scope = RectificationScope.For(actor);
        var ofMine = await scope.Apply(db.Set<Domain.Queueing.Rectification>().AsNoTracking(), db)
            .AnyAsync(r => r.EvidenceFileId == id, ct);
        // An assessment appeal's evidence: also the chief representative of the appellant's department (issue 12).
        if (!ofMine && actor is { IsChief: true, DepartmentId: { } department })
            ofMine = await db.AssessmentAppeals.AsNoTracking().AnyAsync(a => a.EvidenceFileId == id
                && db.Staff.Any(s => s.Id == a.StaffId && s.DepartmentId == department), ct);
        return ofMine ? file : null;
    }

    /// <summary>The label of a stored file (name, kind, size) for lists; no content.</summary>
    public async Task<Saved?> DescribeAsync(long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<EvidenceFile>().AsNoTracking().Where(f => f.Id == id)
            .Select(f => new Saved(f.Id, f.FileName, f.Kind, f.Length)).FirstOrDefaultAsync(ct);
    }
}
