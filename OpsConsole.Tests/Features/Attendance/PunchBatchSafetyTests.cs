using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Data;
using OpsConsole.Data.Seeding;
using OpsConsole.Domain.Attendance;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Attendance;

/// <summary>
/// Whatever bytes a terminal sends, the punch API answers JSON, stores every good punch of the batch and keeps
/// every item raw: invalid UTF-8, NUL, half emojis, over-long fields, odd digits, oversized chunked bodies.
/// </summary>
public sealed class PunchBatchSafetyTests
{
    // A week before the pinned clock (Monday 23 November 2026, 10:00 in the center).
    private static readonly DateTime Day = new(2026, 11, 16);
    private const string Route = "/api/attendance/punches";
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    static PunchBatchSafetyTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static OpsApp App(TestDatabase db, int? kestrelPort = null) =>
        new(db, kestrelPort, s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(TestClock.MondayMorning())));

    private static string Item(string eventId, string employeeNo, DateTime time, string method = "face", string extra = "") =>
        $$"""{"terminalEventId":"{{eventId}}","employeeNo":"{{employeeNo}}","time":"{{time:yyyy-MM-dd HH:mm:ss}}","terminalId":"KQ-01","method":"{{method}}"{{extra}}}""";

    private static HttpClient Terminal(HttpClient client)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DemoDevices.ClockToken);
        return client;
    }

    private static ByteArrayContent Body(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("json", response.Content.Headers.ContentType?.MediaType ?? "");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Dictionary<int, string> CodesByIndex(JsonElement answer) =>
        answer.GetProperty("rejectedItems").EnumerateArray().ToDictionary(i => i.GetProperty("index").GetInt32(), i => i.GetProperty("code").GetString()!);

    [Fact]
    public async Task AGbkStringInOneItemIsAProblemNamingItAndTheRestOfTheBatchIsStored()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = App(db);
        var items = Enumerable.Range(1, 100).Select(n => Item($"G-{n - 1}", $"BJ{n:0000}", Day.AddHours(8).AddMinutes(50), method: n - 1 == 37 ? "@GBK@" : "face"));
        var json = Encoding.UTF8.GetBytes("[" + string.Join(",", items) + "]");
        var marker = Encoding.UTF8.GetBytes("@GBK@");
        var at = json.AsSpan().IndexOf(marker);
        byte[] body = [.. json[..at], .. Encoding.GetEncoding("GBK").GetBytes("人脸"), .. json[(at + marker.Length)..]];

        var response = await Terminal(HttpSignIn.NewClient(app)).PostAsync(Route, Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonOf(response);
        Assert.Equal("invalid_encoding", problem.GetProperty("code").GetString());
        Assert.Contains("37", problem.GetProperty("title").GetString());
        Assert.Equal(99, problem.GetProperty("accepted").GetInt32());
        Assert.Equal("invalid_encoding", Assert.Single(CodesByIndex(problem), c => c.Key == 37).Value);
        await using var ctx = app.CreateDbContext();
        Assert.Equal(99, await ctx.Punches.CountAsync(p => p.TerminalEventId!.StartsWith("G-")));
        var raws = await ctx.RawPunches.Where(r => r.TerminalEventId!.StartsWith("G-")).ToListAsync();
        Assert.Equal(100, raws.Count);
        var bad = raws.Single(r => r.TerminalEventId == "G-37");
        Assert.Equal(RawPunchOutcome.Invalid, bad.Outcome);
        Assert.Equal("人脸", bad.MethodText); // read as GBK, the terminals' other encoding
        Assert.Contains("人脸", bad.RawText);

        // The terminal replays its buffer: nothing is stored twice and the answer is the same problem.
        var replay = await Terminal(HttpSignIn.NewClient(app)).PostAsync(Route, Body(body));
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal(99, (await JsonOf(replay)).GetProperty("duplicates").GetInt32());
        Assert.Equal(99, await ctx.Punches.CountAsync(p => p.TerminalEventId!.StartsWith("G-")));
    }

    [Fact]
    public Task BadCharactersFailOnlyTheirItemOnSqlite() => BadCharactersFailOnlyTheirItem(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task BadCharactersFailOnlyTheirItemOnPostgres() => BadCharactersFailOnlyTheirItem(DatabaseProvider.Postgres);

    private static async Task BadCharactersFailOnlyTheirItem(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = App(db);
        var at = Day.AddHours(8);
        const string emoji = "😀"; // two UTF-16 units
        var noted = Item("B-3", "BJ0096", at.AddMinutes(3), extra: ",\"note\":\"@\"");
        var batch = new[]
        {
            Item("B-0", "BJ0096", at),
            Item("B-1", "BJ0096", at.AddMinutes(1), method: "face\\u0000"),                 // NUL: PostgreSQL refuses it in text
            Item("B-2", "BJ0096\\u0000\\u0000", at.AddMinutes(2)),                        // C-string padding from firmware
            noted.Replace("@", new string('x', RawPunch.LineMaxLength - 1 - noted.IndexOf('@')) + emoji), // the raw row's cut lands inside the emoji
            Item("B-4", "BJ0096", at.AddMinutes(4), method: new string('m', 99) + emoji), // over-long, cut inside the emoji
            Item("B-5", "BJ0096", at.AddMinutes(5), method: "face\\ud83d"),               // a lone surrogate
            Item("B-6", new string('9', 30), at.AddMinutes(6)),                           // over-long employee number
            Item("B-7", "BJ0096", at.AddMinutes(7)).Replace($"{at.AddMinutes(7):yyyy-MM-dd}", "٢٠٢٦-١١-١٦"), // Arabic-Indic digits
            Item("B-8", "BJ0096", at.AddMinutes(8)).Replace($"{at.AddMinutes(8):HH:mm:ss}", "08:08:00+99:99"), // impossible offset
            Item("B-9", "BJ0096", at.AddMinutes(9)),
        };
        Assert.Equal(RawPunch.LineMaxLength - 1, batch[3].IndexOf(emoji, StringComparison.Ordinal));

        var response = await Terminal(HttpSignIn.NewClient(app)).PostAsync(Route, Body(Encoding.UTF8.GetBytes("[" + string.Join(",", batch) + "]")));

        var answer = await JsonOf(response);
        Assert.True(response.IsSuccessStatusCode, answer.ToString());
        Assert.Equal(6, answer.GetProperty("accepted").GetInt32()); // 0, 1, 2, 3, 5, 9
        Assert.Equal(new Dictionary<int, string> { [4] = "invalid_item", [6] = "invalid_item", [7] = "bad_time", [8] = "bad_time" }, CodesByIndex(answer));
        await using var ctx = app.CreateDbContext();
        Assert.Equal(6, await ctx.Punches.CountAsync(p => p.TerminalEventId!.StartsWith("B-")));
        var raws = await ctx.RawPunches.Where(r => r.TerminalEventId!.StartsWith("B-")).OrderBy(r => r.TerminalEventId).ToListAsync();
        Assert.Equal(10, raws.Count);
        foreach (var r in raws)
        {
            foreach (var text in new[] { r.EmployeeNo, r.TimeText, r.MethodText, r.RawText, r.Reason })
            {
                Assert.DoesNotContain('\0', text);
                StrictUtf8.GetByteCount(text); // throws on half a surrogate pair
            }
            Assert.True(r.RawText.Length <= RawPunch.LineMaxLength && r.MethodText.Length <= RawPunch.TextMaxLength);
        }
        Assert.Equal("BJ0096", raws[2].EmployeeNo);
        Assert.EndsWith("x", raws[3].RawText); // cut before the emoji, not inside it
        Assert.Equal(new string('m', 99), raws[4].MethodText);
    }

    [Fact]
    public async Task BodiesOverFourMegabytesGetThe413ProblemChunkedOrNot()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = App(db, kestrelPort: 0);
        using var http = Terminal(new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromMinutes(2) });
        const long MB = 1024 * 1024;

        var fits = await http.PostAsync(Route, new PaddedBatch(4 * MB - 1024, chunked: true));
        var answer = await JsonOf(fits);
        Assert.True(fits.IsSuccessStatusCode, answer.ToString());
        Assert.Equal(1, answer.GetProperty("accepted").GetInt32());

        foreach (var (size, chunked) in new[] { (4 * MB + 1, true), (11 * MB / 2, true), (21 * MB, true), (31 * MB, true), (5 * MB, false), (31 * MB, false) })
        {
            var response = await http.PostAsync(Route, new PaddedBatch(size, chunked));
            Assert.True(HttpStatusCode.RequestEntityTooLarge == response.StatusCode, $"{size} bytes, chunked {chunked}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("batch_too_large", (await JsonOf(response)).GetProperty("code").GetString());
        }
        await using var ctx = app.CreateDbContext();
        Assert.Equal(1, await ctx.RawPunches.CountAsync(r => r.TerminalEventId == "P-1"));
    }

    [Fact]
    public async Task AnUnexpectedFailureIsAProblemNotAnHtmlPage()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db, services: s => s.AddScoped<OpsConsole.Features.Attendance.PunchIngestion>(_ => throw new InvalidOperationException("probe")));

        var response = await Terminal(HttpSignIn.NewClient(app)).PostAsync(Route, Body("[]"u8.ToArray()));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("internal_error", (await JsonOf(response)).GetProperty("code").GetString());
    }

    /// <summary>One punch padded by an unknown field to exactly <paramref name="size"/> bytes, sent with or without a length.</summary>
    private sealed class PaddedBatch : HttpContent
    {
        private readonly long _size;
        private readonly bool _chunked;
        private readonly byte[] _head = Encoding.UTF8.GetBytes("[" + Item("P-1", "BJ0094", Day.AddHours(8).AddMinutes(50), extra: ",\"note\":\"")[..^1]);
        private static readonly byte[] Tail = "\"}]"u8.ToArray();

        public PaddedBatch(long size, bool chunked)
        {
            (_size, _chunked) = (size, chunked);
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_head);
            var pad = new byte[64 * 1024];
            Array.Fill(pad, (byte)'x');
            for (var left = _size - _head.Length - Tail.Length; left > 0; left -= pad.Length)
                await stream.WriteAsync(pad.AsMemory(0, (int)Math.Min(left, pad.Length)));
            await stream.WriteAsync(Tail);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _size;
            return !_chunked;
        }
    }
}
