using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace OpsConsole.Printing;

/// <summary>
/// A batch PDF printed in chunks (ADR 0045): parts (a certificate, a guide, the cover) are written into
/// the current chunk's HTML file; when a chunk holds <see cref="PartsPerChunk"/> parts it is printed by the
/// pooled Chromium to a PDF of its own and a new chunk begins. <see cref="FinishAsync"/> imports the chunks'
/// pages into one PDF with PDFsharp (Chromium's embedded fonts and vector QR codes are kept as they are).
/// Chromium therefore never lays out more than one chunk, whatever the batch's size.
/// Page numbers "第 x 页 共 y 页" run through the whole batch: the chunks are printed without Chromium's
/// footer, and once the total is known Chromium prints that many blank pages with its footer, whose pages
/// are laid under the merged pages (stamped; PDFsharp draws no text of its own).
/// </summary>
public sealed class PdfBatch : IAsyncDisposable
{
    private readonly Printer printer;
    private readonly ChromiumPdf chromium;
    private readonly PaperLayout paper;
    private readonly PdfLayout layout;
    private readonly string assetBase;
    private readonly CancellationToken ct;
    private readonly string stem = Path.Combine(Path.GetTempPath(), "opsconsole-batch-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> chunks = [];
    private readonly List<string> temporary = [];
    private StreamWriter? file;
    private PrintDocument? doc;
    private string? html;
    private int parts;

    internal PdfBatch(Printer printer, ChromiumPdf chromium, PaperLayout paper, PdfLayout layout, int partsPerChunk, string assetBase, CancellationToken ct)
    {
        this.printer = printer;
        this.chromium = chromium;
        this.paper = paper;
        this.layout = layout;
        this.assetBase = assetBase;
        this.ct = ct;
        PartsPerChunk = Math.Max(1, partsPerChunk);
    }

    /// <summary>The documents' title (HTML title, the merged PDF's title).</summary>
    public string Title { get; set; } = "";

    /// <summary>Parts printed by one Chromium print.</summary>
    public int PartsPerChunk { get; }

    /// <summary>Chunks printed so far (for tests and the bench).</summary>
    public int ChunksPrinted => chunks.Count;

    /// <summary>Writes one part (one or more Razor components) into the current chunk; prints the chunk when it is full.</summary>
    public async Task WriteAsync(Func<PrintDocument, Task> part)
    {
        ct.ThrowIfCancellationRequested();
        if (doc is null) await OpenChunkAsync();
        await part(doc!);
        if (++parts >= PartsPerChunk) await PrintChunkAsync(layout with { PageNumbers = false });
    }

    /// <summary>Prints what is left and merges the chunks into one PDF; returns its path (the caller deletes it).</summary>
    public async Task<string> FinishAsync()
    {
        ct.ThrowIfCancellationRequested();
        var result = stem + ".pdf";
        if (chunks.Count == 0)
        {
            // One chunk in all: Chromium prints it as before, its own footer numbering the pages.
            if (doc is null) await OpenChunkAsync();
            await PrintChunkAsync(layout);
            File.Move(chunks[0], result);
            temporary.Remove(chunks[0]);
            return result;
        }
        if (doc is not null) await PrintChunkAsync(layout with { PageNumbers = false });

        temporary.Add(result);
        using (var merged = new PdfDocument())
        {
            merged.Info.Title = Title;
            merged.Info.Creator = "OpsConsole";
            foreach (var chunk in chunks)
            {
                ct.ThrowIfCancellationRequested();
                using (var part = PdfReader.Open(chunk, PdfDocumentOpenMode.Import))
                {
                    for (var i = 0; i < part.PageCount; i++) merged.AddPage(part.Pages[i]);
                }
                File.Delete(chunk);
            }
            if (layout.PageNumbers) await StampPageNumbersAsync(merged);
            ct.ThrowIfCancellationRequested();
            merged.Save(result);
        }
        temporary.Remove(result);
        return result;
    }

    /// <summary>
    /// Chromium prints <c>merged.PageCount</c> blank pages of the same paper with its footer ("第 x 页 共 y 页",
    /// y the batch's total); each is laid under the merged page of the same number.
    /// </summary>
    private async Task StampPageNumbersAsync(PdfDocument merged)
    {
        var total = merged.PageCount;
        var sheetHtml = stem + "-numbers.html";
        var sheetPdf = stem + "-numbers.pdf";
        temporary.Add(sheetHtml);
        temporary.Add(sheetPdf);
        await using (var writer = new StreamWriter(sheetHtml, false, new UTF8Encoding(false), 1 << 16))
        {
            var size = paper == PaperLayout.A4Landscape ? "A4 landscape" : "A4";
            var margin = paper == PaperLayout.A4Landscape ? "0" : "18mm 16mm 18mm 16mm";
            await writer.WriteAsync($"<!DOCTYPE html><html><head><meta charset=\"utf-8\" /><style>@page {{ size: {size}; margin: {margin}; }} body {{ margin: 0; }} div {{ height: 1px; break-after: page; }} div:last-child {{ break-after: auto; }}</style></head><body>");
            for (var i = 0; i < total; i++) await writer.WriteAsync("<div></div>");
            await writer.WriteAsync("</body></html>");
        }
        await chromium.PrintAsync(sheetHtml, sheetPdf, layout with { PageNumbers = true }, ct, background: false);
        File.Delete(sheetHtml);

        using var numbers = XPdfForm.FromFile(sheetPdf);
        if (numbers.PageCount != total)
            throw new InvalidOperationException($"The page-number sheet has {numbers.PageCount} pages for {total} pages.");
        for (var i = 0; i < total; i++)
        {
            if (i % 50 == 0) ct.ThrowIfCancellationRequested();
            numbers.PageNumber = i + 1;
            using var gfx = XGraphics.FromPdfPage(merged.Pages[i], XGraphicsPdfPageOptions.Prepend);
            gfx.DrawImage(numbers, 0, 0);
        }
    }

    private async Task OpenChunkAsync()
    {
        html = $"{stem}-{chunks.Count + 1:0000}.html";
        temporary.Add(html);
        file = new StreamWriter(html, false, new UTF8Encoding(false), 1 << 16);
        doc = printer.Open(file);
        parts = 0;
        await doc.BeginAsync(Title, paper, assetBase);
    }

    private async Task PrintChunkAsync(PdfLayout chunkLayout)
    {
        await doc!.EndAsync();
        await CloseChunkAsync();
        ct.ThrowIfCancellationRequested();
        var pdf = $"{stem}-{chunks.Count + 1:0000}.pdf";
        temporary.Add(pdf);
        await chromium.PrintAsync(html!, pdf, chunkLayout, ct);
        File.Delete(html!);
        chunks.Add(pdf);
    }

    private async Task CloseChunkAsync()
    {
        if (doc is not null) await doc.DisposeAsync();
        if (file is not null) await file.DisposeAsync();
        doc = null;
        file = null;
    }

    /// <summary>Deletes every temporary file left (the result excepted once returned).</summary>
    public async ValueTask DisposeAsync()
    {
        await CloseChunkAsync();
        foreach (var path in temporary)
        {
            try { File.Delete(path); } catch (IOException) { }
        }
    }
}
