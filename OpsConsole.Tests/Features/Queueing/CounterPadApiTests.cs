using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Auth.Devices;
using OpsConsole.Data;
using OpsConsole.Data.Seeding;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Queueing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Queueing;

/// <summary>The calling pad API over HTTP against the real app: bearer token, JSON in, state or problem out.</summary>
public sealed class CounterPadApiTests : IAsyncLifetime
{
    private QueueApp app = default!;
    private (int WindowId, int StaffId) w1;

    public async Task InitializeAsync()
    {
        app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        w1 = await app.StaffedWindowAsync(1);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private HttpClient Pad(string token = "demo-pad-w1")
    {
        var client = HttpSignIn.NewClient(app.App);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string? json = null) =>
        client.PostAsync("/api/counter/" + path, json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code, string titleContains)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await JsonAsync(response);
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Contains(titleContains, body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task APadCallsTheNextTicketAndCompletesIt()
    {
        var issued = await app.IssueAsync("BDC");
        var pad = Pad();

        var call = await PostAsync(pad, "call-next");
        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        var called = await JsonAsync(call);
        Assert.Equal(1, called.GetProperty("window").GetInt32());
        Assert.Equal("Serving", called.GetProperty("state").GetString());
        Assert.Equal(issued.Number, called.GetProperty("current").GetProperty("number").GetString());
        Assert.Equal("Called", called.GetProperty("current").GetProperty("state").GetString());

        var complete = await PostAsync(pad, "complete");
        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        var done = await JsonAsync(complete);
        Assert.Equal("Idle", done.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("current").ValueKind);
        var ticket = await app.TicketAsync(issued.TicketId);
        Assert.Equal((TicketState.Completed, w1.StaffId), (ticket.State, ticket.StaffId!.Value));
    }

    [Fact]
    public async Task ASecondCallNextIsRefusedWithoutChangingAnything()
    {
        var first = await app.IssueAsync("BDC");
        var second = await app.IssueAsync("BDC");
        var pad = Pad();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(pad, "call-next")).StatusCode);

        var again = await PostAsync(pad, "call-next");

        await AssertProblemAsync(again, HttpStatusCode.Conflict, "ticket_at_counter", "请先办结或处理当前号");
        Assert.Equal(TicketState.Called, (await app.TicketAsync(first.TicketId)).State);
        Assert.Equal(TicketState.Waiting, (await app.TicketAsync(second.TicketId)).State);
        await using var db = app.Context();
        Assert.Equal(first.TicketId, (await db.Set<WindowSession>().SingleAsync(s => s.WindowId == w1.WindowId)).CurrentTicketId);
    }

    [Fact]
    public async Task AnUnknownOrRevokedTokenGets401()
    {
        await using (var db = app.Context())
        {
            var device = await db.Set<Device>().SingleAsync(d => d.TokenHash == DeviceTokens.Hash(DemoDevices.CounterPadToken(2)));
            device.RevokedAt = app.Clock.Now;
            await db.SaveChangesAsync();
        }
        foreach (var token in new[] { "no-such-pad", DemoDevices.CounterPadToken(2) })
        {
            await AssertProblemAsync(await PostAsync(Pad(token), "call-next"), HttpStatusCode.Unauthorized, "device_unauthorized", "设备未授权");
        }
        var anonymous = HttpSignIn.NewClient(app.App);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/counter/call-next", null)).StatusCode);
    }

    [Fact]
    public async Task AnotherKindOfDeviceIsForbidden()
    {
        var response = await PostAsync(Pad(DemoDevices.KioskToken), "call-next");
        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "device_forbidden", "无权");
    }

    [Fact]
    public async Task MalformedJsonIsA400Problem()
    {
        var response = await PostAsync(Pad(), "pause", "{\"reason\": \"Break\"");
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "malformed_json", "JSON");
        await using var db = app.Context();
        Assert.Equal(WindowState.Idle, (await db.Set<WindowSession>().SingleAsync(s => s.WindowId == w1.WindowId)).State);
    }

    [Theory]
    [InlineData("{\"reason\": \"Lunch\"}")]
    [InlineData("{\"reason\": 1}")]
    [InlineData("{}")]
    [InlineData("[]")]
    public async Task PauseWithABadReasonIsA400Problem(string body)
    {
        var response = await PostAsync(Pad(), "pause", body);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_pause_reason", "暂停原因无效");
    }

    [Fact]
    public async Task PauseTakesAnEnglishOrChineseReasonAndResumeReopens()
    {
        var pad = Pad();
        var paused = await PostAsync(pad, "pause", "{\"reason\": \"会议\", \"note\": \"科室例会\"}");
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.Equal("Paused", (await JsonAsync(paused)).GetProperty("state").GetString());
        await using (var db = app.Context())
        {
            var session = await db.Set<WindowSession>().AsNoTracking().SingleAsync(s => s.WindowId == w1.WindowId);
            Assert.Equal((PauseReason.Meeting, "科室例会"), (session.PauseReason!.Value, session.PauseNote));
        }
        await AssertProblemAsync(await PostAsync(pad, "call-next"), HttpStatusCode.Conflict, "window_paused", "窗口暂停中");

        var resumed = await PostAsync(pad, "resume");
        Assert.Equal("Idle", (await JsonAsync(resumed)).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(pad, "pause", "{\"reason\": \"backoffice\"}")).StatusCode);
    }

    [Fact]
    public async Task APadAtAWindowNobodyIsSignedInToGets409()
    {
        var desk = app.Service<CounterDesk>();
        Assert.True((await desk.SignOutAsync(w1.WindowId, w1.StaffId)).Succeeded);
        await app.IssueAsync("BDC");

        await AssertProblemAsync(await PostAsync(Pad(), "call-next"), HttpStatusCode.Conflict, "window_not_staffed", CounterPadEndpoints.NotStaffed);
    }

    [Fact]
    public async Task NothingWaitingIsAClearConflict()
    {
        await AssertProblemAsync(await PostAsync(Pad(), "call-next"), HttpStatusCode.Conflict, "no_ticket_waiting", "当前没有等候的号");
        await AssertProblemAsync(await PostAsync(Pad(), "complete"), HttpStatusCode.Conflict, "no_ticket_at_counter", "窗口当前没有在办的号");
    }
}
