using Microsoft.Extensions.Localization;
using OpsConsole.Auth;
using OpsConsole.Components.Printing;
using OpsConsole.Features.Queueing;
using OpsConsole.Localization;

namespace OpsConsole.Printing;

/// <summary>The 一次性告知单 issued at a counter: its print view and PDF, for window staff (ADR 0027's pipeline).</summary>
public static class NoticePrintEndpoints
{
    public static string View(int id) => $"/print/notices/{id}";
    public static string Pdf(int id) => $"/print/notices/{id}/pdf";

    public static IEndpointRouteBuilder MapNoticePrintEndpoints(this IEndpointRouteBuilder app)
    {
        var notices = app.MapGroup("/print/notices").RequireAuthorization(Policies.Counter);
        notices.MapGet("/{id:int}", ViewAsync);
        notices.MapGet("/{id:int}/pdf", PdfAsync);
        return app;
    }

    private static async Task WriteAsync(PrintDocument doc, MaterialNotices.PrintedNotice notice, string assetBase, string? toolbar)
    {
        await doc.BeginAsync(notice.Notice.ItemName + " · 一次性告知单", PaperLayout.A4Portrait, assetBase, toolbar);
        await doc.WriteAsync<MissingMaterialsNoticePage>(new Dictionary<string, object?> { [nameof(MissingMaterialsNoticePage.Notice)] = notice });
        await doc.EndAsync();
    }

    private static async Task<IResult> ViewAsync(int id, HttpContext http, MaterialNotices notices, Printer printer, IStringLocalizer<SharedResource> L)
    {
        if (await notices.FindAsync(id, http.RequestAborted) is not { } notice) return Results.NotFound();
        var html = new StringWriter();
        await using (var doc = printer.Open(html))
        {
            await WriteAsync(doc, notice, "/", PrintEndpoints.Toolbar(L, Pdf(id), "/counter"));
        }
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static async Task<IResult> PdfAsync(int id, HttpContext http, MaterialNotices notices, Printer printer, IStringLocalizer<SharedResource> L)
    {
        if (await notices.FindAsync(id, http.RequestAborted) is not { } notice) return Results.NotFound();
        try
        {
            var pdf = await printer.ToPdfFileAsync(doc => WriteAsync(doc, notice, printer.FileAssetBase, null), PdfLayout.Portrait, http.RequestAborted);
            return PrintEndpoints.PdfFile(pdf, $"{L["一次性告知单"]}-{notice.Notice.DocumentNumber}.pdf");
        }
        catch (PrintUnavailableException ex)
        {
            return PrintEndpoints.Unavailable(L, ex.Message, View(id));
        }
    }
}
