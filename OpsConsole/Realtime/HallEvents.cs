using System.Collections.Concurrent;
using System.Text.Json.Serialization;

namespace OpsConsole.Realtime;

/// <summary>Something that changed in the hall, published only after it was committed. Serializable, to cross nodes.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TicketIssued), "ticket-issued")]
[JsonDerivedType(typeof(TicketCalled), "ticket-called")]
[JsonDerivedType(typeof(TicketChanged), "ticket-changed")]
[JsonDerivedType(typeof(WindowChanged), "window-changed")]
[JsonDerivedType(typeof(QueueChanged), "queue-changed")]
[JsonDerivedType(typeof(NoticePublished), "notice")]
[JsonDerivedType(typeof(HallResync), "resync")]
public abstract record HallEvent(DateTimeOffset At);

/// <summary>A ticket was issued (kiosk, appointment, manager).</summary>
public sealed record TicketIssued(DateTimeOffset At, int QueueId, int TicketId, string Number) : HallEvent(At);

/// <summary>A ticket was called or recalled to a window: displays show and speak it.</summary>
public sealed record TicketCalled(DateTimeOffset At, int QueueId, int TicketId, string Number, int WindowId, int WindowNumber, bool Recall) : HallEvent(At);

/// <summary>A ticket changed state at a window (started, completed, no-show, parked, transferred…).</summary>
public sealed record TicketChanged(DateTimeOffset At, int QueueId, int TicketId, string Number, string State, int? WindowId) : HallEvent(At);

/// <summary>A window's state changed (signed in/out, paused, resumed, serving, idle).</summary>
public sealed record WindowChanged(DateTimeOffset At, int WindowId) : HallEvent(At);

/// <summary>A queue's settings or issuing state changed.</summary>
public sealed record QueueChanged(DateTimeOffset At, int QueueId) : HallEvent(At);

/// <summary>A notice for the lobby displays.</summary>
public sealed record NoticePublished(DateTimeOffset At, string Text) : HallEvent(At);

/// <summary>
/// Anything may have changed (the day was closed, or events were missed while the backplane was down): every page,
/// cache and screen, each window screen included, rebuilds from the database.
/// </summary>
public sealed record HallResync(DateTimeOffset At) : HallEvent(At);

/// <summary>
/// Publish/subscribe for hall events. Pages and the device hub subscribe and get a disposable
/// subscription; handlers run on the publisher's thread, so they must be quick (components re-render
/// through InvokeAsync). A handler that throws is logged, never rethrown. With a backplane attached
/// (PostgreSQL LISTEN/NOTIFY), every event published here also reaches the other nodes' subscribers.
/// </summary>
public sealed class HallEvents(ILogger<HallEvents> log)
{
    private readonly ConcurrentDictionary<Guid, Func<HallEvent, Task>> _handlers = new();
    private Func<HallEvent, Task>? _backplane;

    /// <summary>Sends every event published on this node to the other nodes too.</summary>
    public void UseBackplane(Func<HallEvent, Task> send) => _backplane = send;

    public IDisposable Subscribe(Func<HallEvent, Task> handler)
    {
        var id = Guid.NewGuid();
        _handlers[id] = handler;
        return new Subscription(() => _handlers.TryRemove(id, out _));
    }

    public int SubscriberCount => _handlers.Count;

    /// <summary>Delivers the event to this node's subscribers, then to the other nodes.</summary>
    public async Task PublishAsync(HallEvent e)
    {
        await DeliverAsync(e);
        if (_backplane is not { } send) return;
        try
        {
            await send(e);
        }
        catch (Exception ex)
        {
            // The change is committed; other nodes catch up from the database on their next snapshot.
            log.LogWarning(ex, "A hall event could not be sent to the other nodes: {Event}", e.GetType().Name);
        }
    }

    /// <summary>Delivers the event to this node's subscribers only (what the backplane does with other nodes' events).</summary>
    public async Task DeliverAsync(HallEvent e)
    {
        foreach (var handler in _handlers.Values)
        {
            try
            {
                await handler(e);
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "A hall event subscriber failed on {Event}", e.GetType().Name);
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) dispose();
        }
    }
}
