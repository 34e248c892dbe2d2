namespace OpsConsole.Domain.Queueing;

/// <summary>A queue a window serves and how early (1 = first; lower numbers are emptied first).</summary>
public readonly record struct QueueRoute(int QueueId, int Precedence);

/// <summary>
/// Which waiting ticket a window calls next: tickets transferred to this very window first; then
/// the lowest route precedence; within one precedence, priority class, then longest wait.
/// </summary>
public static class CallPolicy
{
    /// <summary>The next ticket for <paramref name="windowId"/>, or null when none it may call is waiting.</summary>
    public static Ticket? PickNext(int windowId, IEnumerable<QueueRoute> routes, IEnumerable<Ticket> candidates) =>
        Order(windowId, routes, candidates).FirstOrDefault();

    /// <summary>Every ticket <paramref name="windowId"/> may call, in the order it would call them.</summary>
    public static IEnumerable<Ticket> Order(int windowId, IEnumerable<QueueRoute> routes, IEnumerable<Ticket> candidates)
    {
        var precedence = routes
            .GroupBy(r => r.QueueId)
            .ToDictionary(g => g.Key, g => g.Min(r => r.Precedence));

        return candidates
            .Where(t => t.State == TicketState.Waiting)
            .Select(t => (Ticket: t, Precedence: t.TargetWindowId is { } target
                ? target == windowId ? int.MinValue : (int?)null
                : precedence.TryGetValue(t.QueueId, out var p) ? p : null))
            .Where(x => x.Precedence is not null)
            .OrderBy(x => x.Precedence)
            .ThenBy(x => x.Ticket, QueuePosition.CallOrder)
            .Select(x => x.Ticket);
    }
}
