using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Queueing;

namespace OpsConsole.Bench;

/// <summary>
/// The public live-wait page (/wait) and the kiosk API's queue list under 200 concurrent HTTP clients, over Kestrel
/// on loopback, while the hall issues 5 tickets a second (so any snapshot is really rebuilt). Each client sends its
/// next request as soon as the last is answered. The anonymous rate limit is raised for the run: every client here
/// comes from 127.0.0.1, and the point is what the page costs, not the limit.
/// </summary>
internal static class PublicPageBench
{
    public static async Task<List<QueueBench.Row>> RunAsync(int clients = 200, int seconds = 20)
    {
        await using var host = await BenchHost.StartAsync("Sqlite", startHostedServices: true,
            settings: new() { ["RateLimiting:PermitLimit"] = "100000000" }, serveHttp: true);
        var address = host.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var rows = new List<QueueBench.Row>();
        foreach (var (path, token) in new[] { ("/wait", (string?)null), ("/api/kiosk/queues", OpsConsole.Data.Seeding.DemoDevices.KioskToken) })
        {
            using var issuing = new CancellationTokenSource();
            var issuer = IssueSteadilyAsync(host, issuing.Token);
            var (count, failed, latencies, elapsed, cpu) = await LoadAsync(address, path, token, clients, TimeSpan.FromSeconds(seconds));
            await issuing.CancelAsync();
            var issued = await issuer;
            latencies.Sort();
            rows.Add(new("Sqlite", $"GET {path}, {clients} clients back to back, 5 tickets issued/s meanwhile", $"{count:N0} requests in {elapsed.TotalSeconds:0} s ({failed} not 200; {issued} tickets issued)",
                $"{count / elapsed.TotalSeconds:0} requests/s, p50 {Stats.Percentile(latencies, 0.50):0.0} ms, p99 {Stats.Percentile(latencies, 0.99):0.0} ms; server process CPU {cpu:0} % of {Environment.ProcessorCount} cores (client in the same process)",
                "—"));
        }
        return rows;
    }

    private static async Task<(int Count, int Failed, List<double> Latencies, TimeSpan Elapsed, double CpuPercent)> LoadAsync(
        string address, string path, string? token, int clients, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // Warm up: JIT, pools, the first snapshot.
        for (var i = 0; i < 20; i++)
        {
            using var warm = await http.GetAsync(path);
            if ((int)warm.StatusCode != 200)
                throw new InvalidOperationException($"GET {path} answered {(int)warm.StatusCode}: {(await warm.Content.ReadAsStringAsync())[..Math.Min(300, (int)(warm.Content.Headers.ContentLength ?? 300))]}");
        }

        var latencies = new ConcurrentBag<double>();
        var failed = 0;
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var until = sw.Elapsed + duration;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (sw.Elapsed < until)
            {
                var t0 = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                if ((int)response.StatusCode != 200) Interlocked.Increment(ref failed);
            }
        })));
        var elapsed = sw.Elapsed;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpu0).TotalMilliseconds / elapsed.TotalMilliseconds / Environment.ProcessorCount * 100;
        return (latencies.Count, failed, latencies.ToList(), elapsed, cpu);
    }

    private static async Task<int> IssueSteadilyAsync(BenchHost host, CancellationToken stop)
    {
        var issued = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await using var scope = host.App.Services.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<TicketIssuer>().IssueAsync("BDC", TicketChannel.Kiosk, ct: CancellationToken.None);
                if (outcome.Result.Succeeded) issued++;
            }
        }
        catch (OperationCanceledException)
        {
        }
        return issued;
    }
}
