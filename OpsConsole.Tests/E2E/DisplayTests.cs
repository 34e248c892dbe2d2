using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using OpsConsole.Data;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Queueing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>
/// The hall's screens in Chromium against a real server with a test clock: the lobby display
/// shows and queues each call for speech twice, the window screen follows its window, both show
/// "连接中断" when the server goes away, and the evaluator rates a completed ticket.
/// </summary>
[Collection("browser")]
public sealed class DisplayTests : IAsyncLifetime
{
    private TestDatabase _db = default!;
    private OpsApp _app = default!;
    private IPlaywright _playwright = default!;
    private IBrowser _browser = default!;
    private readonly TestClock _clock = TestClock.MondayMorning();
    private bool _appStopped;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _app = new OpsApp(_db, kestrelPort: 0, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock)));
        _ = _app.BaseUrl;
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserFixture.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        if (!_appStopped) await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task<IPage> DevicePageAsync(string token, int width = 1920, int height = 1080)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_app.BaseUrl + "/device/activate?token=" + token);
        return page;
    }

    private T Service<T>() where T : notnull => _app.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private async Task<(int WindowId, int StaffId, string QueueCode)> WindowOneAsync()
    {
        await using var db = _app.CreateDbContext();
        var window = await db.Windows.SingleAsync(w => w.Number == 1);
        var session = await db.Set<WindowSession>().SingleAsync(s => s.WindowId == window.Id);
        var queueId = await db.Set<WindowQueueRoute>().Where(r => r.WindowId == window.Id).OrderBy(r => r.Precedence).Select(r => r.QueueId).FirstAsync();
        var code = await db.Set<ServiceQueue>().Where(q => q.Id == queueId).Select(q => q.Code).SingleAsync();
        return (window.Id, session.StaffId!.Value, code);
    }

    private async Task<string> IssueAndCallAsync(int windowId, int staffId, string queueCode)
    {
        var issued = await Service<TicketIssuer>().IssueAsync(queueCode, TicketChannel.Kiosk);
        Assert.True(issued.Result.Succeeded, issued.Result.Error);
        var call = await Service<CounterDesk>().CallNextAsync(windowId, staffId);
        Assert.True(call.Succeeded, call.Error);
        return issued.Ticket!.Number;
    }

    private static Task WaitForSnapshotAsync(IPage page, string hook) =>
        page.WaitForFunctionAsync($"() => window.{hook} && window.{hook}.status.snapshots > 0", null, new() { Timeout = 15000 });

    [Fact]
    public async Task TheLobbyShowsAndSpeaksACallTwiceTheWindowScreenFollowsAndBothNoticeALostServer()
    {
        var (windowId, staffId, queueCode) = await WindowOneAsync();
        var lobby = await DevicePageAsync("demo-lobby-1");
        var screen = await DevicePageAsync("demo-screen-w1");
        var errors = new List<string>();
        lobby.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        screen.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        Assert.EndsWith("/display/lobby", lobby.Url);
        Assert.EndsWith("/display/window", screen.Url);
        await WaitForSnapshotAsync(lobby, "__lobby");
        await WaitForSnapshotAsync(screen, "__windowScreen");
        await Assertions.Expect(lobby.Locator("[data-testid=lobby-waiting] .lobby-queue")).ToHaveCountAsync(14);
        await Assertions.Expect(screen.Locator("[data-testid=ws-staff-name]")).ToHaveTextAsync("李静");
        await Assertions.Expect(screen.Locator("[data-testid=ws-current]")).ToHaveTextAsync("请等候叫号");

        var number = await IssueAndCallAsync(windowId, staffId, queueCode);

        await Assertions.Expect(lobby.Locator("[data-testid=lobby-now-number]")).ToHaveTextAsync(number, new() { Timeout = 3000 });
        await Assertions.Expect(lobby.Locator("[data-testid=lobby-now-window]")).ToHaveTextAsync("1号窗口");
        await Assertions.Expect(lobby.Locator("[data-testid=lobby-recent] li").First).ToContainTextAsync(number);
        await Assertions.Expect(screen.Locator("[data-testid=ws-current]")).ToHaveTextAsync(number, new() { Timeout = 3000 });
        var spoken = await SpokenAsync(lobby);
        Assert.Equal(2, spoken.Count(s => s.Number == number));
        Assert.Equal([1, 2], spoken.Where(s => s.Number == number).Select(s => s.Repetition));
        Assert.Contains("号到 1 号窗口办理", spoken[0].Text);

        // A recall is queued like a new call; utterances never overlap.
        Assert.True((await Service<CounterDesk>().RecallAsync(windowId, staffId)).Succeeded);
        await lobby.WaitForFunctionAsync("() => window.__lobby.spoken.length === 4", null, new() { Timeout = 3000 });
        Assert.True(await lobby.EvaluateAsync<int>("() => window.__lobby.maxSpeaking") <= 1);
        await Assertions.Expect(lobby.Locator("[data-testid=lobby-recent] li[data-number]")).ToHaveCountAsync(1);

        await lobby.ScreenshotAsync("display-lobby-1920");
        await lobby.SetViewportSizeAsync(1366, 768);
        await lobby.ScreenshotAsync("display-lobby-1366");
        await screen.ScreenshotAsync("display-window-1920");

        // Paused: the window screen says so, with the reason.
        Assert.True((await Service<CounterDesk>().CompleteAsync(windowId, staffId)).Succeeded);
        Assert.True((await Service<CounterDesk>().PauseAsync(windowId, staffId, PauseReason.Meeting, null)).Succeeded);
        await Assertions.Expect(screen.Locator("[data-testid=ws-paused]")).ToBeVisibleAsync(new() { Timeout = 3000 });
        await Assertions.Expect(screen.Locator("[data-testid=ws-paused]")).ToContainTextAsync("暂停服务");
        await Assertions.Expect(screen.Locator("[data-testid=ws-paused]")).ToContainTextAsync("会议");
        await screen.SetViewportSizeAsync(1366, 768);
        await screen.ScreenshotAsync("display-window-paused-1366");

        // Closed (nobody signed in): also "暂停服务", saying the window is not open.
        Assert.True((await Service<CounterDesk>().SignOutAsync(windowId, staffId)).Succeeded);
        await Assertions.Expect(screen.Locator("[data-testid=ws-paused]")).ToContainTextAsync("窗口未开放", new() { Timeout = 3000 });
        await Assertions.Expect(screen.Locator("[data-testid=ws-staff-name]")).ToHaveTextAsync("暂无工作人员");
        Assert.Empty(errors);

        // The server goes away: both screens show "连接中断" within 10 s.
        _appStopped = true;
        await _app.DisposeAsync();
        await Assertions.Expect(lobby.Locator("[data-testid=display-stale]")).ToBeVisibleAsync(new() { Timeout = 10000 });
        await Assertions.Expect(lobby.Locator("[data-testid=display-stale]")).ToContainTextAsync("连接中断");
        await Assertions.Expect(screen.Locator("[data-testid=display-stale]")).ToBeVisibleAsync(new() { Timeout = 10000 });
        await lobby.ScreenshotAsync("display-lobby-stale-1366");
    }

    [Fact]
    public async Task TwoLetterNumbersFitTheLobbyAndTheWindowScreenAt1366AndAreSpokenLetterByLetter()
    {
        var (windowId, staffId, _) = await WindowOneAsync();
        var bd = await AddQueueAtWindowAsync(windowId, "BDDY", "BD", "不动产抵押", lastSequence: 16);
        // The widest number a two-letter queue reaches on a busy day.
        var wm = await AddQueueAtWindowAsync(windowId, "WMJY", "WM", "外贸经营备案", lastSequence: 999);
        var lobby = await DevicePageAsync("demo-lobby-1", 1366, 768);
        var screen = await DevicePageAsync("demo-screen-w1", 1366, 768);
        await WaitForSnapshotAsync(lobby, "__lobby");
        await WaitForSnapshotAsync(screen, "__windowScreen");
        await Assertions.Expect(lobby.Locator("[data-testid=lobby-waiting] .lobby-queue")).ToHaveCountAsync(16);

        Assert.Equal("BD017", await IssueAndCallAsync(windowId, staffId, bd));
        await Assertions.Expect(lobby.Locator("[data-testid=lobby-now-number]")).ToHaveTextAsync("BD017", new() { Timeout = 3000 });
        await Assertions.Expect(screen.Locator("[data-testid=ws-current]")).ToHaveTextAsync("BD017", new() { Timeout = 3000 });
        var spoken = await SpokenAsync(lobby);
        Assert.Equal("请 B D 零 一 七 号到 1 号窗口办理", spoken.First(s => s.Number == "BD017").Text);
        await lobby.ScreenshotAsync("display-lobby-two-letters-1366");
        await screen.ScreenshotAsync("display-window-two-letters-1366");
        await AssertNumbersFitAsync(lobby, screen);

        Assert.True((await Service<CounterDesk>().StartAsync(windowId, staffId)).Succeeded);
        Assert.True((await Service<CounterDesk>().CompleteAsync(windowId, staffId)).Succeeded);
        Assert.Equal("WM1000", await IssueAndCallAsync(windowId, staffId, wm));
        await Assertions.Expect(lobby.Locator("[data-testid=lobby-now-number]")).ToHaveTextAsync("WM1000", new() { Timeout = 3000 });
        await Assertions.Expect(screen.Locator("[data-testid=ws-current]")).ToHaveTextAsync("WM1000", new() { Timeout = 3000 });
        await lobby.ScreenshotAsync("display-lobby-two-letters-long-1366");
        await screen.ScreenshotAsync("display-window-two-letters-long-1366");
        await AssertNumbersFitAsync(lobby, screen);
    }

    /// <summary>A queue served by the window (after its own queues) whose counter today stands at <paramref name="lastSequence"/>.</summary>
    private async Task<string> AddQueueAtWindowAsync(int windowId, string code, string prefix, string name, int lastSequence)
    {
        await using var db = _app.CreateDbContext();
        var queue = new ServiceQueue(code, new QueuePrefix(prefix), name,
            [new OpeningPeriod(new(9, 0), new(12, 0)), new OpeningPeriod(new(13, 0), new(17, 0))]);
        db.Add(queue);
        await db.SaveChangesAsync();
        db.Add(new WindowQueueRoute(windowId, queue.Id, WindowQueueRoute.MaxPrecedence));
        db.Add(new OpsConsole.Data.Queueing.TicketCounter { QueueId = queue.Id, Day = DateOnly.FromDateTime(_clock.Now.DateTime), LastSequence = lastSequence });
        await db.SaveChangesAsync();
        return code;
    }

    // Each big number, and the lobby's latest row, stays within the width of its box (no clipping, no overlap);
    // two letters make a number wider, not taller.
    private static async Task AssertNumbersFitAsync(IPage lobby, IPage screen)
    {
        const string Inside = """
            ([inner, outer]) => {
              const a = document.querySelector(inner).getBoundingClientRect(), b = document.querySelector(outer).getBoundingClientRect();
              return a.left >= b.left && a.right <= b.right;
            }
            """;
        Assert.True(await lobby.EvaluateAsync<bool>(Inside, new[] { "#now-number", "#lobby-now" }), "lobby: the called number overflows its box");
        Assert.True(await lobby.EvaluateAsync<bool>(Inside, new[] { "#now-window", "#lobby-now" }), "lobby: the window after the called number is pushed out of its box");
        Assert.True(await lobby.EvaluateAsync<bool>(Inside, new[] { "#recent li .lobby-recent-number", "#recent li" }), "lobby: the latest number overflows its row");
        Assert.True(await lobby.EvaluateAsync<bool>("""
            () => { const row = document.querySelector("#recent li");
              return row.querySelector(".lobby-recent-number").getBoundingClientRect().right <= row.querySelector(".lobby-recent-arrow").getBoundingClientRect().left; }
            """), "lobby: the latest number runs into its arrow");
        Assert.True(await lobby.EvaluateAsync<bool>("""
            () => [...document.querySelectorAll(".lobby-queue-prefix")].every(p => p.scrollWidth <= p.clientWidth + 1)
            """), "lobby: a queue prefix overflows its badge");
        Assert.True(await screen.EvaluateAsync<bool>(Inside, new[] { "#ws-current", "#ws-ticket" }), "window screen: the number overflows its box");
    }

    [Fact]
    public async Task AfterARestartTheLobbyResyncsAndTheBannerGoes()
    {
        var lobby = await DevicePageAsync("demo-lobby-1", 1366, 768);
        await WaitForSnapshotAsync(lobby, "__lobby");
        var port = new Uri(_app.BaseUrl).Port;
        _appStopped = true;
        await _app.DisposeAsync();
        await Assertions.Expect(lobby.Locator("[data-testid=display-stale]")).ToBeVisibleAsync(new() { Timeout = 10000 });

        await using var second = new OpsApp(_db, kestrelPort: port, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock)));
        _ = second.BaseUrl;
        await lobby.WaitForFunctionAsync("() => window.__lobby.status.snapshots > 1", null, new() { Timeout = 20000 });
        await Assertions.Expect(lobby.Locator("[data-testid=display-stale]")).ToBeHiddenAsync(new() { Timeout = 5000 });
    }

    [Fact]
    public async Task TheEvaluatorAsksForARatingAfterACompletionAndABadOneOpensARectification()
    {
        var (windowId, staffId, queueCode) = await WindowOneAsync();
        var evaluator = await DevicePageAsync("demo-eval-w1", 1366, 768);
        Assert.EndsWith("/evaluator", evaluator.Url);
        await evaluator.WaitForCircuitAsync();
        await evaluator.WaitForSelectorAsync("[data-testid=evaluator-idle]");
        await evaluator.ScreenshotAsync("evaluator-idle-1366");

        var number = await IssueAndCallAsync(windowId, staffId, queueCode);
        Assert.True((await Service<CounterDesk>().CompleteAsync(windowId, staffId)).Succeeded);

        var levels = evaluator.Locator("[data-testid=evaluator-levels]");
        await Assertions.Expect(levels).ToBeVisibleAsync(new() { Timeout = 5000 });
        await Assertions.Expect(levels).ToContainTextAsync(number);
        await Assertions.Expect(levels.Locator("button span")).ToHaveTextAsync(["非常满意", "满意", "基本满意", "不满意", "非常不满意"]);
        await evaluator.ScreenshotAsync("evaluator-levels-1366");

        await evaluator.ClickAsync("[data-testid=level-VeryDissatisfied]");
        await evaluator.WaitForSelectorAsync("[data-testid=evaluator-reasons]");
        await Assertions.Expect(evaluator.Locator("[data-testid=evaluator-submit]")).ToBeDisabledAsync();
        await evaluator.ClickAsync("[data-testid=reason-LongWait]");
        await evaluator.ClickAsync("[data-testid=reason-PoorAttitude]");
        await evaluator.FillAsync("[data-testid=evaluator-comment]", "等了很久");
        await evaluator.ScreenshotAsync("evaluator-reasons-1366");
        await evaluator.ClickAsync("[data-testid=evaluator-submit]");
        await evaluator.WaitForSelectorAsync("[data-testid=evaluator-thanks]");
        await evaluator.ScreenshotAsync("evaluator-thanks-1366");

        await using (var db = _app.CreateDbContext())
        {
            var evaluation = await db.Set<Evaluation>().Include(e => e.Rectification).SingleAsync();
            Assert.Equal(SatisfactionLevel.VeryDissatisfied, evaluation.Level);
            Assert.Equal([EvaluationReason.LongWait, EvaluationReason.PoorAttitude], evaluation.Reasons);
            Assert.Equal("等了很久", evaluation.Comment);
            Assert.Equal(windowId, evaluation.WindowId);
            Assert.Equal(staffId, evaluation.StaffId);
            Assert.NotNull(evaluation.Rectification);
            Assert.Equal(RectificationState.Open, evaluation.Rectification!.State);
            // Monday 23 November + 15 working days (weekends off) = Monday 14 December.
            Assert.Equal(new DateOnly(2026, 12, 14), evaluation.Rectification.Deadline);
        }

        // Back to idle after the thank-you screen.
        await evaluator.WaitForSelectorAsync("[data-testid=evaluator-idle]", new() { Timeout = 10000 });
        await evaluator.SetViewportSizeAsync(1920, 1080);
        await evaluator.ScreenshotAsync("evaluator-idle-1920");
    }

    [Fact]
    public async Task TheHubAdmitsOnlyDisplaysGroupsByDeviceCoalescesWaitingCountsAndTicks()
    {
        using (var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(_app.BaseUrl) })
        {
            var anonymous = await http.PostAsync("/hubs/display/negotiate?negotiateVersion=1", null);
            Assert.Contains((int)anonymous.StatusCode, new[] { 302, 401 });
            foreach (var (token, expected) in new[] { ("demo-kiosk-1", 403), ("demo-eval-w1", 403), ("demo-lobby-1", 200), ("demo-screen-w2", 200) })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/display/negotiate?negotiateVersion=1");
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                Assert.Equal(expected, (int)(await http.SendAsync(request)).StatusCode);
            }
        }

        var lobby = await DevicePageAsync("demo-lobby-1", 1366, 768);
        var screen2 = await DevicePageAsync("demo-screen-w2", 1366, 768);
        Assert.Equal("lobby", await lobby.EvaluateAsync<string>(ProbeScript));
        Assert.Equal("window", await screen2.EvaluateAsync<string>(ProbeScript));
        Assert.Equal(2, await screen2.EvaluateAsync<int>("() => window.__probe.snapshot.window.windowNumber"));

        // Tickets issued at once: the lobby gets a few coalesced waiting updates, not one per ticket.
        await using (var db = _app.CreateDbContext())
        {
            var codes = await db.Set<ServiceQueue>().Select(q => q.Code).ToListAsync();
            var outcomes = await Task.WhenAll(codes.SelectMany(c => new[] { c, c }).Select(c => Service<TicketIssuer>().IssueAsync(c, TicketChannel.Kiosk)));
            var issued = outcomes.Count(o => o.Result.Succeeded);
            Assert.True(issued >= 10, $"only {issued} tickets issued");
            await lobby.WaitForFunctionAsync($"() => window.__probe.lastWaiting && window.__probe.lastWaiting.reduce((n, q) => n + q.waiting, 0) === {issued}",
                null, new() { Timeout = 5000 });
            var updates = await lobby.EvaluateAsync<int>("() => window.__probe.waiting");
            Assert.True(updates < issued / 2, $"{updates} waiting updates for {issued} tickets");
        }

        var (windowId, staffId, _) = await WindowOneAsync();
        Assert.True((await Service<CounterDesk>().CallNextAsync(windowId, staffId)).Succeeded);
        await lobby.WaitForFunctionAsync("() => window.__probe.calls.length === 1", null, new() { Timeout = 3000 });
        var call = JsonDocument.Parse(await lobby.EvaluateAsync<string>("() => JSON.stringify(window.__probe.calls[0])")).RootElement;
        Assert.Equal(1, call.GetProperty("windowNumber").GetInt32());
        Assert.False(string.IsNullOrEmpty(call.GetProperty("queueName").GetString()));
        Assert.False(call.GetProperty("recall").GetBoolean());

        // Heartbeats reach every group; window 1's state goes to window 1's screens only.
        await lobby.WaitForFunctionAsync("() => window.__probe.ticks > 0", null, new() { Timeout = 4000 });
        await screen2.WaitForFunctionAsync("() => window.__probe.ticks > 0", null, new() { Timeout = 4000 });
        Assert.Equal(0, await lobby.EvaluateAsync<int>("() => window.__probe.windows.length"));
        Assert.Equal(0, await screen2.EvaluateAsync<int>("() => window.__probe.windows.length + window.__probe.calls.length"));
    }

    // A second connection on a display page, recording what the hub pushes to this device.
    private const string ProbeScript = """
        async () => {
          const probe = window.__probe = { waiting: 0, lastWaiting: null, calls: [], windows: [], ticks: 0 };
          const c = new signalR.HubConnectionBuilder().withUrl("/hubs/display").build();
          c.on("waiting", w => { probe.waiting++; probe.lastWaiting = w; });
          c.on("call", x => probe.calls.push(x));
          c.on("window", x => probe.windows.push(x));
          c.on("tick", () => probe.ticks++);
          await c.start();
          probe.snapshot = await c.invoke("Snapshot");
          return probe.snapshot.kind;
        }
        """;

    private sealed record Spoken(string Number, int WindowNumber, bool Recall, int Repetition, string Text);

    private static async Task<List<Spoken>> SpokenAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>("() => JSON.stringify(window.__lobby.spoken)");
        return JsonSerializer.Deserialize<List<Spoken>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
