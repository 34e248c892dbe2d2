using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace OpsConsole.Features.Notifications;

/// <summary>What a near-turn notice says: to whom, which ticket, how many are ahead, where to follow it.</summary>
public sealed record NearTurnMessage(string Phone, string PhoneMasked, string Number, string QueueName, int PeopleAhead, string CenterName, string StatusUrl)
{
    /// <summary>The text an SMS carries (the gateway's template may use the fields instead).</summary>
    public string Text => string.Format(CultureInfo.InvariantCulture,
        "【{0}】您的 {1} 号（{2}）前面还有 {3} 人，请回到等候区留意叫号。进度：{4}", CenterName, Number, QueueName, PeopleAhead, StatusUrl);
}

/// <summary>
/// Sends near-turn notices. An adapter throws when the message was not accepted; the watcher logs it and tries
/// again at most a few times (<see cref="Domain.Queueing.NearTurnNotice.MaxAttempts"/>). Never called on a counter's call path.
/// </summary>
public interface INearTurnNotifier
{
    /// <summary>The channel's name in logs ("log", "sms", "wechat").</summary>
    string Channel { get; }

    Task SendAsync(NearTurnMessage message, CancellationToken ct);
}

/// <summary>For demos and tests: logs the notice (phone masked) and keeps the latest ones in memory.</summary>
public sealed class LogNearTurnNotifier(ILogger<LogNearTurnNotifier> log) : INearTurnNotifier
{
    private const int Keep = 200;
    private readonly ConcurrentQueue<NearTurnMessage> _sent = new();

    public string Channel => "log";

    /// <summary>The latest notices "sent", oldest first.</summary>
    public IReadOnlyList<NearTurnMessage> Sent => _sent.ToArray();

    public Task SendAsync(NearTurnMessage message, CancellationToken ct)
    {
        log.LogInformation("Near-turn notice to {Phone}: ticket {Number} ({Queue}), {Ahead} ahead", message.PhoneMasked, message.Number,
            message.QueueName, message.PeopleAhead);
        _sent.Enqueue(message);
        while (_sent.Count > Keep) _sent.TryDequeue(out _);
        return Task.CompletedTask;
    }
}

/// <summary>
/// An SMS gateway reached by HTTP POST (JSON: phone, text, template fields) with the key in a header
/// (Notifications:Sms:Url, Key, KeyHeader). A non-success status is a failure.
/// </summary>
public sealed class SmsGatewayNotifier(IHttpClientFactory clients, IOptions<NotificationOptions> options) : INearTurnNotifier
{
    public string Channel => "sms";

    public async Task SendAsync(NearTurnMessage message, CancellationToken ct)
    {
        var sms = options.Value.Sms;
        if (string.IsNullOrWhiteSpace(sms.Url)) throw new InvalidOperationException("Notifications:Sms:Url is not configured.");
        using var request = new HttpRequestMessage(HttpMethod.Post, sms.Url)
        {
            Content = JsonContent.Create(new
            {
                phone = message.Phone,
                text = message.Text,
                template = sms.TemplateCode,
                @params = new { number = message.Number, queue = message.QueueName, ahead = message.PeopleAhead, url = message.StatusUrl },
            }),
        };
        if (!string.IsNullOrEmpty(sms.Key)) request.Headers.TryAddWithoutValidation(sms.KeyHeader, sms.Key);
        using var response = await clients.CreateClient(NotificationServiceCollectionExtensions.HttpClientName).SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"SMS gateway answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
    }
}

