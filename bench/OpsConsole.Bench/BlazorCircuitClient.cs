using System.Buffers;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace OpsConsole.Bench;

/// <summary>
/// A Blazor Server circuit without a browser: what <c>blazor.web.js</c> does on the wire, and nothing of what
/// it does to a DOM. It reads the prerendered page for its interactive root components, starts a circuit on
/// <c>/_blazor</c> (the "blazorpack" protocol, which is SignalR's MessagePack protocol under another name),
/// adds the components, acknowledges every render batch and answers every JS interop call (a module import
/// gets an object reference; anything else an empty success). The server does exactly the work it does for a
/// browser, so that the soak measures the server and not 400 Chromium renderers on the same two cores.
/// </summary>
internal sealed partial class BlazorCircuitClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly TaskCompletionSource _interactive = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextObjectId = 1;
    private long _batches;

    private BlazorCircuitClient(HubConnection connection) => _connection = connection;

    /// <summary>Render batches received (and acknowledged) so far.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>The error the server reported for this circuit ("JS.Error"), if any.</summary>
    public string? Error { get; private set; }

    /// <summary>Signs an account in through the login form; the container then carries its cookie.</summary>
    public static async Task<CookieContainer> SignInAsync(string address, string employeeNo, string password)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        var form = await http.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(form);
        if (!token.Success) throw new InvalidOperationException("The login form has no antiforgery token.");
        var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = "login",
            ["Input.UserName"] = employeeNo,
            ["Input.Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("/account/login") == true)
            throw new InvalidOperationException($"{employeeNo} could not sign in ({(int)response.StatusCode}).");
        return cookies;
    }

    /// <summary>Loads <paramref name="path"/> as the signed-in account and keeps its circuit open until disposed.</summary>
    public static async Task<BlazorCircuitClient> OpenAsync(string address, string path, CookieContainer cookies, CancellationToken ct = default)
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        var response = await http.GetAsync(path, ct);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}.");
        var html = await response.Content.ReadAsStringAsync(ct);
        var markers = Markers().Matches(html).Select(m => JsonNode.Parse(m.Groups[1].Value)!.AsObject())
            .Where(m => m["type"]?.GetValue<string>() == "server" && m["descriptor"] is not null).ToList();
        if (markers.Count == 0) throw new InvalidOperationException($"{path} has no interactive server components.");
        var state = PersistedState().Match(html) is { Success: true } s ? s.Groups[1].Value : "";

        var client = new BlazorCircuitClient(BuildWith(address, cookies));
        await client.StartAsync(address, path, markers, state, ct);
        return client;
    }

    private static HubConnection BuildWith(string address, CookieContainer cookies)
    {
        // HubConnectionBuilder registers the JSON protocol; the circuit hub speaks only blazorpack, and the
        // protocol registered last is the one the connection uses.
        var builder = new HubConnectionBuilder()
            .WithUrl(address + "/_blazor", o =>
            {
                o.Cookies = cookies;
                o.Transports = HttpTransportType.WebSockets;
            });
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
        return builder.Build();
    }

    private async Task StartAsync(string address, string path, List<JsonObject> markers, string state, CancellationToken ct)
    {
        _connection.On<long, byte[]>("JS.RenderBatch", async (batchId, _) =>
        {
            Interlocked.Increment(ref _batches);
            await _connection.SendAsync("OnRenderCompleted", batchId, null);
        });
        _connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], async args =>
        {
            var (handle, identifier, resultType) = ((long)args[0]!, (string)args[1]!, (int)args[3]!);
            if (identifier == "opsConsole.markInteractive") _interactive.TrySetResult();
            if (handle == 0) return;
            // JSCallResultType.JSObjectReference = 1: the caller expects a reference it can call into later.
            object? result = resultType == 1 ? new Dictionary<string, long> { ["__jsObjectId"] = Interlocked.Increment(ref _nextObjectId) } : null;
            await _connection.SendAsync("EndInvokeJSFromDotNet", handle, true, JsonSerializer.Serialize(new object?[] { handle, true, result }));
        });
        _connection.On<string>("JS.Error", error =>
        {
            Error = error;
            _interactive.TrySetException(new InvalidOperationException($"The circuit failed: {error}"));
        });
        await _connection.StartAsync(ct);
        var circuit = await _connection.InvokeAsync<string?>("StartCircuit", address + "/", address + path, "[]", state, ct);
        if (circuit is null) throw new InvalidOperationException("The server refused to start a circuit.");
        var operations = new JsonObject
        {
            ["batchId"] = 1,
            ["operations"] = new JsonArray(markers.Select((m, i) => (JsonNode)new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = i + 1,
                ["marker"] = m.DeepClone(),
            }).ToArray()),
        };
        await _connection.SendAsync("UpdateRootComponents", operations.ToJsonString(), state, ct);
    }

    /// <summary>Completes when the page's layout has rendered interactively (it calls <c>opsConsole.markInteractive</c>).</summary>
    public Task Interactive => _interactive.Task;

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex Markers();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex PersistedState();

    /// <summary>SignalR's MessagePack hub protocol under the name the circuit hub accepts.</summary>
    private sealed class BlazorPackProtocol : IHubProtocol
    {
        private readonly MessagePackHubProtocol _inner = new();

        public string Name => "blazorpack";
        public int Version => _inner.Version;
        public TransferFormat TransferFormat => TransferFormat.Binary;
        public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);
        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message) => _inner.TryParseMessage(ref input, binder, out message);
        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);
        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);
    }
}
