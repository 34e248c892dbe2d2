using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using OpsConsole.Data.Seeding;

namespace OpsConsole.Bench;

/// <summary>
/// The soak (issue 14): the Release build as its own process on a fresh SQLite file; N staff keep the
/// counter workstation open in headless Chromium (pages share a few renderer processes), M hall
/// screens listen on the display hub through the .NET SignalR client (lobby screens with the lobby
/// token, window screens with theirs), and for the whole duration the kiosk issues tickets and the
/// windows' calling pads complete and call at a steady rate. Measured: call → lobby screen latency
/// (from sending the pad's request to each lobby connection receiving the call), and the server's
/// open circuits, managed heap after a full GC, resident memory and open file handles at the start
/// and at the end. A bare SignalR broadcast (an empty hub in this process, the same number of
/// clients) is measured in the same run for comparison.
/// </summary>
internal static class SoakBench
{
    public static async Task<List<QueueBench.Row>> RunAsync(TimeSpan duration, int staffCircuits, int displays, double callsPerSecond)
    {
        await using var server = await BenchServer.StartAsync(hallOpen: true, prepare: EquipStaffedWindowsAsync);
        var address = server.Address;
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        var equipped = await EquippedAsync(server);
        // The hall's screens: a fifth lobby screens (all receive every call), the rest window screens.
        var lobbyCount = Math.Max(1, displays / 5);
        var received = new ConcurrentBag<(string Number, long At)>();
        var connections = new List<HubConnection>();
        for (var i = 0; i < displays; i++)
        {
            var token = i < lobbyCount ? DemoDevices.LobbyToken : ScreenToken(equipped[(i - lobbyCount) % equipped.Count]);
            var connection = new HubConnectionBuilder()
                .WithUrl(address + "/hubs/display", o =>
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                    o.Transports = HttpTransportType.WebSockets;
                })
                .Build();
            if (i < lobbyCount) connection.On<JsonElement>("call", call => received.Add((call.GetProperty("number").GetString()!, Stopwatch.GetTimestamp())));
            await connection.StartAsync();
            connections.Add(connection);
        }

