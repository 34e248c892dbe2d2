namespace OpsConsole.Printing;

/// <summary>The "Printing" section of configuration.</summary>
public sealed class PrintOptions
{
    public const string Section = "Printing";

    /// <summary>The headless Chromium that turns print HTML into PDF (Debian's by default).</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>At most this many PDFs are printed at once by the one pooled browser.</summary>
    public int MaxConcurrentPrints { get; set; } = 2;

    /// <summary>Seconds one print may take before it is abandoned (a batch of hundreds of pages included).</summary>
    public int PrintTimeoutSeconds { get; set; } = 300;

    /// <summary>
    /// Pages a batch PDF prints per Chromium print (ADR 0045): a batch is printed in chunks of about this many
    /// pages and merged, so Chromium's memory does not grow with the batch.
    /// </summary>
    public int BatchChunkPages { get; set; } = 50;

    /// <summary>Base address printed in QR codes (public guide and verification pages); empty: Queueing:PublicBaseUrl, else the request's.</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>
    /// Certificate numbers: {year} and {seq} (with an optional .NET format, e.g. {seq:000}) and {kind}
    /// (the kind's short word, e.g. 荣). Default: 滨政服荣〔2026〕第017号.
    /// </summary>
    public string CertificateNumberFormat { get; set; } = "滨政服{kind}〔{year}〕第{seq:000}号";

    /// <summary>The issuer printed on certificates and shown on the verification page.</summary>
    public string CertificateIssuer { get; set; } = "滨江市政务服务中心";

    /// <summary>The seal image (PNG/SVG) under wwwroot or an absolute path; empty: a drawn red seal.</summary>
    public string SealImagePath { get; set; } = "";

    /// <summary>The monthly bulletin's document number (文号): {year} and {month}. Default: 滨政服通〔2026〕10号.</summary>
    public string BulletinNumberFormat { get; set; } = "滨政服通〔{year}〕{month}号";

    /// <summary>People whose month cost them at least this many points are named in the bulletin's criticisms (a veto always is).</summary>
    public decimal BulletinCriticismDeduction { get; set; } = 5m;
}
