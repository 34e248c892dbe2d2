using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace OpsConsole.Realtime;

/// <summary>
/// The display hub's open connections per device, so that revoking a device closes its connections at once: it is
/// told "revoked" (its page shows 设备已停用) and the connection is aborted; reconnecting fails, as the token is revoked.
/// Every node closes its own, on the <see cref="DeviceRevoked"/> hall event that crosses nodes.
/// </summary>
public sealed class DeviceConnections : IDisposable
{
    public const string RevokedMessage = "revoked";

    private readonly ConcurrentDictionary<string, (int DeviceId, HubCallerContext Context)> _open = new();
    private readonly IHubContext<DisplayHub> _hub;
    private readonly ILogger<DeviceConnections> _log;
    private readonly IDisposable _subscription;

    public DeviceConnections(HallEvents events, IHubContext<DisplayHub> hub, ILogger<DeviceConnections> log)
    {
        _hub = hub;
        _log = log;
        _subscription = events.SubscribeInline(e =>
        {
            if (e is DeviceRevoked revoked) _ = CloseAsync(revoked.DeviceId);
        });
    }

    public void Opened(int deviceId, HubCallerContext context) => _open[context.ConnectionId] = (deviceId, context);

    public void Closed(string connectionId) => _open.TryRemove(connectionId, out _);

    /// <summary>How many connections of the device are open on this node.</summary>
    public int OpenFor(int deviceId) => _open.Values.Count(c => c.DeviceId == deviceId);

    public async Task CloseAsync(int deviceId)
    {
        foreach (var (connectionId, (_, context)) in _open.Where(c => c.Value.DeviceId == deviceId).ToList())
        {
            try
            {
                await _hub.Clients.Client(connectionId).SendAsync(RevokedMessage);
            }
            catch (Exception ex)
            {
                // The abort below is what counts; the page also learns it when reconnecting fails.
                _log.LogInformation(ex, "Could not tell a revoked device's connection before closing it");
            }
            context.Abort();
            _open.TryRemove(connectionId, out _);
        }
    }

    public void Dispose() => _subscription.Dispose();
}
