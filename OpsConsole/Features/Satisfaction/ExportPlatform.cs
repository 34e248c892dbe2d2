using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace OpsConsole.Features.Satisfaction;

/// <summary>Settings of the rating export (haochaping) (section Satisfaction:Export; appsettings.sample.json names each).</summary>
public sealed class RatingExportOptions
{
    public const string Section = "Satisfaction:Export";

    /// <summary>Runs the hourly job (default true; with the log adapter nothing leaves the machine).</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>Log (default: demo and tests, nothing sent) or Http (the provincial platform at <see cref="Url"/>).</summary>
    public string Platform { get; set; } = "Log";
    /// <summary>The platform's push address (Http).</summary>
    public string? Url { get; set; }
    /// <summary>The key the platform issued to the center, sent as the X-Api-Key header (Http).</summary>
    public string? Key { get; set; }
    /// <summary>The center's code on the platform (in record ids and file names). Default OPS.</summary>
    public string CenterCode { get; set; } = "OPS";
    /// <summary>Records per push. Default 200.</summary>
    public int BatchSize { get; set; } = 200;
    /// <summary>Tries per push when the platform answers 5xx/429 or cannot be reached. Default 3.</summary>
    public int Tries { get; set; } = 3;
    /// <summary>Wait before the second try; doubled before each further one. Default 2 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>Per try. Default 30 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>The first run waits this long after start-up (migrations, seeding and the hall come first). Default 2 min.</summary>
    public TimeSpan StartDelay { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>Where the daily files go (relative to the content root). Default data/haochaping.</summary>
    public string Folder { get; set; } = "data/haochaping";
}

/// <summary>The outcome of one push: delivered or not, after how many tries, and why not.</summary>
public sealed record RatingPushResult(bool Delivered, int Tries, string? Error)
{
    public static RatingPushResult Ok(int tries) => new(true, tries, null);
    public static RatingPushResult Failed(int tries, string error) => new(false, tries, error);
}

/// <summary>The provincial rating platform (haochaping) as the export sees it; every adapter is replaceable and testable without the real service.</summary>
public interface IRatingPlatform
{
    /// <summary>Short name for the delivery log.</summary>
    string Name { get; }

    /// <summary>Pushes one batch. Never throws for a platform failure: it reports it, and the records stay pending.</summary>
    Task<RatingPushResult> PushAsync(IReadOnlyList<RatingReport> records, CancellationToken ct);
}

/// <summary>Demo and tests: writes each batch to the log and keeps the latest records it was given (nothing leaves the machine).</summary>
public sealed class LogRatingPlatform(ILogger<LogRatingPlatform> log) : IRatingPlatform
{
    /// <summary>Records kept for <see cref="Received"/>; older ones are let go.</summary>
    public const int Kept = 5000;

    private readonly ConcurrentQueue<RatingReport> _received = new();

    public string Name => "log";

    /// <summary>The latest <see cref="Kept"/> records pushed, in order.</summary>
    public IReadOnlyCollection<RatingReport> Received => _received;

    public Task<RatingPushResult> PushAsync(IReadOnlyList<RatingReport> records, CancellationToken ct)
    {
        foreach (var r in records) _received.Enqueue(r);
        while (_received.Count > Kept) _received.TryDequeue(out _);
        log.LogInformation("Rating push (haochaping, log adapter): {Count} records, {First} … {Last}", records.Count, records[0].Id, records[^1].Id);
        return Task.FromResult(RatingPushResult.Ok(1));
    }
}

/// <summary>
/// The provincial platform over HTTP: POSTs { records: [...] } as JSON to the configured URL with the center's key.
/// 2xx is delivered; 5xx, 429 and network errors are tried again (<see cref="RatingExportOptions.Tries"/>, backing off);
/// any other answer fails the push at once (a bad key or a rejected record will not mend by retrying).
/// </summary>
public sealed class HttpRatingPlatform(IHttpClientFactory clients, IOptions<RatingExportOptions> options, TimeProvider time) : IRatingPlatform
{
    public const string ClientName = "haochaping";

    public string Name => "http";

    public async Task<RatingPushResult> PushAsync(IReadOnlyList<RatingReport> records, CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Url) || !Uri.TryCreate(o.Url, UriKind.Absolute, out var url))
            return RatingPushResult.Failed(0, "Satisfaction:Export:Url is not set to an absolute address.");
        var http = clients.CreateClient(ClientName);
        var tries = Math.Max(1, o.Tries);
        var delay = o.RetryDelay;
        string error = "";
        for (var attempt = 1; attempt <= tries; attempt++)
        {
            if (attempt > 1 && delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, ct);
                delay *= 2;
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(o.Timeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url)
                {
                    Content = JsonContent.Create(new { records }, options: RatingExportFormat.Json),
                };
                if (!string.IsNullOrEmpty(o.Key)) request.Headers.Add("X-Api-Key", o.Key);
                using var response = await http.SendAsync(request, timeout.Token);
                if (response.IsSuccessStatusCode) return RatingPushResult.Ok(attempt);
                error = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
                if (!Transient(response.StatusCode)) return RatingPushResult.Failed(attempt, error);
            }
            catch (HttpRequestException e)
            {
                error = e.Message;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                error = $"No answer within {o.Timeout.TotalSeconds:0} s";
            }
        }
        return RatingPushResult.Failed(tries, error);
    }

    private static bool Transient(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.TooManyRequests || status == HttpStatusCode.RequestTimeout;
}
