using System.Collections.Concurrent;

namespace OpsConsole.Realtime;

/// <summary>Something that changed in the hall, published only after it was committed.</summary>
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
/// In-process publish/subscribe for hall events. Pages and the device hub subscribe and get a
/// disposable subscription; handlers run on the publisher's thread, so they must be quick
/// (components re-render through InvokeAsync). A handler that throws is logged, never rethrown.
/// </summary>
public sealed class HallEvents(ILogger<HallEvents> log)
{
    private readonly ConcurrentDictionary<Guid, Func<HallEvent, Task>> _handlers = new();

    public IDisposable Subscribe(Func<HallEvent, Task> handler)
    {
        var id = Guid.NewGuid();
        _handlers[id] = handler;
        return new Subscription(() => _handlers.TryRemove(id, out _));
    }

    public int SubscriberCount => _handlers.Count;

    public async Task PublishAsync(HallEvent e)
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
