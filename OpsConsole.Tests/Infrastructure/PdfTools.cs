using System.Diagnostics;
using System.Text.RegularExpressions;

namespace OpsConsole.Tests.Infrastructure;

/// <summary>Reads PDFs with poppler-utils (pdfinfo, pdftotext, pdftoppm) and zbar-tools (zbarimg), as test.sh installs them.</summary>
public static partial class PdfTools
{
    public static async Task<int> PageCountAsync(string pdf)
    {
        var info = await RunAsync("pdfinfo", pdf);
        return int.Parse(PagesLine().Match(info).Groups[1].Value);
    }

    /// <summary>Text of the pages (first..last, 1-based; null: all).</summary>
    public static Task<string> TextAsync(string pdf, int? first = null, int? last = null)
    {
        var args = new List<string>();
        if (first is { } f) args.AddRange(["-f", f.ToString()]);
        if (last is { } l) args.AddRange(["-l", l.ToString()]);
        args.AddRange([pdf, "-"]);
        return RunAsync("pdftotext", [.. args]);
    }

    /// <summary>Page size in points of page 1, e.g. (595, 842) for A4 portrait.</summary>
    public static async Task<(int Width, int Height)> PageSizeAsync(string pdf)
    {
        var m = PageSizeLine().Match(await RunAsync("pdfinfo", pdf));
        return ((int)Math.Round(double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)),
            (int)Math.Round(double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Renders one page to PNG at <paramref name="dpi"/> and returns the file.</summary>
    public static async Task<string> PagePngAsync(string pdf, int page, int dpi, string outputStem)
    {
        await RunAsync("pdftoppm", "-f", page.ToString(), "-l", page.ToString(), "-r", dpi.ToString(), "-png", "-singlefile", pdf, outputStem);
        return outputStem + ".png";
    }

    /// <summary>The QR codes zbarimg finds on one page (rendered at 150 dpi).</summary>
    public static async Task<IReadOnlyList<string>> QrCodesAsync(string pdf, int page)
    {
        var png = await PagePngAsync(pdf, page, 150, Path.Combine(Path.GetTempPath(), "qr-" + Guid.NewGuid().ToString("N")));
        try
        {
            var output = await RunAsync("zbarimg", ["--quiet", "--raw", png], allowExit: [0, 4]);
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        finally
        {
            File.Delete(png);
        }
    }

    private static Task<string> RunAsync(string tool, params string[] args) => RunAsync(tool, args, [0]);

    private static async Task<string> RunAsync(string tool, string[] args, int[] allowExit)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (!allowExit.Contains(process.ExitCode))
            throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {await error} (install poppler-utils and zbar-tools; ./test.sh does)");
        return await output;
    }

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"Page size:\s+([\d.]+) x ([\d.]+)")]
    private static partial Regex PageSizeLine();
}
