using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace OpsConsole.Exports;

/// <summary>Sends a workbook as a download: built in full before the status line goes out, so a failure is a 500 and not half a file.</summary>
public static class XlsxDownload
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <param name="fileName">The Chinese name (filename*); <paramref name="asciiFileName"/> is for clients that ignore it.</param>
    public static async Task<IResult> ResultAsync(HttpContext http, Func<Stream, CancellationToken, Task> write, string fileName, string asciiFileName)
    {
        // Large workbooks spill to a temporary file instead of memory.
        var buffer = new FileBufferingWriteStream();
        http.Response.RegisterForDisposeAsync(buffer);
        await write(buffer, http.RequestAborted);
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = asciiFileName,
            FileNameStar = fileName,
        }.ToString();
        return Results.Stream(body => buffer.DrainBufferAsync(body, http.RequestAborted), ContentType);
    }
}