        // The staff: each of a few staff accounts signs in once in a browser context of its own and keeps
        // many counter pages open in it (a circuit per page). Pages of one context and one site share a
        // renderer process; a context per page (a process per page, ≈ 100 MB each) ran the machine out of
        // memory at 180 pages. A page that still cannot open is counted, not fatal.
        // OPSCONSOLE_BENCH_CLIENT=wire: the circuits through BlazorCircuitClient (ADR 0050), so that the two cores
        // measure the server and not 400 Chromium renderers beside it.
        var wire = Environment.GetEnvironmentVariable("OPSCONSOLE_BENCH_CLIENT") == "wire";
        using var playwright = wire ? null : await Playwright.CreateAsync();
        var browsers = new List<IBrowser>();
        var wireClients = new List<BlazorCircuitClient>();
        var users = Math.Min(SignedInStaff, staffCircuits);
        for (var b = 0; !wire && b < (users + ContextsPerBrowser - 1) / ContextsPerBrowser; b++)
        {
            browsers.Add(await playwright!.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Environment.GetEnvironmentVariable("OPSCONSOLE_CHROMIUM") ?? "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--renderer-process-limit=4", "--process-per-site", "--disable-background-timer-throttling",
                    "--disable-renderer-backgrounding", "--disable-background-networking", "--no-first-run"],
            }));
        }
        var opening = Stopwatch.StartNew();
        var notOpened = 0;
        var contexts = new List<IBrowserContext>();
        var cookies = new List<System.Net.CookieContainer>();
        for (var u = 0; u < users; u++)
        {
            if (wire) cookies.Add(await BlazorCircuitClient.SignInAsync(address, $"BJ{11 + u:0000}", DemoSeeder.DemoPassword));
            else contexts.Add(await SignInAsync(browsers[u / ContextsPerBrowser], address, $"BJ{11 + u:0000}"));
        }
        for (var i = 0; i < staffCircuits; i++)
        {
            try
            {
                if (!wire) await OpenCounterAsync(contexts[i % users], address);
                else
                {
                    var client = await BlazorCircuitClient.OpenAsync(address, "/counter", cookies[i % users]);
                    wireClients.Add(client);
                    await client.Interactive.WaitAsync(TimeSpan.FromSeconds(30));
                }
            }
            catch (TimeoutException) { notOpened++; }
        }
        var opened = opening.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(10));
        var start = await server.SampleAsync(http);
        var samples = new List<(TimeSpan At, BenchServer.Sample Sample)> { (TimeSpan.Zero, start) };
        var nextSample = SampleEvery;

        // The calling pad of every staffed window.
        var pads = equipped.Select(w =>
        {
            var pad = new HttpClient { BaseAddress = new Uri(address) };
            pad.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PadToken(w));
            return pad;
        }).ToList();
        using var kiosk = new HttpClient { BaseAddress = new Uri(address) };
        kiosk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DemoDevices.KioskToken);
        var queues = JsonDocument.Parse(await kiosk.GetStringAsync("/api/kiosk/queues")).RootElement.EnumerateArray()
            .Select(q => q.GetProperty("code").GetString()!).ToList();

        var sent = new ConcurrentDictionary<string, long>();
        var calls = 0;
        var failures = 0;
        var interval = TimeSpan.FromSeconds(1 / callsPerSecond);
        var until = Stopwatch.StartNew();
        var n = 0;
        while (until.Elapsed < duration)
        {
            var tick = Stopwatch.StartNew();
            // Two tickets per call for the first minute build a waiting line; then one per call keeps it about
            // as long as it is (a hall in its steady hours), so that memory measures the server, not a growing backlog.
            var perCall = until.Elapsed < TimeSpan.FromMinutes(1) ? 2 : 1;
            for (var k = 0; k < perCall; k++)
            {
                var body = new StringContent(JsonSerializer.Serialize(new { queue = queues[(n * 2 + k) % queues.Count] }), Encoding.UTF8, "application/json");
                _ = await kiosk.PostAsync("/api/kiosk/tickets", body);
            }
            if (until.Elapsed >= nextSample)
            {
                samples.Add((until.Elapsed, await server.SampleAsync(http)));
                nextSample += SampleEvery;
            }
            var pad = pads[n++ % pads.Count];
            await pad.PostAsync("/api/counter/complete", null);
            var before = Stopwatch.GetTimestamp();
            var response = await pad.PostAsync("/api/counter/call-next", null);
            if (response.IsSuccessStatusCode)
            {
                var state = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                if (state.TryGetProperty("current", out var current) && current.ValueKind == JsonValueKind.Object)
                {
                    sent.TryAdd(current.GetProperty("number").GetString()!, before);
                    calls++;
                }
            }
            else if (response.StatusCode != System.Net.HttpStatusCode.Conflict) failures++;
            var left = interval - tick.Elapsed;
            if (left > TimeSpan.Zero) await Task.Delay(left);
        }
        await Task.Delay(TimeSpan.FromSeconds(5));
        var end = await server.SampleAsync(http);
        samples.Add((until.Elapsed, end));
        var series = string.Join("; ", samples.Select(x => $"{x.At.TotalMinutes:0} min {x.Sample.HeapMb:0.0} MB / {x.Sample.RssMb:0} MB / {x.Sample.Handles}"));

        // A number is called more than once in a long run only after the day's sequence wraps; the first call counts.
        var latencies = received.Where(r => sent.ContainsKey(r.Number))
            .Select(r => Stopwatch.GetElapsedTime(sent[r.Number], r.At).TotalMilliseconds).Where(ms => ms >= 0).Order().ToList();
        foreach (var c in connections) await c.DisposeAsync();
        foreach (var p in pads) p.Dispose();

        foreach (var b in browsers) await b.DisposeAsync();
        foreach (var c in wireClients) await c.DisposeAsync();
        var bare = await BareBroadcastAsync(lobbyCount, Math.Max(200, calls));
        return
        [
            new("Sqlite", $"soak: {staffCircuits} staff circuits on /counter ({(wire ? "wire client" : "Chromium")}), {displays} display connections ({lobbyCount} lobby), {duration.TotalMinutes:0.#} min, {callsPerSecond:0.##} calls/s through {pads.Count} calling pads",
                $"{calls} calls, {latencies.Count} lobby deliveries; {staffCircuits - notOpened} circuits opened in {opened.TotalSeconds:0} s" + (notOpened > 0 ? $" ({notOpened} timed out)" : ""),
                $"call → lobby screen p50 {Percentile(latencies, 0.5):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, max {latencies.LastOrDefault():0} ms; {failures} failed requests. " +
                $"Start → end: circuits {start.Circuits} → {end.Circuits}, managed heap {start.HeapMb:0.0} → {end.HeapMb:0.0} MB, resident {start.RssMb:0} → {end.RssMb:0} MB, handles {start.Handles} → {end.Handles}",
                "p99 ≤ 50 ms; no growth"),
            new("—", "the server over the run (managed heap after a full GC / resident / open handles)", $"{samples.Count} samples", series, "no growth"),
            new("—", $"bare SignalR broadcast (empty hub in the bench process, {lobbyCount} clients), same run", $"{bare.Count} deliveries",
                $"p50 {Percentile(bare, 0.5):0.0} ms, p99 {Percentile(bare, 0.99):0.0} ms", "baseline"),
        ];
    }

    /// <summary>Staff accounts whose contexts hold the pages (400 circuits: 20 pages each).</summary>
    private const int SignedInStaff = 20;

    private static readonly TimeSpan SampleEvery = TimeSpan.FromMinutes(5);

    private const int ContextsPerBrowser = 5;

    private static async Task<IBrowserContext> SignInAsync(IBrowser browser, string address, string employeeNo)
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await CircuitBench.SignInAsync(page, address, employeeNo);
        await page.CloseAsync();
        return context;
    }

    private static async Task OpenCounterAsync(IBrowserContext context, string address)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(address + "/counter");
        await page.WaitForSelectorAsync("html[data-interactive=true]", new() { State = WaitForSelectorState.Attached, Timeout = 30000 });
    }

    private static string PadToken(int windowId) => $"soak-pad-{windowId}";

    private static string ScreenToken(int windowId) => $"soak-screen-{windowId}";

    /// <summary>The demo equips three windows; the soak gives every staffed window a calling pad and a screen.</summary>
    private static async Task EquipStaffedWindowsAsync(string databasePath)
    {
        await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databasePath}");
        await db.OpenAsync();
        var windows = new List<int>();
        await using (var read = db.CreateCommand())
        {
            read.CommandText = "SELECT \"WindowId\" FROM \"WindowSessions\" WHERE \"StaffId\" IS NOT NULL ORDER BY \"WindowId\"";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync()) windows.Add(reader.GetInt32(0));
        }
        foreach (var w in windows)
        {
            foreach (var (kind, token) in new[] { ("CounterPad", PadToken(w)), ("WindowScreen", ScreenToken(w)) })
            {
                await using var insert = db.CreateCommand();
                insert.CommandText = "INSERT INTO \"Devices\" (\"Name\", \"Kind\", \"TokenHash\", \"TokenHint\", \"WindowId\", \"CreatedAt\") VALUES ($n, $k, $h, $t, $w, $c)";
                insert.Parameters.AddWithValue("$n", $"soak {kind} {w}");
                insert.Parameters.AddWithValue("$k", kind);
                insert.Parameters.AddWithValue("$h", OpsConsole.Auth.Devices.DeviceTokens.Hash(token));
                insert.Parameters.AddWithValue("$t", OpsConsole.Auth.Devices.DeviceTokens.Hint(token));
                insert.Parameters.AddWithValue("$w", w);
                insert.Parameters.AddWithValue("$c", DateTimeOffset.UtcNow.UtcTicks);
                await insert.ExecuteNonQueryAsync();
            }
        }
    }

    private static async Task<List<int>> EquippedAsync(BenchServer server)
    {
        await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={server.DatabasePath};Mode=ReadOnly");
        await db.OpenAsync();
        await using var read = db.CreateCommand();
        read.CommandText = "SELECT \"WindowId\" FROM \"Devices\" WHERE \"Name\" LIKE 'soak CounterPad %' ORDER BY \"WindowId\"";
        var windows = new List<int>();
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync()) windows.Add(reader.GetInt32(0));
        return windows;
    }

    private static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>An empty hub broadcasting <paramref name="messages"/> timestamps, one every 20 ms, to <paramref name="clients"/> clients.</summary>
    private static async Task<List<double>> BareBroadcastAsync(int clients, int messages)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSignalR();
        await using var app = builder.Build();
        app.MapHub<BareHub>("/bare");
        await app.StartAsync();
        var address = app.Urls.First();
        var latencies = new ConcurrentBag<double>();
        var connections = new List<HubConnection>();
        for (var i = 0; i < clients; i++)
        {
            var c = new HubConnectionBuilder().WithUrl(address + "/bare", o => { o.Transports = HttpTransportType.WebSockets; o.SkipNegotiation = true; }).Build();
            c.On<long>("m", sentAt => latencies.Add(Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds));
            await c.StartAsync();
            connections.Add(c);
        }
        var hub = app.Services.GetRequiredService<IHubContext<BareHub>>();
        for (var i = 0; i < messages; i++)
        {
            await hub.Clients.All.SendAsync("m", Stopwatch.GetTimestamp());
            await Task.Delay(20);
        }
        await Task.Delay(1000);
        foreach (var c in connections) await c.DisposeAsync();
        await app.StopAsync();
        return latencies.Order().ToList();
    }

    private sealed class BareHub : Hub;
}