/// <summary>
/// A WeChat template message posted to Notifications:WeChat:Url — the official message/template/send address, or the
/// center's relay in front of it, which maps the applicant's phone number to the follower of the center's service
/// account (WeChat itself knows no phone numbers). With an AppId and AppSecret the adapter gets the access token
/// itself (cgi-bin/token, TokenUrl), keeps it until five minutes before it expires, and adds it to the address;
/// without them the address carries its own token (a relay). A reply with a non-zero errcode is a failure; an
/// invalid or expired token (40001, 40014, 42001) is dropped so the next attempt gets a new one.
/// </summary>
public sealed class WeChatTemplateNotifier(IHttpClientFactory clients, IOptions<NotificationOptions> options, TimeProvider time) : INearTurnNotifier
{
    private static readonly TimeSpan TokenMargin = TimeSpan.FromMinutes(5);
    private static readonly int[] TokenErrors = [40001, 40014, 42001];
    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private (string Token, DateTimeOffset Until)? _token;

    public string Channel => "wechat";

    public async Task SendAsync(NearTurnMessage message, CancellationToken ct)
    {
        var wechat = options.Value.WeChat;
        if (string.IsNullOrWhiteSpace(wechat.Url)) throw new InvalidOperationException("Notifications:WeChat:Url is not configured.");
        var token = string.IsNullOrWhiteSpace(wechat.AppId) ? null : await TokenAsync(wechat, ct);
        var url = token is null ? wechat.Url : WithQuery(wechat.Url, "access_token", token);
        var body = new
        {
            touser = message.Phone,
            template_id = wechat.TemplateId,
            url = message.StatusUrl,
            data = new
            {
                thing1 = new { value = message.QueueName },
                character_string2 = new { value = message.Number },
                number3 = new { value = message.PeopleAhead.ToString(CultureInfo.InvariantCulture) },
                thing4 = new { value = "请回到等候区留意叫号" },
            },
        };
        using var response = await Client.PostAsJsonAsync(url, body, ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"WeChat answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        var reply = await response.Content.ReadFromJsonAsync<WeChatReply>(ct);
        if (reply is { ErrCode: not 0 })
        {
            if (token is not null && TokenErrors.Contains(reply.ErrCode)) _token = null;
            throw new HttpRequestException($"WeChat errcode {reply.ErrCode}: {reply.ErrMsg}");
        }
    }

    private HttpClient Client => clients.CreateClient(NotificationServiceCollectionExtensions.HttpClientName);

    /// <summary>The access token, fetched once and shared by every send until shortly before it expires.</summary>
    private async Task<string> TokenAsync(NotificationOptions.WeChatOptions wechat, CancellationToken ct)
    {
        if (_token is { } held && time.GetUtcNow() < held.Until) return held.Token;
        await _tokenLock.WaitAsync(ct);
        try
        {
            if (_token is { } again && time.GetUtcNow() < again.Until) return again.Token;
            var url = WithQuery(WithQuery(WithQuery(wechat.TokenUrl, "grant_type", "client_credential"), "appid", wechat.AppId), "secret", wechat.AppSecret);
            using var response = await Client.GetAsync(url, ct);
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"WeChat token answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
            var reply = await response.Content.ReadFromJsonAsync<TokenReply>(ct);
            if (reply is not { AccessToken: { Length: > 0 } token }) throw new HttpRequestException($"WeChat token errcode {reply?.ErrCode}: {reply?.ErrMsg}");
            var lifetime = TimeSpan.FromSeconds(reply.ExpiresIn is > 0 ? reply.ExpiresIn.Value : 7200);
            _token = (token, time.GetUtcNow() + (lifetime > TokenMargin * 2 ? lifetime - TokenMargin : lifetime / 2));
            return token;
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    private static string WithQuery(string url, string name, string value) =>
        url + (url.Contains('?') ? "&" : "?") + name + "=" + Uri.EscapeDataString(value);

    private sealed record WeChatReply(
        [property: System.Text.Json.Serialization.JsonPropertyName("errcode")] int ErrCode,
        [property: System.Text.Json.Serialization.JsonPropertyName("errmsg")] string? ErrMsg);

    private sealed record TokenReply(
        [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string? AccessToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int? ExpiresIn,
        [property: System.Text.Json.Serialization.JsonPropertyName("errcode")] int? ErrCode,
        [property: System.Text.Json.Serialization.JsonPropertyName("errmsg")] string? ErrMsg);
}
