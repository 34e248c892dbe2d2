using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpsConsole.Features.Notifications;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Notifications;

/// <summary>
/// The WeChat template-message adapter against a stand-in for WeChat's two endpoints on a local port: the access token
/// is fetched with the AppID and secret once, shared by sends, renewed when it expires or WeChat calls it invalid.
/// </summary>
public sealed class WeChatTemplateNotifierTests
{
    private static readonly NearTurnMessage Message =
        new("13812345678", "138****5678", "A012", "不动产登记", 2, "滨江市政务服务中心", "https://zwfw.example.gov.cn/t/abc");

    [Fact]
    public async Task TheTokenIsFetchedOnceSharedBySendsAndRenewedWhenItExpiresOrIsRefused()
    {
        await using var wechat = await FakeWeChat.StartAsync();
        var clock = TestClock.MondayMorning();
        using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var options = Options.Create(new NotificationOptions
        {
            WeChat = new NotificationOptions.WeChatOptions
            {
                Url = wechat.Root + "/cgi-bin/message/template/send", TokenUrl = wechat.Root + "/cgi-bin/token",
                AppId = "wx0123456789", AppSecret = "s3cret", TemplateId = "TPL-near-turn",
            },
        });
        var notifier = new WeChatTemplateNotifier(services.GetRequiredService<IHttpClientFactory>(), options, clock);

        await notifier.SendAsync(Message, CancellationToken.None);
        await notifier.SendAsync(Message, CancellationToken.None);

        Assert.Equal(["appid=wx0123456789&secret=s3cret&grant_type=client_credential"], wechat.TokenRequests.Select(Normalize));
        Assert.Equal(["token-1", "token-1"], wechat.SentWith);
        using (var body = JsonDocument.Parse(wechat.Bodies.First()))
        {
            Assert.Equal("TPL-near-turn", body.RootElement.GetProperty("template_id").GetString());
            Assert.Equal("13812345678", body.RootElement.GetProperty("touser").GetString());
            Assert.Equal("A012", body.RootElement.GetProperty("data").GetProperty("character_string2").GetProperty("value").GetString());
            Assert.Equal("2", body.RootElement.GetProperty("data").GetProperty("number3").GetProperty("value").GetString());
        }

        // Two hours later the token has expired: a new one is fetched.
        clock.Advance(TimeSpan.FromHours(2));
        await notifier.SendAsync(Message, CancellationToken.None);
        Assert.Equal("token-2", wechat.SentWith.Last());

        // WeChat says the token is invalid (42001): the send fails, and the next one gets a new token.
        wechat.NextErrCode = 42001;
        var failed = await Assert.ThrowsAsync<HttpRequestException>(() => notifier.SendAsync(Message, CancellationToken.None));
        Assert.Contains("42001", failed.Message);
        await notifier.SendAsync(Message, CancellationToken.None);
        Assert.Equal("token-3", wechat.SentWith.Last());
        Assert.Equal(3, wechat.TokenRequests.Count);
    }

    [Fact]
    public async Task AWrongSecretFailsTheSendWithWeChatsError()
    {
        await using var wechat = await FakeWeChat.StartAsync();
        using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var options = Options.Create(new NotificationOptions
        {
            WeChat = new NotificationOptions.WeChatOptions
            {
                Url = wechat.Root + "/cgi-bin/message/template/send", TokenUrl = wechat.Root + "/cgi-bin/token",
                AppId = "wx0123456789", AppSecret = "wrong", TemplateId = "TPL-near-turn",
            },
        });
        var notifier = new WeChatTemplateNotifier(services.GetRequiredService<IHttpClientFactory>(), options, TestClock.MondayMorning());

        var failed = await Assert.ThrowsAsync<HttpRequestException>(() => notifier.SendAsync(Message, CancellationToken.None));

        Assert.Contains("40125", failed.Message);
        Assert.Empty(wechat.Bodies);
    }

    private static string Normalize(string query) =>
        string.Join("&", query.TrimStart('?').Split('&').OrderBy(p => p.StartsWith("grant_type", StringComparison.Ordinal) ? 1 : 0).ThenBy(p => p, StringComparer.Ordinal));

    /// <summary>WeChat's cgi-bin/token and message/template/send on a local port, answering as WeChat documents them.</summary>
    private sealed class FakeWeChat : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _tokens;

        private FakeWeChat(WebApplication app) => _app = app;

        public string Root { get; private set; } = "";
        public ConcurrentQueue<string> TokenRequests { get; } = new();
        public ConcurrentQueue<string> SentWith { get; } = new();
        public ConcurrentQueue<string> Bodies { get; } = new();
        public int NextErrCode { get; set; }

        public static async Task<FakeWeChat> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var wechat = new FakeWeChat(app);
            app.MapGet("/cgi-bin/token", (HttpContext http) =>
            {
                wechat.TokenRequests.Enqueue(http.Request.QueryString.Value ?? "");
                if (http.Request.Query["secret"] != "s3cret") return Results.Json(new { errcode = 40125, errmsg = "invalid appsecret" });
                return Results.Json(new { access_token = $"token-{Interlocked.Increment(ref wechat._tokens)}", expires_in = 7200 });
            });
            app.MapPost("/cgi-bin/message/template/send", async (HttpContext http) =>
            {
                using var reader = new StreamReader(http.Request.Body);
                wechat.Bodies.Enqueue(await reader.ReadToEndAsync());
                wechat.SentWith.Enqueue(http.Request.Query["access_token"].ToString());
                var code = wechat.NextErrCode;
                wechat.NextErrCode = 0;
                return Results.Json(new { errcode = code, errmsg = code == 0 ? "ok" : "access_token expired", msgid = 1 });
            });
            await app.StartAsync();
            wechat.Root = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            return wechat;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
