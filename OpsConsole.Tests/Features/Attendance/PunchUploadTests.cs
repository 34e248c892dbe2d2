using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Data.Seeding;
using OpsConsole.Domain.Attendance;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Attendance;

/// <summary>The clock terminals' upload API: idempotent batches, a reason per refused item, every item kept raw.</summary>
public sealed class PunchUploadTests(SqliteAppFixture fx) : IClassFixture<SqliteAppFixture>
{
    // Well before the 60 seeded days, so nothing collides with demo punches.
    private static readonly DateTime Day = PinnedClock.DefaultStart.Date.AddDays(-90);

    private HttpClient Terminal(string token = DemoDevices.ClockToken)
    {
        var client = HttpSignIn.NewClient(fx.App);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Item(string eventId, string employeeNo, DateTime time, string terminal = "KQ-01") =>
        $$"""{"terminalEventId":"{{eventId}}","employeeNo":"{{employeeNo}}","time":"{{time:yyyy-MM-dd'T'HH:mm:ss}}","terminalId":"{{terminal}}","method":"face"}""";

    private static async Task<JsonElement> AnswerOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task AReplayedBatchCreatesNoDuplicates()
    {
        var batch = "[" + string.Join(",",
            Item("T-1", "BJ0099", Day.AddHours(8).AddMinutes(51).AddSeconds(7)),
            Item("T-2", "BJ0099", Day.AddHours(12).AddMinutes(3)),
            Item("T-3", "BJ0099", Day.AddHours(12).AddMinutes(41)),
            Item("T-4", "BJ0099", Day.AddHours(17).AddMinutes(9))) + "]";
        var client = Terminal();

        var first = await AnswerOf(await client.PostAsync("/api/attendance/punches", Json(batch)));
        var replay = await AnswerOf(await client.PostAsync("/api/attendance/punches", Json(batch)));

        Assert.Equal(4, first.GetProperty("accepted").GetInt32());
        Assert.Equal(0, replay.GetProperty("accepted").GetInt32());
        Assert.Equal(4, replay.GetProperty("duplicates").GetInt32());
        await using var db = fx.App.CreateDbContext();
        Assert.Equal(4, await db.Punches.CountAsync(p => p.TerminalEventId != null && p.TerminalEventId.StartsWith("T-") && p.TerminalId == "KQ-01"));
        // Both uploads are kept raw: 4 imported, then 4 duplicates.
        var raws = await db.RawPunches.Where(r => r.TerminalEventId != null && r.TerminalEventId.StartsWith("T-")).ToListAsync();
        Assert.Equal(8, raws.Count);
        Assert.Equal(4, raws.Count(r => r.Outcome == RawPunchOutcome.Duplicate));
    }

    [Fact]
    public async Task RefusedItemsGetAChineseReasonAndAreStillKeptRaw()
    {
        var now = fx.App.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime;
        var batch = "[" + string.Join(",",
            Item("R-1", "BJ9999", Day.AddHours(8)),
            Item("R-2", "BJ0098", now.AddDays(2)),
            Item("R-3", "BJ0098", new DateTime(1970, 1, 1, 8, 0, 0)),
            """{"terminalEventId":"R-4","employeeNo":"BJ0098","time":"昨天早上","terminalId":"KQ-01"}""",
            Item("R-5", "BJ0098", Day.AddHours(8), terminal: "KQ-02"),
            Item("R-6", "BJ0098", Day.AddHours(8).AddMinutes(40))) + "]";

        var answer = await AnswerOf(await Terminal().PostAsync("/api/attendance/punches", Json(batch)));

        Assert.Equal(1, answer.GetProperty("accepted").GetInt32());
        Assert.Equal(5, answer.GetProperty("rejected").GetInt32());
        var reasons = answer.GetProperty("rejectedItems").EnumerateArray()
            .ToDictionary(i => i.GetProperty("terminalEventId").GetString()!, i => (Code: i.GetProperty("code").GetString(), Reason: i.GetProperty("reason").GetString()!));
        Assert.Equal("unknown_employee", reasons["R-1"].Code);
        Assert.Contains("BJ9999", reasons["R-1"].Reason);
        Assert.Equal("future_time", reasons["R-2"].Code);
        Assert.Contains("晚于当前时间", reasons["R-2"].Reason);
        Assert.Equal("implausible_time", reasons["R-3"].Code);
        Assert.Contains("早于2000年", reasons["R-3"].Reason);
        Assert.Equal("bad_time", reasons["R-4"].Code);
        Assert.Contains("昨天早上", reasons["R-4"].Reason);
        Assert.Contains("不符", reasons["R-5"].Reason);
        await using var db = fx.App.CreateDbContext();
        Assert.Equal(6, await db.RawPunches.CountAsync(r => r.TerminalEventId != null && r.TerminalEventId.StartsWith("R-")));
    }

    [Fact]
    public async Task MalformedJsonIsAProblemWithACode()
    {
        var response = await Terminal().PostAsync("/api/attendance/punches", Json("[{\"employeeNo\": \"BJ0001\", "));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("invalid_json", problem.GetProperty("code").GetString());
        Assert.Contains("JSON", problem.GetProperty("title").GetString());

        var notAnArray = await Terminal().PostAsync("/api/attendance/punches", Json("{\"hello\":1}"));
        Assert.Equal(HttpStatusCode.BadRequest, notAnArray.StatusCode);
    }

    [Fact]
    public async Task OnlyClockTerminalsMayUpload()
    {
        var kiosk = await Terminal(DemoDevices.KioskToken).PostAsync("/api/attendance/punches", Json("[]"));
        Assert.Equal(HttpStatusCode.Forbidden, kiosk.StatusCode);
        var anonymous = await HttpSignIn.NewClient(fx.App).PostAsync("/api/attendance/punches", Json("[]"));
        Assert.False(anonymous.IsSuccessStatusCode, anonymous.StatusCode.ToString());
    }
}
