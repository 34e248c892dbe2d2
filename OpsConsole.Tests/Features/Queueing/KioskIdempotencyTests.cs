using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Data.Seeding;
using OpsConsole.Domain.Queueing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Queueing;

/// <summary>The kiosk ticket request with an Idempotency-Key (issue 14, defect 6), over HTTP on a real SQLite file.</summary>
public sealed class KioskIdempotencyTests : IAsyncLifetime
{
    private QueueApp app = default!;

    public async Task InitializeAsync() => app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await app.DisposeAsync();

    private static Task<HttpResponseMessage> TakeAsync(OpsApp node, string? key, string body = """{ "queue": "A" }""")
    {
        var client = HttpSignIn.NewClient(node);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DemoDevices.KioskToken);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/kiosk/tickets") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<int> TicketCountAsync()
    {
        await using var db = app.Context();
        return await db.Set<Ticket>().CountAsync();
    }

    [Fact]
    public async Task TheSameKeyTwiceGivesOneTicketWithTheSameNumberAndStatusUrl()
    {
        var first = await TakeAsync(app.App, "7b0c6a52-52a5-4b0e-9d55-1c3f4a1e2f10");
        var second = await TakeAsync(app.App, "7b0c6a52-52a5-4b0e-9d55-1c3f4a1e2f10");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        var a = await BodyAsync(first);
        var b = await BodyAsync(second);
        Assert.Equal("A001", a.GetProperty("number").GetString());
        Assert.Equal("A001", b.GetProperty("number").GetString());
        Assert.Equal(a.GetProperty("statusUrl").GetString(), b.GetProperty("statusUrl").GetString());
        Assert.Equal(1, await TicketCountAsync());
    }

    [Fact]
    public async Task DifferentKeysAndRequestsWithoutAKeyGiveTicketsOfTheirOwn()
    {
        var numbers = new List<string?>();
        foreach (var key in new[] { "key-1", "key-2", null, null })
            numbers.Add((await BodyAsync(await TakeAsync(app.App, key))).GetProperty("number").GetString());

        Assert.Equal(["A001", "A002", "A003", "A004"], numbers);
        Assert.Equal(4, await TicketCountAsync());
    }

    [Fact]
    public async Task OneKeySentManyTimesAtOnceGivesOneTicket()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => TakeAsync(app.App, "burst-key"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = await Task.WhenAll(responses.Select(async r => (await BodyAsync(r)).GetProperty("number").GetString()));
        Assert.All(numbers, n => Assert.Equal("A001", n));
        Assert.Equal(1, await TicketCountAsync());
    }

    [Fact]
    public async Task ARetryAnsweredByAnotherNodeAfterTheFirstWentDownGetsTheCommittedTicket()
    {
        // The first node commits and its answer is lost; the kiosk retries, reaching a node that has no memory of it.
        var committed = await BodyAsync(await TakeAsync(app.App, "crash-key"));
        var other = app.AddNode();
        var retry = await TakeAsync(other, "crash-key");

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(committed.GetProperty("number").GetString(), (await BodyAsync(retry)).GetProperty("number").GetString());
        Assert.Equal(1, await TicketCountAsync());
    }

    [Fact]
    public async Task AKeyReusedForAnotherQueueIsRefusedWithoutATicket()
    {
        await TakeAsync(app.App, "reused-key");
        var other = await TakeAsync(app.App, "reused-key", """{ "queue": "ZH" }""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("idempotency_key_reused", (await BodyAsync(other)).GetProperty("code").GetString());
        Assert.Equal(1, await TicketCountAsync());
    }

    [Fact]
    public async Task AMalformedKeyIsA400Problem()
    {
        var response = await TakeAsync(app.App, new string('k', 129));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_idempotency_key", (await BodyAsync(response)).GetProperty("code").GetString());
        Assert.Equal(0, await TicketCountAsync());
    }
}
