using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using OpsConsole.Features.Common;
using OpsConsole.Features.Displays;

namespace OpsConsole.Realtime;

/// <summary>
/// Feeds the hall's screens from <see cref="HallEvents"/>: calls go to the lobby at once, each
/// changed window to its screen (every window on a <see cref="HallResync"/>), waiting counts at most every 500 ms (coalesced), and a "tick"
/// every 3 s to everyone so screens can tell a dead connection from a quiet hall. Hall event
/// handlers only enqueue: the publisher (a counter action) never waits on the screens.
/// </summary>
public sealed class DisplayBroadcaster(
    HallEvents events, IHubContext<DisplayHub> hub, IServiceScopeFactory scopes, CenterClock clock, ILogger<DisplayBroadcaster> log)
    : BackgroundService
{
    public static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan WaitingInterval = TimeSpan.FromMilliseconds(500);

    private readonly Channel<HallEvent> _inbox = Channel.CreateUnbounded<HallEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<int, string> _queueNames = new();
    private int _waitingDirty;
    private volatile string? _notice;

    /// <summary>The notice the lobby scrolls (the latest published), null for the page's default.</summary>
    public string? Notice => _notice;

    public Heartbeat Heartbeat()
    {
        var now = clock.Now;
        return new Heartbeat(now, (int)now.Offset.TotalMinutes);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = events.SubscribeInline(e => _inbox.Writer.TryWrite(e));
        await Task.WhenAll(PumpAsync(stoppingToken), WaitingLoopAsync(stoppingToken), TickLoopAsync(stoppingToken));
    }

    private async Task PumpAsync(CancellationToken ct)
    {
        var dirtyWindows = new HashSet<int>();
        try
        {
            while (await _inbox.Reader.WaitToReadAsync(ct))
            {
                // Drain what arrived together, then send each changed window once.
                while (_inbox.Reader.TryRead(out var e))
                {
                    try
                    {
                        await HandleAsync(e, dirtyWindows, ct);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        log.LogWarning(ex, "Display broadcast of {Event} failed", e.GetType().Name);
                    }
                }
                foreach (var windowId in dirtyWindows)
                {
                    try
                    {
                        await SendWindowAsync(windowId, ct);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        log.LogWarning(ex, "Display broadcast of window {WindowId} failed", windowId);
                    }
                }
                dirtyWindows.Clear();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task HandleAsync(HallEvent e, HashSet<int> dirtyWindows, CancellationToken ct)
    {
        switch (e)
        {
            case TicketCalled c:
                var call = new DisplayQueries.CallDisplay(c.Number, c.WindowNumber, await QueueNameAsync(c.QueueId, ct), c.Recall, clock.ToLocal(c.At));
                await hub.Clients.Group(DisplayHub.LobbyGroup).SendAsync("call", call, ct);
                Interlocked.Exchange(ref _waitingDirty, 1);
                break;
            case WindowChanged w:
                dirtyWindows.Add(w.WindowId);
                Interlocked.Exchange(ref _waitingDirty, 1);
                break;
            case HallResync:
                await using (var scope = scopes.CreateAsyncScope())
                    dirtyWindows.UnionWith(await scope.ServiceProvider.GetRequiredService<DisplayQueries>().WindowIdsAsync(ct));
                _queueNames.Clear();
                Interlocked.Exchange(ref _waitingDirty, 1);
                break;
            case NoticePublished n:
                _notice = string.IsNullOrWhiteSpace(n.Text) ? null : n.Text.Trim();
                await hub.Clients.Group(DisplayHub.LobbyGroup).SendAsync("notice", _notice, ct);
                break;
            case QueueChanged q:
                _queueNames.TryRemove(q.QueueId, out _);
                Interlocked.Exchange(ref _waitingDirty, 1);
                break;
            default:
                Interlocked.Exchange(ref _waitingDirty, 1);
                break;
        }
    }

    private async Task<string> QueueNameAsync(int queueId, CancellationToken ct)
    {
        if (_queueNames.TryGetValue(queueId, out var name)) return name;
        await using var scope = scopes.CreateAsyncScope();
        name = await scope.ServiceProvider.GetRequiredService<DisplayQueries>().QueueNameAsync(queueId, ct);
        _queueNames[queueId] = name;
        return name;
    }

    private async Task SendWindowAsync(int windowId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var state = await scope.ServiceProvider.GetRequiredService<DisplayQueries>().WindowAsync(windowId, ct);
        if (state is not null) await hub.Clients.Group(DisplayHub.WindowGroup(windowId)).SendAsync("window", state, ct);
    }

    private async Task WaitingLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(WaitingInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                if (Interlocked.Exchange(ref _waitingDirty, 0) == 0) continue;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var waiting = await scope.ServiceProvider.GetRequiredService<DisplayQueries>().WaitingAsync(ct);
                    await hub.Clients.Group(DisplayHub.LobbyGroup).SendAsync("waiting", waiting, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogWarning(ex, "Display broadcast of waiting counts failed");
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task TickLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TickInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    await hub.Clients.All.SendAsync("tick", Heartbeat(), ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogWarning(ex, "Display heartbeat failed");
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
