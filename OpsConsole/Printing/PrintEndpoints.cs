using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using OpsConsole.Auth;
using OpsConsole.Localization;

namespace OpsConsole.Printing;

/// <summary>Print views (HTML for the browser's print dialog) and PDF downloads.</summary>
public static class PrintEndpoints
{
    public static string GuideView(int id, GuideLayout layout) => $"/print/guides/{id}?layout={(layout == GuideLayout.TriFold ? "trifold" : "a4")}";
    public static string GuidePdf(int id, GuideLayout layout) => $"/print/guides/{id}/pdf?layout={(layout == GuideLayout.TriFold ? "trifold" : "a4")}";
    public static string JobPdf(string jobId) => $"/print/jobs/{jobId}/pdf";
    public static string CertificateView(int id) => $"/print/certificates/{id}";
    public static string CertificatePdf(int id) => $"/print/certificates/{id}/pdf";

    public static IEndpointRouteBuilder MapPrintEndpoints(this IEndpointRouteBuilder app)
    {
        var print = app.MapGroup("/print").RequireAuthorization(Policies.Manager);
        print.MapGet("/guides/{id:int}", GuideViewAsync);
        print.MapGet("/guides/{id:int}/pdf", GuidePdfAsync);
        print.MapGet("/jobs/{id}/pdf", JobPdfResult);
        print.MapGet("/certificates/{id:int}", CertificateViewAsync);
        print.MapGet("/certificates/{id:int}/pdf", CertificatePdfAsync);
        return app;
    }

    internal static string RequestBase(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    /// <summary>The bar above a print view (hidden when printed).</summary>
    internal static string Toolbar(IStringLocalizer L, string? pdfUrl, string backUrl)
    {
        var bar = new StringBuilder("<div class=\"print-toolbar\" data-testid=\"print-toolbar\">")
            .Append("<a href=\"").Append(WebUtility.HtmlEncode(backUrl)).Append("\">").Append(WebUtility.HtmlEncode(L["返回"])).Append("</a>")
            .Append("<button type=\"button\" onclick=\"window.print()\" data-testid=\"print-now\">").Append(WebUtility.HtmlEncode(L["打印"])).Append("</button>");
        if (pdfUrl is not null)
        {
            bar.Append("<a href=\"").Append(WebUtility.HtmlEncode(pdfUrl)).Append("\" data-testid=\"download-pdf\">").Append(WebUtility.HtmlEncode(L["下载 PDF"])).Append("</a>");
        }
        bar.Append("<span class=\"hint\">").Append(WebUtility.HtmlEncode(L["打印时请选择 A4 纸，边距“默认”，并勾选“背景图形”。"])).Append("</span></div>");
        return bar.ToString();
    }

    private static async Task<IResult> GuideViewAsync(int id, string? layout, HttpContext http, GuidePrinting guides, Printer printer, IStringLocalizer<SharedResource> L)
    {
        var item = await guides.ItemAsync(id, http.RequestAborted);
        if (item is null) return Results.NotFound();
        var kind = GuidePrinting.Parse(layout);
        var html = new StringWriter();
        await using (var doc = printer.Open(html))
        {
            await guides.WriteDocumentAsync(doc, item, kind, "/", RequestBase(http), Toolbar(L, GuidePdf(id, kind), $"/catalog/items/{id}"));
        }
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static async Task<IResult> GuidePdfAsync(int id, string? layout, HttpContext http, GuidePrinting guides, Printer printer, IStringLocalizer<SharedResource> L)
    {
        var item = await guides.ItemAsync(id, http.RequestAborted);
        if (item is null) return Results.NotFound();
        var kind = GuidePrinting.Parse(layout);
        var requestBase = RequestBase(http);
        try
        {
            var pdf = await printer.ToPdfFileAsync(doc => guides.WriteDocumentAsync(doc, item, kind, printer.FileAssetBase, requestBase),
                GuidePrinting.Pdf(kind), http.RequestAborted);
            var name = $"{item.Code}-{(kind == GuideLayout.TriFold ? L["三折页"] : L["办事指南"])}.pdf";
            return PdfFile(pdf, name);
        }
        catch (PrintUnavailableException ex)
        {
            return Unavailable(L, ex.Message, GuideView(id, kind));
        }
    }

    private static async Task<IResult> CertificateViewAsync(int id, HttpContext http, Features.Awards.CertificateDesk desk, CertificatePrinting printing,
        Printer printer, IStringLocalizer<SharedResource> L)
    {
        if (await desk.FindAsync(id, http.RequestAborted) is not { } certificate) return Results.NotFound();
        var html = new StringWriter();
        await using (var doc = printer.Open(html))
        {
            await printing.WriteDocumentAsync(doc, certificate, "/", RequestBase(http), Toolbar(L, CertificatePdf(id), "/awards/certificates"));
        }
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static async Task<IResult> CertificatePdfAsync(int id, HttpContext http, Features.Awards.CertificateDesk desk, CertificatePrinting printing,
        Printer printer, IStringLocalizer<SharedResource> L)
    {
        if (await desk.FindAsync(id, http.RequestAborted) is not { } certificate) return Results.NotFound();
        var requestBase = RequestBase(http);
        try
        {
            var pdf = await printer.ToPdfFileAsync(doc => printing.WriteDocumentAsync(doc, certificate, printer.FileAssetBase, requestBase),
                PdfLayout.LandscapePlain, http.RequestAborted);
            return PdfFile(pdf, $"{L["荣誉证书"]}-{certificate.Year}-{certificate.Kind}-{certificate.Sequence:000}.pdf");
        }
        catch (PrintUnavailableException ex)
        {
            return Unavailable(L, ex.Message, CertificateView(id));
        }
    }

    private static IResult JobPdfResult(string id, HttpContext http, PrintJobs jobs)
    {
        var job = jobs.Find(id, http.User.Identity?.Name ?? "");
        if (job is null || PrintJobs.PdfOf(job) is not { } path) return Results.NotFound();
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        return Results.File(stream, "application/pdf", job.FileName);
    }

    /// <summary>A temporary PDF sent once and deleted when the response ends.</summary>
    internal static IResult PdfFile(string path, string downloadName)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose);
        return Results.File(stream, "application/pdf", downloadName);
    }

    /// <summary>503 with the Chinese reason and a link to the print view (which does not need Chromium).</summary>
    internal static IResult Unavailable(IStringLocalizer L, string message, string viewUrl)
    {
        var html = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\" /><title>" + WebUtility.HtmlEncode(L["无法生成 PDF"]) + "</title></head>"
            + "<body style=\"font-family:'Noto Sans CJK SC',sans-serif;max-width:40rem;margin:3rem auto;line-height:1.6\">"
            + "<h1 style=\"font-size:1.3rem\">" + WebUtility.HtmlEncode(L["无法生成 PDF"]) + "</h1>"
            + "<p data-testid=\"print-error\">" + WebUtility.HtmlEncode(L[message]) + "</p>"
            + "<p><a href=\"" + WebUtility.HtmlEncode(viewUrl) + "\">" + WebUtility.HtmlEncode(L["打开打印视图"]) + "</a></p></body></html>";
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status503ServiceUnavailable);
    }
}
