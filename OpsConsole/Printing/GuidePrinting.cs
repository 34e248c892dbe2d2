using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Components.Printing;
using OpsConsole.Data;
using OpsConsole.Domain.Catalog;
using OpsConsole.Features.Common;

namespace OpsConsole.Printing;

/// <summary>Guide layouts.</summary>
public enum GuideLayout { A4, TriFold }

/// <summary>Service guides (办事指南) as print documents: one item, or a batch per department or for the center.</summary>
public sealed class GuidePrinting(IDbContextFactory<OpsDbContext> dbFactory, PublicLinks links, CenterClock clock, Printer printer, IOptions<PrintOptions> options)
{
    /// <summary>Items loaded per database round trip in a batch.</summary>
    public const int BatchChunk = 20;

    public static PaperLayout Paper(GuideLayout layout) => layout == GuideLayout.TriFold ? PaperLayout.A4Landscape : PaperLayout.A4Portrait;

    public static PdfLayout Pdf(GuideLayout layout) => layout == GuideLayout.TriFold ? PdfLayout.LandscapePlain : PdfLayout.Portrait;

    public static GuideLayout Parse(string? layout) =>
        string.Equals(layout, "trifold", StringComparison.OrdinalIgnoreCase) ? GuideLayout.TriFold : GuideLayout.A4;

    public async Task<ServiceItem?> ItemAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ServiceItems.AsNoTracking().Include(i => i.Department).FirstOrDefaultAsync(i => i.Id == id, ct);
    }

    /// <summary>An active item by its code, for the public guide page.</summary>
    public async Task<ServiceItem?> PublicItemAsync(string code, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ServiceItems.AsNoTracking().Include(i => i.Department).FirstOrDefaultAsync(i => i.Code == code && i.Active, ct);
    }

    public async Task<string> CenterNameAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Centers.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
    }

    /// <summary>Writes one item's guide (the document must have begun).</summary>
    public async Task WriteItemAsync(PrintDocument doc, ServiceItem item, GuideLayout layout, string centerName, string requestBase)
    {
        var url = links.Guide(item.Code, requestBase);
        if (layout == GuideLayout.TriFold)
        {
            await doc.WriteAsync<GuideTriFold>(new Dictionary<string, object?>
            {
                [nameof(GuideTriFold.Item)] = item, [nameof(GuideTriFold.GuideUrl)] = url, [nameof(GuideTriFold.CenterName)] = centerName,
            });
        }
        else
        {
            await doc.WriteAsync<GuideA4>(new Dictionary<string, object?>
            {
                [nameof(GuideA4.Item)] = item, [nameof(GuideA4.GuideUrl)] = url, [nameof(GuideA4.CenterName)] = centerName,
                [nameof(GuideA4.PrintedOn)] = clock.Today,
            });
        }
    }

    /// <summary>Writes a whole single-item document.</summary>
    public async Task WriteDocumentAsync(PrintDocument doc, ServiceItem item, GuideLayout layout, string assetBase, string requestBase, string? toolbar = null)
    {
        var center = await CenterNameAsync();
        await doc.BeginAsync(item.Name + " · 办事指南", Paper(layout), assetBase, toolbar);
        await WriteItemAsync(doc, item, layout, center, requestBase);
        await doc.EndAsync();
    }

    /// <summary>
    /// A batch as one PDF (ADR 0045), printed <see cref="PrintOptions.BatchChunkPages"/> pages at a time
    /// (a guide counts as two pages: the tri-fold has exactly two, an A4 guide one to three); returns its path.
    /// </summary>
    public Task<string> PrintBatchAsync(int? departmentId, GuideLayout layout, string requestBase, IProgress<PrintProgress>? progress, CancellationToken ct) =>
        printer.BatchToPdfFileAsync(Paper(layout), Pdf(layout), Math.Max(1, options.Value.BatchChunkPages / 2),
            batch => WriteBatchAsync(batch, departmentId, layout, requestBase, progress, ct), ct);

    /// <summary>
    /// Writes a batch: cover and contents (A4 only), then each active item of the department
    /// (null: the whole center), loaded <see cref="BatchChunk"/> at a time and written at once.
    /// </summary>
    public async Task WriteBatchAsync(PdfBatch batch, int? departmentId, GuideLayout layout, string requestBase,
        IProgress<PrintProgress>? progress, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.ServiceItems.AsNoTracking().Where(i => i.Active);
        if (departmentId is { } d) query = query.Where(i => i.DepartmentId == d);
        var ids = await query.OrderBy(i => i.Department!.SortOrder).ThenBy(i => i.Code).Select(i => i.Id).ToListAsync(ct);
        var center = await CenterNameAsync(ct);
        var scope = departmentId is { } dep
            ? await db.Departments.Where(x => x.Id == dep).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? ""
            : "";

        batch.Title = string.IsNullOrEmpty(scope) ? "guides" : scope;
        if (layout == GuideLayout.A4)
        {
            var entries = new List<BatchCover.Entry>(ids.Count);
            foreach (var chunk in ids.Chunk(BatchChunk))
            {
                var items = await db.ServiceItems.AsNoTracking().Include(i => i.Department).Where(i => chunk.Contains(i.Id)).ToListAsync(ct);
                entries.AddRange(chunk.Select(id => items.First(i => i.Id == id))
                    .Select(i => new BatchCover.Entry(i.Code, i.Name, i.Department?.ShortName ?? "", GuideCompleteness.Missing(i).Count)));
            }
            await batch.WriteAsync(doc => doc.WriteAsync<BatchCover>(new Dictionary<string, object?>
            {
                [nameof(BatchCover.Items)] = entries, [nameof(BatchCover.Scope)] = scope, [nameof(BatchCover.CenterName)] = center,
                [nameof(BatchCover.PrintedOn)] = clock.Today,
            }));
        }

        var done = 0;
        progress?.Report(new PrintProgress(0, ids.Count));
        foreach (var chunk in ids.Chunk(BatchChunk))
        {
            ct.ThrowIfCancellationRequested();
            var items = await db.ServiceItems.AsNoTracking().Include(i => i.Department).Where(i => chunk.Contains(i.Id)).ToListAsync(ct);
            foreach (var id in chunk)
            {
                ct.ThrowIfCancellationRequested();
                var item = items.First(i => i.Id == id);
                await batch.WriteAsync(doc => WriteItemAsync(doc, item, layout, center, requestBase));
                progress?.Report(new PrintProgress(++done, ids.Count));
            }
            db.ChangeTracker.Clear();
        }
    }
}

/// <summary>How far a batch has come: parts written of the total.</summary>
public readonly record struct PrintProgress(int Done, int Total);
