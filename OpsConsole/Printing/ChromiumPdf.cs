using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace OpsConsole.Printing;

/// <summary>Page geometry and the footer of one PDF.</summary>
public sealed record PdfLayout(bool Landscape, bool PageNumbers)
{
    public static readonly PdfLayout Portrait = new(false, true);
    public static readonly PdfLayout LandscapePlain = new(true, false);
}

/// <summary>
/// One pooled headless Chromium (Microsoft.Playwright driving the configured executable, never a
/// downloaded one) that prints HTML files to PDF. Launched on first use; a browser that crashed
/// or disconnected is dropped and a new one launched on the next print (one retry per print).
/// </summary>
public sealed class ChromiumPdf(IOptions<PrintOptions> options, ILogger<ChromiumPdf> log) : IAsyncDisposable
{
    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
        "--allow-file-access-from-files",
    ];

    // Chromium's own footer: it alone knows the page count. Web fonts are not loaded there,
    // so the system's Noto CJK (fonts-noto-cjk) draws it.
    private const string Footer =
        "<div style=\"width:100%;font-size:9px;font-family:'Noto Sans CJK SC','Noto Sans SC',sans-serif;color:#555;text-align:center;\">"
        + "第 <span class=\"pageNumber\"></span> 页 共 <span class=\"totalPages\"></span> 页</div>";

    private readonly SemaphoreSlim launchLock = new(1, 1);
    private readonly SemaphoreSlim slots = new(Math.Max(1, options.Value.MaxConcurrentPrints));
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>Number of browsers launched so far (1 while the pooled one lives).</summary>
    public int Launches { get; private set; }

    /// <summary>The pooled browser, for tests that simulate a crash.</summary>
    internal IBrowser? CurrentBrowser => browser;

    /// <summary>Prints the HTML file <paramref name="htmlPath"/> to <paramref name="pdfPath"/>.</summary>
    /// <param name="background">Print backgrounds (false for a sheet of bare page numbers laid under other pages).</param>
    /// <exception cref="PrintUnavailableException">Chromium is missing, crashed twice, or timed out.</exception>
    public async Task PrintAsync(string htmlPath, string pdfPath, PdfLayout layout, CancellationToken ct, bool background = true)
    {
        await slots.WaitAsync(ct);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var b = await BrowserAsync(ct);
                IPage? page = null;
                try
                {
                    page = await b.NewPageAsync();
                    var open = page;
                    await using var onCancel = ct.Register(() => _ = CloseQuietlyAsync(open));
                    var timeout = options.Value.PrintTimeoutSeconds * 1000f;
                    page.SetDefaultTimeout(timeout);
                    await page.GotoAsync(new Uri(htmlPath).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = timeout });
                    await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
                    await page.PdfAsync(new PagePdfOptions
                    {
                        Path = pdfPath,
                        Format = "A4",
                        Landscape = layout.Landscape,
                        PrintBackground = background,
                        PreferCSSPageSize = true,
                        DisplayHeaderFooter = layout.PageNumbers,
                        HeaderTemplate = "<span></span>",
                        FooterTemplate = layout.PageNumbers ? Footer : "<span></span>",
                    });
                    return;
                }
                catch (Exception ex) when (ex is PlaywrightException or TimeoutException && ct.IsCancellationRequested)
                {
                    throw new OperationCanceledException(ct);
                }
                catch (TimeoutException ex)
                {
                    throw new PrintUnavailableException(PrintUnavailableException.TimedOut, ex);
                }
                catch (PlaywrightException ex) when (attempt == 0 && !b.IsConnected)
                {
                    log.LogWarning(ex, "Chromium disconnected while printing; launching a new one");
                    await DropAsync(b);
                }
                catch (PlaywrightException ex)
                {
                    log.LogError(ex, "Printing {Html} to PDF failed", htmlPath);
                    if (!b.IsConnected) await DropAsync(b);
                    throw new PrintUnavailableException(PrintUnavailableException.Crashed, ex);
                }
                finally
                {
                    if (page is not null) await CloseQuietlyAsync(page);
                }
            }
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken ct)
    {
        if (browser is { IsConnected: true } current) return current;
        await launchLock.WaitAsync(ct);
        try
        {
            if (browser is { IsConnected: true } again) return again;
            var path = options.Value.ChromiumPath;
            if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
            {
                log.LogError("Chromium not found at {Path} (Printing:ChromiumPath): PDFs cannot be made", path);
                throw new PrintUnavailableException(PrintUnavailableException.Missing);
            }
            try
            {
                playwright ??= await Microsoft.Playwright.Playwright.CreateAsync();
                var launched = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = path,
                    Headless = true,
                    Args = Args,
                });
                launched.Disconnected += (_, _) => log.LogWarning("The pooled Chromium disconnected; the next print launches a new one");
                browser = launched;
                Launches++;
                return launched;
            }
            catch (PlaywrightException ex)
            {
                log.LogError(ex, "Chromium at {Path} did not start", path);
                throw new PrintUnavailableException(PrintUnavailableException.Missing, ex);
            }
        }
        finally
        {
            launchLock.Release();
        }
    }

    private async Task DropAsync(IBrowser dead)
    {
        await launchLock.WaitAsync();
        try
        {
            if (ReferenceEquals(browser, dead)) browser = null;
        }
        finally
        {
            launchLock.Release();
        }
        try { await dead.CloseAsync(); } catch (PlaywrightException) { }
    }

    private static async Task CloseQuietlyAsync(IPage page)
    {
        try { if (!page.IsClosed) await page.CloseAsync(); }
        catch (PlaywrightException) { }
        catch (ObjectDisposedException) { }
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            try { await browser.CloseAsync(); } catch (PlaywrightException) { }
        }
        playwright?.Dispose();
    }
}
