using Microsoft.Extensions.Localization;
using OpsConsole.Auth;
using OpsConsole.Domain.Attendance;
using OpsConsole.Localization;

namespace OpsConsole.Printing;

/// <summary>The monthly bulletin (考核通报) of a published month: print view and PDF, for HR and managers.</summary>
public static class BulletinEndpoints
{
    public static string View(YearMonth month) => $"/print/bulletins/{month.Year}/{month.Month}";
    public static string Pdf(YearMonth month) => $"/print/bulletins/{month.Year}/{month.Month}/pdf";

    public static IEndpointRouteBuilder MapBulletinEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/print/bulletins").RequireAuthorization(Policies.HR);
        group.MapGet("/{year:int}/{month:int}", ViewAsync);
        group.MapGet("/{year:int}/{month:int}/pdf", PdfAsync);
        return app;
    }

    private static YearMonth? Month(int year, int month) => year is >= 2000 and <= 9999 && month is >= 1 and <= 12 ? new YearMonth(year, month) : null;

    private static async Task<IResult> ViewAsync(int year, int month, HttpContext http, BulletinPrinting bulletins, Printer printer, IStringLocalizer<SharedResource> L)
    {
        if (Month(year, month) is not { } m || await bulletins.LoadAsync(m, http.RequestAborted) is not { } model) return NotPublished(L);
        var html = new StringWriter();
        await using (var doc = printer.Open(html))
        {
            await bulletins.WriteDocumentAsync(doc, model, "/", PrintEndpoints.Toolbar(L, Pdf(m), "/awards/bulletins"));
        }
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static async Task<IResult> PdfAsync(int year, int month, HttpContext http, BulletinPrinting bulletins, Printer printer, IStringLocalizer<SharedResource> L)
    {
        if (Month(year, month) is not { } m || await bulletins.LoadAsync(m, http.RequestAborted) is not { } model) return NotPublished(L);
        try
        {
            var pdf = await printer.ToPdfFileAsync(doc => bulletins.WriteDocumentAsync(doc, model, printer.FileAssetBase), PdfLayout.Portrait, http.RequestAborted);
            return PrintEndpoints.PdfFile(pdf, $"{L["考核通报"]}-{m.Year}-{m.Month:00}.pdf");
        }
        catch (PrintUnavailableException ex)
        {
            return PrintEndpoints.Unavailable(L, ex.Message, View(m));
        }
    }

    private static IResult NotPublished(IStringLocalizer L) =>
        Results.Content("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\" /></head><body><p data-testid=\"print-error\">"
            + System.Net.WebUtility.HtmlEncode(L["该月考核尚未通报，不能生成考核通报。"]) + "</p></body></html>", "text/html; charset=utf-8",
            System.Text.Encoding.UTF8, StatusCodes.Status404NotFound);
}
