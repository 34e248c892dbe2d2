using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using OpsConsole.Auth.Devices;
using OpsConsole.Features.Displays;

namespace OpsConsole.Realtime;

/// <summary>
/// The hall's screens (lobby display, window screens) connect here with their device cookie.
/// The server only pushes (see <see cref="DisplayBroadcaster"/>): "call", "waiting", "notice" to
/// the lobby group, "window" to "window-{id}", and "tick" every 3 s to everyone. A screen calls
/// <see cref="Snapshot"/> after each (re)connection to resync.
/// </summary>
[Authorize(Policy = Policy)]
public sealed class DisplayHub(DisplayQueries queries, DisplayBroadcaster broadcaster, DeviceConnections connections) : Hub
{
    public const string Path = "/hubs/display";
    public const string Policy = "Device:Display";
    public const string LobbyGroup = "lobby";

    public static string WindowGroup(int windowId) => $"window-{windowId}";

    public override async Task OnConnectedAsync()
    {
        switch (Kind(Context.User))
        {
            case DeviceKind.LobbyDisplay:
                await Groups.AddToGroupAsync(Context.ConnectionId, LobbyGroup);
                break;
            case DeviceKind.WindowScreen when Context.User!.DeviceWindowId() is { } windowId:
                await Groups.AddToGroupAsync(Context.ConnectionId, WindowGroup(windowId));
                break;
            default:
                Context.Abort();
                return;
        }
        if (Context.User!.DeviceId() is { } deviceId) connections.Opened(deviceId, Context);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Closed(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Everything the caller's screen shows, as of now.</summary>
    public async Task<DisplaySnapshot> Snapshot()
    {
        var ct = Context.ConnectionAborted;
        return Kind(Context.User) switch
        {
            DeviceKind.LobbyDisplay => new DisplaySnapshot("lobby", await queries.LobbyAsync(broadcaster.Notice, ct), null, broadcaster.Heartbeat()),
            DeviceKind.WindowScreen when Context.User!.DeviceWindowId() is { } windowId =>
                new DisplaySnapshot("window", null, await queries.WindowAsync(windowId, ct), broadcaster.Heartbeat()),
            _ => throw new HubException("not a display device"),
        };
    }

    private static DeviceKind? Kind(ClaimsPrincipal? user) =>
        Enum.TryParse<DeviceKind>(user?.FindFirstValue(DeviceAuthenticationHandler.DeviceKindClaim), out var kind) ? kind : null;
}

/// <summary>The state a screen resyncs from: <see cref="Lobby"/> for the lobby, <see cref="Window"/> for a window screen.</summary>
public sealed record DisplaySnapshot(string Kind, DisplayQueries.LobbySnapshot? Lobby, DisplayQueries.WindowDisplay? Window, Heartbeat Tick);

/// <summary>The heartbeat: the center's time now, so screens show the server's clock.</summary>
public sealed record Heartbeat(DateTimeOffset At, int OffsetMinutes);
