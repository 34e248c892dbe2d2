using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OpsConsole.Domain.Cases;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Common;
using OpsConsole.Features.Satisfaction;
using OpsConsole.Tests.Features.Supervision;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Satisfaction;

/// <summary>好差评 reporting: the daily file of a demo day in the national shape, and a push that survives the platform being down.</summary>
public sealed class RatingExportTests
{
    [Fact]
    public void ARatingSpeaksToTheSecondLevelIndicatorsItsReasonsName()
    {
        Assert.Equal(RatingExportFormat.SecondLevel, RatingExportFormat.IndicatorsOf(SatisfactionLevel.VerySatisfied, []));
        Assert.Equal(new[] { "服务效率" }, RatingExportFormat.IndicatorsOf(SatisfactionLevel.Dissatisfied, [EvaluationReason.LongWait, EvaluationReason.RepeatedVisits]));
        Assert.Equal(new[] { "服务水平", "服务态度" },
            RatingExportFormat.IndicatorsOf(SatisfactionLevel.VeryDissatisfied, [EvaluationReason.PoorAttitude, EvaluationReason.UnclearRequirements]));
        Assert.Equal(RatingExportFormat.SecondLevel, RatingExportFormat.IndicatorsOf(SatisfactionLevel.Dissatisfied, [EvaluationReason.Other]));
        Assert.Equal(new[] { 5, 4, 3, 2, 1 }, Enum.GetValues<SatisfactionLevel>().Select(RatingExportFormat.Score));
    }

