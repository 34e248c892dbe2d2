using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Components.Printing;
using OpsConsole.Data;
using OpsConsole.Domain.Awards;

namespace OpsConsole.Printing;

/// <summary>Honor certificates as print documents: one, or every certificate of a year (and kind) as one batch.</summary>
public sealed class CertificatePrinting(IDbContextFactory<OpsDbContext> dbFactory, PublicLinks links, IOptions<PrintOptions> options, Printer printer)
{
    /// <summary>Certificates loaded per database round trip in a batch.</summary>
    public const int BatchChunk = 50;

    /// <summary>Certificates per Chromium print (one page each).</summary>
    private int PartsPerChunk => Math.Max(1, options.Value.BatchChunkPages);

    private string? Seal => string.IsNullOrWhiteSpace(options.Value.SealImagePath) ? null : options.Value.SealImagePath.TrimStart('/');

    public Task WriteOneAsync(PrintDocument doc, HonorCertificate certificate, string requestBase) =>
        doc.WriteAsync<CertificatePage>(new Dictionary<string, object?>
        {
            [nameof(CertificatePage.Certificate)] = certificate,
            [nameof(CertificatePage.VerifyUrl)] = links.Verify(certificate.VerifyCode, requestBase),
            [nameof(CertificatePage.SealSource)] = Seal,
        });

    public async Task WriteDocumentAsync(PrintDocument doc, HonorCertificate certificate, string assetBase, string requestBase, string? toolbar = null)
    {
        await doc.BeginAsync(certificate.Number, PaperLayout.A4Landscape, assetBase, toolbar);
        await WriteOneAsync(doc, certificate, requestBase);
        await doc.EndAsync();
    }

    /// <summary>Every certificate of <paramref name="year"/> (of one kind, and of one period when given) as one PDF; returns its path.</summary>
    public Task<string> PrintBatchAsync(int year, AwardKind? kind, string? period, string requestBase, IProgress<PrintProgress>? progress, CancellationToken ct) =>
        printer.BatchToPdfFileAsync(PaperLayout.A4Landscape, PdfLayout.LandscapePlain, PartsPerChunk,
            batch => WriteBatchAsync(batch, year, kind, period, requestBase, progress, ct), ct);

    /// <summary>The given certificates in the given order as one PDF; returns its path.</summary>
    public Task<string> PrintBatchAsync(string title, IReadOnlyList<int> certificateIds, string requestBase, IProgress<PrintProgress>? progress, CancellationToken ct) =>
        printer.BatchToPdfFileAsync(PaperLayout.A4Landscape, PdfLayout.LandscapePlain, PartsPerChunk,
            batch => WriteBatchAsync(batch, title, certificateIds, requestBase, progress, ct), ct);

    /// <summary>Every certificate of <paramref name="year"/> (of one kind, and of one period when given), revoked ones left out, in number order.</summary>
    public async Task WriteBatchAsync(PdfBatch batch, int year, AwardKind? kind, string? period, string requestBase,
        IProgress<PrintProgress>? progress, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.HonorCertificates.AsNoTracking().Where(c => c.Year == year && c.RevokedAt == null);
        if (kind is { } k) query = query.Where(c => c.Kind == k);
        if (!string.IsNullOrWhiteSpace(period)) query = query.Where(c => c.Period == period);
        var ids = await query.OrderBy(c => c.Kind).ThenBy(c => c.Sequence).Select(c => c.Id).ToListAsync(ct);
        await WriteBatchAsync(batch, $"certificates-{year}", ids, requestBase, progress, ct);
    }

    /// <summary>The given certificates in the given order (revoked ones left out), e.g. one confirmed award round's.</summary>
    public async Task WriteBatchAsync(PdfBatch batch, string title, IReadOnlyList<int> certificateIds, string requestBase,
        IProgress<PrintProgress>? progress, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var valid = (await db.HonorCertificates.AsNoTracking().Where(c => certificateIds.Contains(c.Id) && c.RevokedAt == null).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var ids = certificateIds.Where(valid.Contains).ToList();

        batch.Title = title;
        var done = 0;
        progress?.Report(new PrintProgress(0, ids.Count));
        foreach (var chunk in ids.Chunk(BatchChunk))
        {
            ct.ThrowIfCancellationRequested();
            var rows = await db.HonorCertificates.AsNoTracking().Where(c => chunk.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            foreach (var id in chunk)
            {
                ct.ThrowIfCancellationRequested();
                var certificate = rows[id];
                await batch.WriteAsync(doc => WriteOneAsync(doc, certificate, requestBase));
                progress?.Report(new PrintProgress(++done, ids.Count));
            }
        }
    }
}
