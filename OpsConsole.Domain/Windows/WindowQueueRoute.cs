namespace OpsConsole.Domain.Windows;

/// <summary>
/// A window serves a queue with a precedence (1 = first). The window↔queue matrix is the set of
/// these rows; the call policy reads them as <c>QueueRoute</c>s.
/// </summary>
public class WindowQueueRoute
{
    public const int MinPrecedence = 1;
    public const int MaxPrecedence = 4;

    private WindowQueueRoute() { }

    public WindowQueueRoute(int windowId, int queueId, int precedence)
    {
        if (precedence is < MinPrecedence or > MaxPrecedence) throw new Common.DomainException("route.invalid_precedence");
        WindowId = windowId;
        QueueId = queueId;
        Precedence = precedence;
    }

    public int WindowId { get; private set; }
    public int QueueId { get; private set; }
    public int Precedence { get; private set; }

    public Queueing.QueueRoute ToRoute() => new(QueueId, Precedence);
}
