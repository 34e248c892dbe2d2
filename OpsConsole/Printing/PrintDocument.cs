using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace OpsConsole.Printing;

/// <summary>Paper of a print document.</summary>
public enum PaperLayout { A4Portrait, A4Landscape }

/// <summary>
/// Writes one print document (a full HTML page with the print CSS and the app's fonts) part by
/// part: each part is a Razor component rendered with <see cref="HtmlRenderer"/> and written out
/// at once, so a batch never holds more than one part's HTML (ADR 0027).
/// </summary>
public sealed class PrintDocument : IAsyncDisposable
{
    private readonly AsyncServiceScope scope;
    private readonly HtmlRenderer renderer;
    private readonly TextWriter output;

    internal PrintDocument(IServiceProvider services, ILoggerFactory loggers, TextWriter output)
    {
        scope = services.CreateAsyncScope();
        renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        this.output = output;
    }

    /// <summary>Writes the head: <paramref name="assetBase"/> is "/" in the browser or the web root's file:// address for Chromium.</summary>
    public async Task BeginAsync(string title, PaperLayout paper, string assetBase, string? toolbarHtml = null)
    {
        var size = paper == PaperLayout.A4Landscape ? "A4 landscape" : "A4";
        var margin = paper == PaperLayout.A4Landscape ? "0" : "18mm 16mm 18mm 16mm";
        var head = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\" />")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />")
            .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>")
            .Append("<base href=\"").Append(WebUtility.HtmlEncode(assetBase)).Append("\" />")
            .Append("<link rel=\"stylesheet\" href=\"lib/fonts/noto-sans-sc/noto-sans-sc.css\" />")
            .Append("<link rel=\"stylesheet\" href=\"lib/fonts/noto-serif-sc/noto-serif-sc.css\" />")
            .Append("<link rel=\"stylesheet\" href=\"css/print.css\" />")
            .Append("<style>@page { size: ").Append(size).Append("; margin: ").Append(margin).Append("; }</style>")
            .Append("</head><body class=\"print-doc ").Append(paper == PaperLayout.A4Landscape ? "paper-landscape" : "paper-portrait").Append("\">\n");
        if (toolbarHtml is not null) head.Append(toolbarHtml);
        await output.WriteAsync(head.ToString());
    }

    /// <summary>Renders one part and writes it out.</summary>
    public async Task WriteAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var root = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return root.ToHtmlString();
        });
        await output.WriteAsync(html);
        await output.WriteAsync('\n');
    }

    public async Task EndAsync()
    {
        await output.WriteAsync("</body></html>\n");
        await output.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await renderer.DisposeAsync();
        await scope.DisposeAsync();
    }
}

/// <summary>Makes print documents: HTML for the browser's print view, PDF through <see cref="ChromiumPdf"/>.</summary>
public sealed class Printer(IServiceProvider services, ILoggerFactory loggers, IWebHostEnvironment env, ChromiumPdf chromium)
{
    /// <summary>Opens a document over <paramref name="output"/>.</summary>
    public PrintDocument Open(TextWriter output) => new(services, loggers, output);

    /// <summary>The web root as a file:// base, so Chromium loads the fonts and CSS from disk.</summary>
    public string FileAssetBase
    {
        get
        {
            var root = env.WebRootPath ?? Path.Combine(env.ContentRootPath, "wwwroot");
            return new Uri(Path.GetFullPath(root).TrimEnd('/') + "/").AbsoluteUri;
        }
    }

    /// <summary>
    /// A batch printed in chunks of <paramref name="partsPerChunk"/> parts and merged into one PDF (ADR 0045):
    /// <paramref name="write"/> writes the parts; returns the merged PDF's path (the caller deletes it).
    /// Temporary files are deleted whatever happens.
    /// </summary>
    public async Task<string> BatchToPdfFileAsync(PaperLayout paper, PdfLayout layout, int partsPerChunk, Func<PdfBatch, Task> write, CancellationToken ct)
    {
        await using var batch = new PdfBatch(this, chromium, paper, layout, partsPerChunk, FileAssetBase, ct);
        await write(batch);
        return await batch.FinishAsync();
    }

    /// <summary>
    /// Writes a document to a temporary HTML file with <paramref name="write"/>, prints it once to a
    /// temporary PDF and returns the PDF's path (the caller deletes it). The HTML file is deleted.
    /// </summary>
    public async Task<string> ToPdfFileAsync(Func<PrintDocument, Task> write, PdfLayout layout, CancellationToken ct)
    {
        var stem = Path.Combine(Path.GetTempPath(), "opsconsole-print-" + Guid.NewGuid().ToString("N"));
        var html = stem + ".html";
        var pdf = stem + ".pdf";
        try
        {
            await using (var file = new StreamWriter(html, false, new UTF8Encoding(false), 1 << 16))
            await using (var doc = Open(file))
            {
                await write(doc);
            }
            ct.ThrowIfCancellationRequested();
            await chromium.PrintAsync(html, pdf, layout, ct);
            return pdf;
        }
        catch
        {
            File.Delete(pdf);
            throw;
        }
        finally
        {
            File.Delete(html);
        }
    }
}
