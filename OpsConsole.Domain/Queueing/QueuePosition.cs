namespace OpsConsole.Domain.Queueing;

/// <summary>
/// Where a waiting ticket stands in its lane (same queue, same target window): lanes are ordered
/// by priority class, then <see cref="Ticket.SortTime"/>. Moving a ticket means giving it a new sort time.
/// </summary>
public static class QueuePosition
{
    /// <summary>Call order within one precedence: priority class, then longest wait, then number.</summary>
    public static IComparer<Ticket> CallOrder { get; } = Comparer<Ticket>.Create((a, b) =>
    {
        var c = a.Priority.Rank().CompareTo(b.Priority.Rank());
        if (c == 0) c = a.SortTime.CompareTo(b.SortTime);
        if (c == 0) c = a.Sequence.CompareTo(b.Sequence);
        return c == 0 ? a.Id.CompareTo(b.Id) : c;
    });

    /// <summary>How many tickets in the lane of <paramref name="ticket"/> will be called before it.</summary>
    public static int PeopleAhead(Ticket ticket, IEnumerable<Ticket> waiting) =>
        Lane(ticket, waiting).Count(t => CallOrder.Compare(t, ticket) < 0);

    /// <summary>
    /// A sort time that puts <paramref name="ticket"/> right behind the first <paramref name="behind"/>
    /// tickets of its lane, or behind all of them when fewer wait. Tickets of a higher class stay ahead
    /// and tickets of a lower class stay behind whatever the sort time.
    /// </summary>
    public static DateTimeOffset RejoinSortTime(Ticket ticket, IEnumerable<Ticket> waiting, DateTimeOffset at, int behind)
    {
        var lane = Lane(ticket, waiting).Order(CallOrder).ToList();
        var rank = ticket.Priority.Rank();
        var lastSameClassAhead = lane.Take(behind).LastOrDefault(t => t.Priority.Rank() == rank);
        if (lastSameClassAhead is not null) return lastSameClassAhead.SortTime.AddTicks(1);
        var firstSameClassAfter = lane.Skip(behind).FirstOrDefault(t => t.Priority.Rank() == rank);
        return firstSameClassAfter is not null ? firstSameClassAfter.SortTime.AddTicks(-1) : at;
    }

    private static IEnumerable<Ticket> Lane(Ticket ticket, IEnumerable<Ticket> waiting) =>
        waiting.Where(t => t.State == TicketState.Waiting
                           && !ReferenceEquals(t, ticket)
                           && (t.Id == 0 || t.Id != ticket.Id)
                           && t.QueueId == ticket.QueueId
                           && t.TargetWindowId == ticket.TargetWindowId);
}