    [Fact]
    public async Task TheDailyFileOfADemoDayHoldsEveryRatingOfThatDayInTheNationalShape()
    {
        var clock = TestClock.MondayMorning();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock))) { SeedHistory = true };
        _ = app.Server;
        var center = app.Services.GetRequiredService<CenterClock>();
        await using var ctx = app.CreateDbContext();
        var evaluations = await ctx.Set<Evaluation>().AsNoTracking().Include(e => e.Rectification).ToListAsync();
        // The demo day before today with the most ratings of services that became cases (cases cover the last 30 days only).
        var caseTickets = (await ctx.Set<ServiceCase>().AsNoTracking().Where(c => c.TicketId != null).Select(c => c.TicketId!.Value).ToListAsync()).ToHashSet();
        var day = evaluations.GroupBy(e => DateOnly.FromDateTime(center.ToLocal(e.EvaluatedAt).DateTime)).Where(g => g.Key < center.Today)
            .OrderByDescending(g => g.Count(e => caseTickets.Contains(e.TicketId))).ThenByDescending(g => g.Count()).First().Key;
        var expected = evaluations.Where(e => DateOnly.FromDateTime(center.ToLocal(e.EvaluatedAt).DateTime) == day).OrderBy(e => e.Id).ToList();
        Assert.True(expected.Count > 50, $"{expected.Count} ratings on {day}");
        Assert.Contains(expected, e => e.IsBad);

        var pass = app.Services.GetRequiredService<RatingExportPass>();
        using var stream = new MemoryStream();
        Assert.Equal(expected.Count, await pass.WriteDailyFileAsync(day, stream));
        var bytes = stream.ToArray();
        Assert.NotEqual(0xEF, bytes[0]); // UTF-8 without a byte-order mark
        var lines = Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected.Count, lines.Length);
        var records = lines.Select(RatingExportFormat.FromLine).ToList();

        var windows = await ctx.Windows.AsNoTracking().ToDictionaryAsync(w => w.Id);
        var staff = await ctx.Staff.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.EmployeeNo);
        var caseNumbers = await ctx.Set<ServiceCase>().AsNoTracking().Where(c => c.TicketId != null).ToDictionaryAsync(c => c.TicketId!.Value, c => c.Number);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, r) = (expected[i], records[i]);
            Assert.Equal($"OPS-{e.Id:D10}", r.Id);
            Assert.Equal(RatingExportFormat.Score(e.Level), r.Level);
            Assert.Equal(RatingExportFormat.Name(e.Level), r.LevelName);
            Assert.Equal(("线下", "窗口评价器", "整体满意度"), (r.Channel, r.Terminal, r.Indicator));
            Assert.Equal(windows[e.WindowId].Number, r.WindowNumber);
            Assert.Equal(windows[e.WindowId].Name, r.WindowName);
            Assert.Equal(staff[e.StaffId], r.StaffNo);
            Assert.Equal(day, DateOnly.FromDateTime(r.EvaluatedAt.DateTime));
            Assert.Equal(TimeSpan.FromHours(8), r.EvaluatedAt.Offset);
            Assert.False(string.IsNullOrEmpty(r.TicketNumber));
            Assert.Equal(caseNumbers.GetValueOrDefault(e.TicketId), r.CaseNumber);
            Assert.Equal(e.Rectification?.RatingCounts ?? true, r.RatingCounts);
            if (e.IsBad)
            {
                Assert.NotEmpty(r.Reasons);
                Assert.NotEmpty(r.SecondLevelIndicators);
                Assert.All(r.SecondLevelIndicators, x => Assert.Contains(x, RatingExportFormat.SecondLevel));
            }
            else
            {
                Assert.Empty(r.Reasons);
                Assert.Equal(RatingExportFormat.SecondLevel, r.SecondLevelIndicators);
            }
        }
        Assert.Contains(records, r => r.CaseNumber is not null);
        Assert.Contains(records, r => r.ItemCode is not null && r.DepartmentName is not null);
        // A long wait is a matter of efficiency; poor attitude of attitude.
        Assert.All(records.Where(r => r.Reasons.SequenceEqual(new[] { "等待时间长" })), r => Assert.Equal(new[] { "服务效率" }, r.SecondLevelIndicators));
        // The raw line carries the field names and readable Chinese.
        using (var json = JsonDocument.Parse(lines[0]))
        {
            foreach (var name in new[] { "id", "level", "levelName", "channel", "secondLevelIndicators", "itemCode", "windowNumber", "caseNumber", "evaluatedAt" })
                Assert.True(json.RootElement.TryGetProperty(name, out _), name);
        }
        Assert.Contains("线下", lines[0]);

        // Into the configured folder, under the day's name, with the same content.
        var folder = Path.Combine(Path.GetTempPath(), "opsconsole-haochaping-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var path = await pass.WriteDailyFileAsync(day, folder);
            Assert.Equal($"haochaping-OPS-{day:yyyyMMdd}.jsonl", Path.GetFileName(path));
            Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public Task RatingsAreKeptWhileThePlatformIsDownAndDeliveredOnTheNextRunOnSqlite() => PlatformDownAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task RatingsAreKeptWhileThePlatformIsDownAndDeliveredOnTheNextRunOnPostgres() => PlatformDownAsync(DatabaseProvider.Postgres);

    private static async Task PlatformDownAsync(DatabaseProvider provider)
    {
        await using var platform = await FakeProvincialPlatform.StartAsync();
        await using var app = await QueueApp.StartAsync(provider, services: s => s.Configure<RatingExportOptions>(o =>
        {
            o.Platform = "Http";
            o.Url = platform.Url;
            o.Key = "center-key-1";
            o.BatchSize = 2;
            o.Tries = 2;
            o.RetryDelay = TimeSpan.Zero;
        }));
        foreach (var window in new[] { 1, 2, 3 }) await SupervisionTestData.BadRatingAsync(app, window);
        var pass = app.Service<RatingExportPass>();

        // Down: the first batch is tried twice (a 503 is worth a retry), then the run stops; all three stay pending.
        platform.Down = true;
        var first = await pass.RunAsync();
        Assert.Equal(new RatingExportPass.Outcome(3, 0, 3, 1), first);
        Assert.Equal(2, platform.Requests);
        await using (var db = app.Context())
        {
            var exports = await db.Set<RatingExport>().AsNoTracking().ToListAsync();
            Assert.Equal(3, exports.Count);
            Assert.All(exports, x => Assert.Equal(RatingExportState.Pending, x.State));
            Assert.All(exports.OrderBy(x => x.Id).Take(2), x => Assert.Equal((1, "HTTP 503 Service Unavailable"), (x.Attempts, x.LastError)));
            var log = Assert.Single(await db.Set<RatingDelivery>().AsNoTracking().ToListAsync());
            Assert.Equal(("http", false, 2, 2), (log.Adapter, log.Succeeded, log.Tries, log.Records));
        }

        // Up again: the next run delivers all three, in order, once each, with the center's key.
        platform.Down = false;
        var second = await pass.RunAsync();
        Assert.Equal(new RatingExportPass.Outcome(0, 3, 0, 0), second);
        await using (var db = app.Context())
        {
            var ids = await db.Set<RatingExport>().OrderBy(x => x.Id).Select(x => x.EvaluationId).ToListAsync();
            Assert.Equal(ids.Select(id => $"OPS-{id:D10}"), platform.Delivered);
            Assert.All(await db.Set<RatingExport>().AsNoTracking().ToListAsync(), x => Assert.Equal(RatingExportState.Delivered, x.State));
            var log = await db.Set<RatingDelivery>().AsNoTracking().OrderBy(x => x.Id).ToListAsync();
            Assert.Equal(new[] { false, true, true }, log.Select(x => x.Succeeded));
            Assert.Equal(new[] { 2, 2, 1 }, log.Select(x => x.Records));
        }
        Assert.All(platform.Keys, k => Assert.Equal("center-key-1", k));
        Assert.All(platform.Bodies, b => Assert.Contains("\"levelName\":\"非常不满意\"", b));

        // Nothing new: a third run sends nothing.
        var requests = platform.Requests;
        Assert.Equal(new RatingExportPass.Outcome(0, 0, 0, 0), await pass.RunAsync());
        Assert.Equal(requests, platform.Requests);
    }

    /// <summary>A stand-in for the provincial platform on a local port: answers 503 while down, records what it took while up.</summary>
    private sealed class FakeProvincialPlatform : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _requests;

        private FakeProvincialPlatform(WebApplication app) => _app = app;

        public bool Down { get; set; }
        public int Requests => Volatile.Read(ref _requests);
        public ConcurrentQueue<string> Delivered { get; } = new();
        public ConcurrentQueue<string> Keys { get; } = new();
        public ConcurrentQueue<string> Bodies { get; } = new();
        public string Url { get; private set; } = "";

        public static async Task<FakeProvincialPlatform> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var platform = new FakeProvincialPlatform(app);
            app.MapPost("/push", async (HttpContext http) =>
            {
                Interlocked.Increment(ref platform._requests);
                if (platform.Down) return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
                using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                platform.Bodies.Enqueue(body);
                platform.Keys.Enqueue(http.Request.Headers["X-Api-Key"].ToString());
                using var json = JsonDocument.Parse(body);
                foreach (var r in json.RootElement.GetProperty("records").EnumerateArray()) platform.Delivered.Enqueue(r.GetProperty("id").GetString()!);
                return Results.Ok();
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            platform.Url = address.TrimEnd('/') + "/push";
            return platform;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
