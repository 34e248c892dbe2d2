using System.Collections.Concurrent;
using System.Threading.Channels;
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
[JsonDerivedType(typeof(DeviceRevoked), "device-revoked")]
public abstract record HallEvent(DateTimeOffset At);

/// <summary>A ticket was issued (kiosk, appointment, manager).</summary>
public sealed record TicketIssued(DateTimeOffset At, int QueueId, int TicketId, string Number) : HallEvent(At);

/// <summary>A ticket was called or recalled to a window: displays show and speak it.</summary>
public sealed record TicketCalled(DateTimeOffset At, int QueueId, int TicketId, string Number, int WindowId, int WindowNumber, bool Recall) : HallEvent(At);

/// <summary>A ticket changed state at a window (started, completed, no-show, parked, transferred…).</summary>
public sealed record TicketChanged(DateTimeOffset At, int QueueId, int TicketId, string Number, string State, int? WindowId) : HallEvent(At);

/// <summary>A window's state changed (signed in/out, paused, resumed, serving, idle).</summary>
/// <param name="Staffing">
/// Someone signed in to or out of the window (it opened or closed), not only a change while staffed: what a page
/// choosing a window to sign in to needs, and nothing else about the window.
/// </param>
public sealed record WindowChanged(DateTimeOffset At, int WindowId, bool Staffing = false) : HallEvent(At);

/// <summary>A queue's settings or issuing state changed.</summary>
public sealed record QueueChanged(DateTimeOffset At, int QueueId) : HallEvent(At);

/// <summary>A hall device's token was revoked: its connections and pages close at once, on every node.</summary>
public sealed record DeviceRevoked(DateTimeOffset At, int DeviceId) : HallEvent(At);

/// <summary>A notice for the lobby displays.</summary>
public sealed record NoticePublished(DateTimeOffset At, string Text) : HallEvent(At);

/// <summary>
/// Anything may have changed (the day was closed, or events were missed while the backplane was down): every page,
/// cache and screen, each window screen included, rebuilds from the database.
/// </summary>
public sealed record HallResync(DateTimeOffset At) : HallEvent(At);

/// <summary>
/// Publish/subscribe for hall events. Publishing never waits for a subscriber: the counter, the
/// kiosk and the pads answer as soon as their change is committed, however many pages listen.
/// <list type="bullet">
/// <item><see cref="Subscribe"/>: the subscriber gets its own bounded mailbox, read by its own loop
/// in publish order. A subscriber that cannot keep up falls behind alone: when its mailbox is full
/// the oldest event is dropped (counted in <see cref="Coalesced"/>), so it coalesces to the latest.</item>
/// <item><see cref="SubscribeInline"/>: a synchronous handler run on the publisher's thread, for what
/// must be done before the publisher returns and cannot block (dropping a cache entry, waking a
/// loop, handing the event to a mailbox of one's own).</item>
/// </list>
/// A handler that throws is logged, never rethrown. With a backplane attached (PostgreSQL
/// LISTEN/NOTIFY), every event published here also reaches the other nodes' subscribers.
/// </summary>
public sealed class HallEvents(ILogger<HallEvents> log)
{
    /// <summary>Events a queued subscriber may have waiting before the oldest are dropped.</summary>
    public const int DefaultCapacity = 256;

    private readonly ConcurrentDictionary<Guid, Action<HallEvent>> _handlers = new();
    private Func<HallEvent, Task>? _backplane;
    private long _coalesced;

    /// <summary>Sends every event published on this node to the other nodes too.</summary>
    public void UseBackplane(Func<HallEvent, Task> send) => _backplane = send;

    /// <summary>Subscribes with a mailbox of its own; the handler runs on the subscriber's loop, one event at a time.</summary>
    public IDisposable Subscribe(Func<HallEvent, Task> handler, int capacity = DefaultCapacity)
    {
        var mailbox = Channel.CreateBounded<HallEvent>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _coalesced));
        _ = Task.Run(() => ReadAsync(mailbox.Reader, handler));
        var id = Add(e => mailbox.Writer.TryWrite(e));
        return new Subscription(() =>
        {
            _handlers.TryRemove(id, out _);
            mailbox.Writer.TryComplete();
        });
    }

    /// <summary>Subscribes a synchronous handler run on the publisher's thread: it must not block.</summary>
    public IDisposable SubscribeInline(Action<HallEvent> handler)
    {
        var id = Add(handler);
        return new Subscription(() => _handlers.TryRemove(id, out _));
    }

    public int SubscriberCount => _handlers.Count;

    /// <summary>Events dropped from full mailboxes since start (slow subscribers catching up).</summary>
    public long Coalesced => Interlocked.Read(ref _coalesced);

    /// <summary>Delivers the event to this node's subscribers, then hands it to the backplane for the other nodes.</summary>
    public async Task PublishAsync(HallEvent e)
    {
        Deliver(e);
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
    public void Deliver(HallEvent e)
    {
        foreach (var handler in _handlers.Values)
        {
            try
            {
                handler(e);
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "A hall event subscriber failed on {Event}", e.GetType().Name);
            }
        }
    }

    private Guid Add(Action<HallEvent> handler)
    {
        var id = Guid.NewGuid();
        _handlers[id] = handler;
        return id;
    }

    private async Task ReadAsync(ChannelReader<HallEvent> mailbox, Func<HallEvent, Task> handler)
    {
        await foreach (var e in mailbox.ReadAllAsync())
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
