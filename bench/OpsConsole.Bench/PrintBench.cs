using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Awards;
using OpsConsole.Features.Awards;
using OpsConsole.Printing;

namespace OpsConsole.Bench;

/// <summary>
/// PDFs through the pooled Chromium: certificates per second into one batch PDF (warm browser) at three batch
/// sizes, with the peak memory of this process and of Chromium's processes; the tri-fold batch for every item.
/// </summary>
internal static class PrintBench
{
    public static async Task<List<QueueBench.Row>> RunAsync(int[]? sizes = null)
    {
        sizes ??= [50, 200, 800];
        var rows = new List<QueueBench.Row>();
        await using var host = await BenchHost.StartAsync("Sqlite", webRoot: FindWebRoot());
        var services = host.App.Services;
        await using (var scope = services.CreateAsyncScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<CertificateDesk>();
            for (var i = 1; i <= 5; i++)
            {
                var (result, _) = await desk.IssueAsync(new CertificateRequest
                {
                    Kind = (AwardKind)(i % 5), HolderName = $"第{i}号窗口", Period = "2027年第一季度", Year = 2027,
                }, "bench");
                if (!result.Succeeded) throw new InvalidOperationException(result.Error);
            }
        }

        // Warm the browser (launch, fonts) with one small batch.
        File.Delete(await PrintCertificatesAsync(services, 2027));

        foreach (var size in sizes)
        {
            await using var scope = services.CreateAsyncScope();
            var desk = scope.ServiceProvider.GetRequiredService<CertificateDesk>();
            // A year of its own for each size: the batch prints exactly `size` certificates.
            for (var i = 1; i <= size; i++)
            {
                await desk.IssueAsync(new CertificateRequest { Kind = (AwardKind)(i % 5), HolderName = $"第{i}号窗口", Period = "一季度", Year = 3000 + size }, "bench");
            }
        }
        // Both ways on the same machine and load: chunks merged (ADR 0045) first, then one Chromium print of the whole
        // batch (ADR 0027), so that what a big single print leaves in the processes does not count against the chunks.
        foreach (var chunked in new[] { true, false })
        {
            var how = chunked ? $"chunks of {Chunk} pages merged (ADR 0045)" : "one print (ADR 0027)";
            foreach (var size in sizes)
            {
                var (seconds, pages, bytes, peak) = await MeasureAsync(() => PrintCertificatesAsync(services, 3000 + size, chunked ? Chunk : int.MaxValue));
                rows.Add(new("SQLite", $"certificates into one batch PDF, {how}, warm Chromium", $"{size} certificates",
                    $"{pages} pages in {seconds:0.0} s = {pages / seconds:0.0} pages/s; PDF {bytes / 1048576.0:0.0} MB; peak RSS app {peak.App:0} MB, Chromium {peak.Chromium:0} MB",
                    "≥ 20 pages/s; memory flat in the batch size"));
            }
            var (s2, p2, b2, peak2) = await MeasureAsync(() => PrintGuidesAsync(services, chunked ? Chunk / 2 : int.MaxValue));
            rows.Add(new("SQLite", $"tri-fold guides, whole center, one PDF, {how}, warm Chromium", $"{p2 / 2} items",
                $"{p2} pages in {s2:0.0} s = {p2 / s2:0.0} pages/s; PDF {b2 / 1048576.0:0.0} MB; peak RSS app {peak2.App:0} MB, Chromium {peak2.Chromium:0} MB", "—"));
        }
        return rows;
    }

    /// <summary>Pages per Chromium print (Printing:BatchChunkPages' default).</summary>
    private const int Chunk = 50;

    private static async Task<string> PrintCertificatesAsync(IServiceProvider services, int year, int partsPerChunk = Chunk)
    {
        await using var scope = services.CreateAsyncScope();
        var printer = scope.ServiceProvider.GetRequiredService<Printer>();
        var printing = scope.ServiceProvider.GetRequiredService<CertificatePrinting>();
        return await printer.BatchToPdfFileAsync(PaperLayout.A4Landscape, PdfLayout.LandscapePlain, partsPerChunk,
            batch => printing.WriteBatchAsync(batch, year, null, null, "https://zwfw.example.gov.cn", null, default), default);
    }

    private static async Task<string> PrintGuidesAsync(IServiceProvider services, int partsPerChunk)
    {
        await using var scope = services.CreateAsyncScope();
        var printer = scope.ServiceProvider.GetRequiredService<Printer>();
        var guides = scope.ServiceProvider.GetRequiredService<GuidePrinting>();
        return await printer.BatchToPdfFileAsync(GuidePrinting.Paper(GuideLayout.TriFold), GuidePrinting.Pdf(GuideLayout.TriFold), partsPerChunk,
            batch => guides.WriteBatchAsync(batch, null, GuideLayout.TriFold, "https://zwfw.example.gov.cn", null, default), default);
    }

    private static async Task<(double Seconds, int Pages, long Bytes, (double App, double Chromium) Peak)> MeasureAsync(Func<Task<string>> print)
    {
        GC.Collect();
        var peakApp = 0.0;
        var peakChromium = 0.0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peakApp = Math.Max(peakApp, RssMb(Environment.ProcessId));
                peakChromium = Math.Max(peakChromium, Descendants(Environment.ProcessId).Where(IsChromium).Sum(RssMb));
                try { await Task.Delay(20, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        var watch = Stopwatch.StartNew();
        var pdf = await print();
        watch.Stop();
        await stop.CancelAsync();
        await sampler;
        try
        {
            var info = Process.Start(new ProcessStartInfo("pdfinfo", pdf) { RedirectStandardOutput = true })!;
            var text = await info.StandardOutput.ReadToEndAsync();
            await info.WaitForExitAsync();
            var pages = int.Parse(text.Split('\n').First(l => l.StartsWith("Pages:")).Split(':')[1].Trim());
            return (watch.Elapsed.TotalSeconds, pages, new FileInfo(pdf).Length, (peakApp, peakChromium));
        }
        finally
        {
            File.Delete(pdf);
        }
    }

    private static string FindWebRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "OpsConsole", "wwwroot");
            if (File.Exists(Path.Combine(candidate, "css", "print.css"))) return candidate;
        }
        throw new InvalidOperationException("OpsConsole/wwwroot not found above the bench's folder.");
    }

    private static bool IsChromium(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/comm").Trim().StartsWith("chrom", StringComparison.Ordinal); }
        catch (IOException) { return false; }
    }

    private static double RssMb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
        }
        catch (IOException) { return 0; }
    }

    /// <summary>All processes below <paramref name="root"/> (Playwright's driver, Chromium and its helpers).</summary>
    private static IEnumerable<int> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1]);
            }
            catch (IOException) { }
        }
        var result = new List<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.Count > 0)
        {
            var p = frontier.Dequeue();
            foreach (var (child, parent) in parents)
            {
                if (parent != p) continue;
                result.Add(child);
                frontier.Enqueue(child);
            }
        }
        return result;
    }
}
