namespace OpsConsole.Data.Queueing;

/// <summary>
/// The last number issued per (queue, day). Incremented by an upsert in the same short
/// transaction as the ticket insert, so numbers are gap-free and never repeat (ADR 0007).
/// </summary>
public class TicketCounter
{
    public int QueueId { get; set; }
    public DateOnly Day { get; set; }
    public int LastSequence { get; set; }
}
