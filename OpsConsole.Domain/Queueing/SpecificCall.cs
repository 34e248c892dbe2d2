namespace OpsConsole.Domain.Queueing;

/// <summary>What calling one named number (指定叫号: the applicant came back) would do, or why it is refused.</summary>
public enum SpecificCallOutcome
{
    /// <summary>Waiting for this window: call it now, ahead of its turn.</summary>
    Call,
    /// <summary>A recent no-show: put it back and call it at once.</summary>
    ReinstateAndCall,
    NotFound,
    Completed,
    Cancelled,
    /// <summary>Called or being served at another counter (or already at this one).</summary>
    AtACounter,
    /// <summary>Parked by this window: resume it from the parked list instead.</summary>
    ParkedHere,
    ParkedElsewhere,
    /// <summary>Transferred to another window by name: only that window calls it.</summary>
    ReservedForOtherWindow,
    /// <summary>Waits in a queue this window does not serve.</summary>
    QueueNotServed,
    /// <summary>A no-show older than the reinstatement window: take a new ticket.</summary>
    NoShowTooLongAgo,
}

/// <summary>
/// Whether a window may call a given ticket out of turn. The window is idle (the desk checks that); the ticket must
/// be one this window could call in its turn, or a no-show of such a queue recent enough to be reinstated.
/// </summary>
public static class SpecificCall
{
    public static SpecificCallOutcome Check(Ticket? ticket, int windowId, IReadOnlyCollection<int> servedQueueIds, DateTimeOffset at,
        TimeSpan? reinstateWindow = null)
    {
        if (ticket is null) return SpecificCallOutcome.NotFound;
        switch (ticket.State)
        {
            case TicketState.Completed: return SpecificCallOutcome.Completed;
            case TicketState.Cancelled: return SpecificCallOutcome.Cancelled;
            case TicketState.Called or TicketState.Serving: return SpecificCallOutcome.AtACounter;
            case TicketState.Parked: return ticket.WindowId == windowId ? SpecificCallOutcome.ParkedHere : SpecificCallOutcome.ParkedElsewhere;
        }
        if (ticket.TargetWindowId is { } target)
            return target == windowId ? Allowed(ticket) : SpecificCallOutcome.ReservedForOtherWindow;
        if (!servedQueueIds.Contains(ticket.QueueId)) return SpecificCallOutcome.QueueNotServed;
        if (ticket.State == TicketState.NoShow && !ticket.CanReinstate(at, reinstateWindow)) return SpecificCallOutcome.NoShowTooLongAgo;
        return Allowed(ticket);
    }

    private static SpecificCallOutcome Allowed(Ticket ticket) =>
        ticket.State == TicketState.NoShow ? SpecificCallOutcome.ReinstateAndCall : SpecificCallOutcome.Call;
}
