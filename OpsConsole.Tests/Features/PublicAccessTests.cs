using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpsConsole.Data;
using OpsConsole.Data.Seeding;
using OpsConsole.Features.Queueing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features;

/// <summary>The anonymous public pages: a per-IP limit with a Chinese 429 page, and a shared snapshot (issue 14, defect 7).</summary>
public sealed partial class PublicAccessTests
{
    private const int Limit = 5;

    private static async Task<(TestDatabase Db, OpsApp App)> StartAsync()
    {
        var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var app = new OpsApp(db) { Settings = new Dictionary<string, string> { ["RateLimiting:PermitLimit"] = $"{Limit}", ["RateLimiting:WindowSeconds"] = "600" } };
        return (db, app);
    }

    [Fact]
    public async Task AnAnonymousCallerOverTheLimitGetsA429PageInChineseWithRetryAfter()
    {
        var (db, app) = await StartAsync();
        await using var _ = db;
        await using var __ = app;
        var client = HttpSignIn.NewClient(app);

        for (var i = 0; i < Limit; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/wait")).StatusCode);
        var refused = await client.GetAsync("/wait");
        var statusPage = await client.GetAsync("/t/no-such-code");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("访问过于频繁", html);
        Assert.Contains("秒后再刷新页面", html);
        // One budget per caller across the public pages.
        Assert.Equal(HttpStatusCode.TooManyRequests, statusPage.StatusCode);
    }

    [Fact]
    public async Task GuessedDeviceTokensCountAndTheRefusalIsInEnglishForAnEnglishReader()
    {
        var (db, app) = await StartAsync();
        await using var _ = db;
        await using var __ = app;
        var client = HttpSignIn.NewClient(app);
        await client.GetAsync("/culture/set?culture=en&redirectUri=/");

        for (var i = 0; i < Limit; i++) await client.GetAsync("/device/activate?token=guess-" + i);
        var page = await client.GetAsync("/wait");

        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("Too many requests", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignedInStaffAndDevicesWithATokenAreNotCountedAsAnonymous()
    {
        var (db, app) = await StartAsync();
        await using var _ = db;
        await using var __ = app;
        var staff = await HttpSignIn.SignedInClientAsync(app, "BJ0001", DemoAccounts.Password);
        var kiosk = HttpSignIn.NewClient(app);
        kiosk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DemoDevices.KioskToken);
        var forged = HttpSignIn.NewClient(app);
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-device-token");

        for (var i = 0; i < Limit * 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/wait")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await kiosk.GetAsync("/wait")).StatusCode);
        }
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= Limit; i++) statuses.Add((await forged.GetAsync("/wait")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task TheWaitPageAndTheKioskListShowANewTicketAndShareOneSnapshotMeanwhile()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var snapshot = app.Service<PublicQueueSnapshot>();
        var first = await snapshot.QueuesAsync();
        Assert.Same(first, await snapshot.QueuesAsync());
        var client = HttpSignIn.NewClient(app.App);
        var kiosk = HttpSignIn.NewClient(app.App);
        kiosk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DemoDevices.KioskToken);
        var before = Waiting(await client.GetStringAsync("/wait"));

        // How soon is a figure for the bench (`bench -- public`), not a timed assertion: here, that they show it at all.
        await app.IssueAsync("BDC");
        await Wait.UntilAsync(async () => Waiting(await client.GetStringAsync("/wait")) == before + 1, () => "/wait to show the new ticket", timeoutSeconds: 30);
        await Wait.UntilAsync(async () => KioskWaiting(await kiosk.GetStringAsync("/api/kiosk/queues")) == before + 1, () => "the kiosk list to show it", timeoutSeconds: 30);
    }

    [Fact]
    public async Task AtNightTheWaitPageSaysClosedWithTheOpeningHoursNotNoWait()
    {
        // Issue 10: "无需等候 0 人" at 21:00 told people to come; a closed queue says 未开放 and when it opens.
        var night = new TestClock(new DateTimeOffset(2026, 11, 23, 21, 0, 0, TimeSpan.FromHours(8)));
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite, night);
        var html = await HttpSignIn.NewClient(app.App).GetStringAsync("/wait");
        Assert.Contains("data-testid=\"wait-closed\"", html);
        Assert.Contains("未开放", html);
        Assert.Matches(@"开放时间 \d{2}:\d{2}–\d{2}:\d{2}", html);
        Assert.DoesNotContain("无需等候", html);

        night.Now = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));
        await Wait.UntilAsync(async () => !(await HttpSignIn.NewClient(app.App).GetStringAsync("/wait")).Contains("wait-closed"),
            () => "/wait to show the queues open in the morning", timeoutSeconds: 30);
    }

    /// <summary>The waiting count on the BDC card (prefix A) of the /wait page.</summary>
    private static int Waiting(string html)
    {
        var m = BdcCard().Match(html);
        Assert.True(m.Success, "the /wait page has the A card");
        return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int KioskWaiting(string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateArray().Single(q => q.GetProperty("code").GetString() == "BDC").GetProperty("waiting").GetInt32();

    [GeneratedRegex("""<div class="public-prefix">A</div>.*?<div class="public-count">(\d+)</div>""", RegexOptions.Singleline)]
    private static partial Regex BdcCard();
}
