using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Data.Seeding;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Queueing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Queueing;

/// <summary>The kiosk and appointment API over HTTP against the real app, a real SQLite file and a test clock.</summary>
public sealed class KioskApiTests : IAsyncLifetime
{
    private QueueApp app = default!;

    public async Task InitializeAsync() => app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await app.DisposeAsync();

    private HttpClient Client(string? token = DemoDevices.KioskToken)
    {
        var client = HttpSignIn.NewClient(app.App);
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code, string? titleContains = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await BodyAsync(response);
        Assert.Equal(code, body.GetProperty("code").GetString());
        if (titleContains is not null) Assert.Contains(titleContains, body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task QueuesListEveryQueueWithCountsAndWhetherItIssues()
    {
        await app.IssueAsync("BDC");
        var response = await Client().GetAsync("/api/kiosk/queues");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var queues = (await BodyAsync(response)).EnumerateArray().ToList();
        Assert.Equal(14, queues.Count);
        var a = queues.Single(q => q.GetProperty("code").GetString() == "BDC");
        Assert.Equal("A", a.GetProperty("prefix").GetString());
        Assert.Equal(1, a.GetProperty("waiting").GetInt32());
        Assert.True(a.GetProperty("issuing").GetBoolean());
        Assert.Equal(JsonValueKind.Null, a.GetProperty("reason").ValueKind);
    }

    [Fact]
    public async Task ATicketIsIssuedByPrefixOrCodeWithAStatusUrlThatWorksWithoutSignIn()
    {
        var first = await Client().PostAsync("/api/kiosk/tickets", Json("""{ "queue": "A", "bookingCode": null }"""));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var ticket = await BodyAsync(first);
        Assert.Equal("A001", ticket.GetProperty("number").GetString());
        Assert.Equal(0, ticket.GetProperty("peopleAhead").GetInt32());

        var second = await BodyAsync(await Client().PostAsync("/api/kiosk/tickets", Json("""{ "queue": "bdc", "idNumber": "11010519491231002X" }""")));
        Assert.Equal("A002", second.GetProperty("number").GetString());
        Assert.Equal(1, second.GetProperty("peopleAhead").GetInt32());

        var url = new Uri(second.GetProperty("statusUrl").GetString()!);
        Assert.StartsWith("/t/", url.AbsolutePath);
        var page = await Client(token: null).GetAsync(url.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("A002", html);
        Assert.Contains("等候中", html);
        Assert.DoesNotContain("11010519491231002X", html);
    }

    [Fact]
    public async Task ATwoLetterQueueIsListedIssuedByItsPrefixAndShownOnTheStatusPage()
    {
        await app.AddQueueAsync("BDDY", "BD", "不动产抵押", routeToWindow: 1);
        var listed = (await BodyAsync(await Client().GetAsync("/api/kiosk/queues"))).EnumerateArray().Single(q => q.GetProperty("code").GetString() == "BDDY");
        Assert.Equal("BD", listed.GetProperty("prefix").GetString());

        var response = await Client().PostAsync("/api/kiosk/tickets", Json("""{ "queue": "bd" }"""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticket = await BodyAsync(response);
        Assert.Equal("BD001", ticket.GetProperty("number").GetString());

        var html = await (await Client(token: null).GetAsync(new Uri(ticket.GetProperty("statusUrl").GetString()!).PathAndQuery)).Content.ReadAsStringAsync();
        Assert.Contains("BD001", html);
    }

    [Fact]
    public async Task AQueueNoOpenWindowServesIsListedAsSuchAndRefusedWithNoWindowWhileAServedOneIssues()
    {
        await app.AddQueueAsync("WCK", "W", "无人值守业务");
        await app.AddQueueAsync("YCK", "Y", "有人值守业务", routeToWindow: 1);

        var queues = (await BodyAsync(await Client().GetAsync("/api/kiosk/queues"))).EnumerateArray().ToList();
        var unserved = queues.Single(q => q.GetProperty("code").GetString() == "WCK");
        Assert.False(unserved.GetProperty("issuing").GetBoolean());
        Assert.Equal("no_window", unserved.GetProperty("reasonCode").GetString());
        Assert.Equal("暂无窗口办理此业务，请咨询导办台。", unserved.GetProperty("reason").GetString());
        Assert.True(queues.Single(q => q.GetProperty("code").GetString() == "YCK").GetProperty("issuing").GetBoolean());

        await AssertProblemAsync(await Client().PostAsync("/api/kiosk/tickets", Json("""{ "queue": "W" }""")), HttpStatusCode.Conflict, "no_window", "请咨询导办台");
        Assert.Equal(HttpStatusCode.Created, (await Client().PostAsync("/api/kiosk/tickets", Json("""{ "queue": "Y" }"""))).StatusCode);
        await using var check = app.Context();
        Assert.Equal(["Y"], (await check.Set<Ticket>().ToListAsync()).Select(t => t.Prefix.Value));
    }

    [Fact]
    public async Task AClosedQueueIsRefusedWithItsReasonAndNoTicket()
    {
        await using (var db = app.Context())
        {
            var queue = await db.Set<ServiceQueue>().SingleAsync(q => q.Code == "BDC");
            queue.StopIssuing("系统升级");
            await db.SaveChangesAsync();
        }
        var response = await Client().PostAsync("/api/kiosk/tickets", Json("""{ "queue": "A" }"""));
        await AssertProblemAsync(response, HttpStatusCode.Conflict, "queue_closed", "系统升级");

        var a = (await BodyAsync(await Client().GetAsync("/api/kiosk/queues"))).EnumerateArray().Single(q => q.GetProperty("prefix").GetString() == "A");
        Assert.False(a.GetProperty("issuing").GetBoolean());
        Assert.Equal("queue_closed", a.GetProperty("reasonCode").GetString());
        await using var check = app.Context();
        Assert.Equal(0, await check.Set<Ticket>().CountAsync());
    }

    [Fact]
    public async Task OutsideOpeningHoursTheKioskRefuses()
    {
        app.Clock.Now = new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.FromHours(8));
        var response = await Client().PostAsync("/api/kiosk/tickets", Json("""{ "queue": "A" }"""));
        await AssertProblemAsync(response, HttpStatusCode.Conflict, "outside_hours", "办理时间");
    }

    [Theory]
    [InlineData("""{ "queue": "不存在" }""", "unknown_queue")]
    [InlineData("""{ "queue": "" }""", "unknown_queue")]
    public async Task AnUnknownQueueIsA404(string body, string code) =>
        await AssertProblemAsync(await Client().PostAsync("/api/kiosk/tickets", Json(body)), HttpStatusCode.NotFound, code, "没有该业务队列");

    [Theory]
    [InlineData("{ \"queue\": ")]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("null")]
    [InlineData("""{ "queue": 5 }""")]
    public async Task AMalformedBodyIsA400AndIssuesNothing(string body)
    {
        await AssertProblemAsync(await Client().PostAsync("/api/kiosk/tickets", Json(body)), HttpStatusCode.BadRequest, "invalid_json", "JSON");
        await using var db = app.Context();
        Assert.Equal(0, await db.Set<Ticket>().CountAsync());
    }

    [Fact]
    public async Task AnItemChoosesItsQueueTheIdIsMaskedAndTheLimitIsA409()
    {
        var items = await app.Service<KioskItems>().ItemsAsync();
        var passport = items.First(i => i.Name == "普通护照签发");
        var body = $$"""{ "item": "{{passport.Code}}", "idNumber": "371302199001050021" }""";

        var first = await Client().PostAsync("/api/kiosk/tickets", Json(body));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var ticket = await BodyAsync(first);
        Assert.Equal(("CRJ", passport.Code, "3713**********0021"),
            (ticket.GetProperty("queueCode").GetString(), ticket.GetProperty("item").GetString(), ticket.GetProperty("idNumberMasked").GetString()));
        Assert.DoesNotContain("371302199001050021", ticket.GetRawText());

        Assert.Equal(HttpStatusCode.Created, (await Client().PostAsync("/api/kiosk/tickets", Json(body))).StatusCode);
        await AssertProblemAsync(await Client().PostAsync("/api/kiosk/tickets", Json(body)), HttpStatusCode.Conflict, "id_limit", "已达上限");
        await AssertProblemAsync(await Client().PostAsync("/api/kiosk/tickets", Json("""{ "item": "NO-SUCH-ITEM" }""")), HttpStatusCode.NotFound, "unknown_item");
        await AssertProblemAsync(await Client().PostAsync("/api/kiosk/tickets", Json($$"""{ "queue": "BDC", "item": "{{passport.Code}}" }""")),
            HttpStatusCode.BadRequest, "item_not_in_queue");
        await AssertProblemAsync(await Client().PostAsync("/api/kiosk/tickets", Json("""{ "queue": "A", "idNumber": "371302199001050022" }""")),
            HttpStatusCode.BadRequest, "invalid_id_number", "校验位");
    }

    [Fact]
    public async Task AnInvalidIdNumberIsA400()
    {
        var response = await Client().PostAsync("/api/kiosk/tickets", Json("""{ "queue": "A", "idNumber": "12345" }"""));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_id_number", "身份证号");
    }

    [Fact]
    public async Task OnlyAKioskTokenMayUseTheApi()
    {
        await AssertProblemAsync(await Client(token: null).GetAsync("/api/kiosk/queues"), HttpStatusCode.Unauthorized, "device_unauthorized");
        await AssertProblemAsync(await Client(DemoDevices.LobbyToken).PostAsync("/api/kiosk/tickets", Json("""{ "queue": "A" }""")),
            HttpStatusCode.Forbidden, "device_forbidden");
    }

    [Fact]
    public async Task ABookingFromThePortalChecksInOnceAtTheKiosk()
    {
        // 10:00 now: a slot at 10:15 can be booked and checked in (30 minutes before it starts).
        var added = await app.Service<AppointmentBook>().AddSlotAsync("BDC", new DateOnly(2026, 11, 23),
            new TimeOnly(10, 15), new TimeOnly(10, 45), 2);
        Assert.True(added.Succeeded, added.Error);
        var slots = await BodyAsync(await Client().GetAsync("/api/appointments/slots?queue=A&date=2026-11-23"));
        Assert.Equal(2, slots.EnumerateArray().Single().GetProperty("remaining").GetInt32());

        var booked = await Client().PostAsync("/api/appointments",
            Json("""{ "queue": "A", "date": "2026-11-23", "start": "10:15", "idNumber": "110105194912310011" }"""));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var code = (await BodyAsync(booked)).GetProperty("bookingCode").GetString()!;
        Assert.Matches("^[1-9][0-9]{8}$", code);

        var again = await Client().PostAsync("/api/appointments",
            Json("""{ "queue": "BDC", "date": "2026-11-23", "start": "10:15", "idNumber": "110105194912310011" }"""));
        await AssertProblemAsync(again, HttpStatusCode.Conflict, "already_booked");

        var checkIn = await Client().PostAsync("/api/kiosk/tickets", Json($$"""{ "bookingCode": "{{code}}" }"""));
        Assert.Equal(HttpStatusCode.Created, checkIn.StatusCode);
        Assert.Equal("A001", (await BodyAsync(checkIn)).GetProperty("number").GetString());

        var twice = await Client().PostAsync("/api/kiosk/tickets", Json($$"""{ "bookingCode": "{{code}}" }"""));
        await AssertProblemAsync(twice, HttpStatusCode.Conflict, "booking_used", "已使用");
        await using var db = app.Context();
        Assert.Equal(1, await db.Set<Ticket>().CountAsync());
        Assert.Equal(PriorityClass.Appointment, (await db.Set<Ticket>().SingleAsync()).Priority);
        Assert.DoesNotContain(await db.Set<Appointment>().Select(a => a.PersonHash).ToListAsync(), h => h.Contains("110105"));
    }

    [Fact]
    public async Task AnUnknownBookingCodeOrSlotIsA404()
    {
        await AssertProblemAsync(await Client().PostAsync("/api/kiosk/tickets", Json("""{ "bookingCode": "12345678" }""")),
            HttpStatusCode.NotFound, "unknown_booking");
        await AssertProblemAsync(await Client().PostAsync("/api/appointments",
                Json("""{ "queue": "A", "date": "2026-11-23", "start": "16:00", "idNumber": "110105194912310011" }""")),
            HttpStatusCode.NotFound, "unknown_slot");
    }

    [Fact]
    public async Task TheStatusPageShowsTheWindowOnceTheTicketIsCalled()
    {
        var (windowId, staffId) = await app.StaffedWindowAsync(1);
        string queueCode;
        await using (var db = app.Context())
        {
            queueCode = await (from r in db.Set<WindowQueueRoute>()
                               join q in db.Set<ServiceQueue>() on r.QueueId equals q.Id
                               where r.WindowId == windowId
                               orderby r.Precedence
                               select q.Code).FirstAsync();
        }
        var ticket = await app.IssueAsync(queueCode);
        var before = await (await Client(token: null).GetAsync("/t/" + ticket.PublicCode)).Content.ReadAsStringAsync();
        Assert.Contains("等候中", before);

        var called = await app.Service<CounterDesk>().CallNextAsync(windowId, staffId);
        Assert.True(called.Succeeded, called.Error);
        var after = await (await Client(token: null).GetAsync("/t/" + ticket.PublicCode)).Content.ReadAsStringAsync();
        Assert.Contains("请到 1 号窗口办理", after);
        Assert.DoesNotContain("李静", after);
    }

    [Fact]
    public async Task AnUnknownStatusCodeSaysSoInChinese()
    {
        var response = await Client(token: null).GetAsync("/t/nosuchcode0000");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("没有找到这张号票", await response.Content.ReadAsStringAsync());
    }
}
