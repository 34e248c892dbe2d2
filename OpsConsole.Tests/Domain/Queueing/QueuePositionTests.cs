using OpsConsole.Domain.Queueing;
using Xunit;
using static OpsConsole.Tests.Domain.Queueing.QueueingTestData;

namespace OpsConsole.Tests.Domain.Queueing;

public class QueuePositionTests
{
    private const int Window = 5;
    private readonly ServiceQueue _queue = Queue();

    private static string[] CallOrder(IEnumerable<Ticket> tickets) =>
        CallPolicy.Order(Window, [new(1, 1)], tickets).Select(t => t.Number.ToString()).ToArray();

    private Ticket NoShow(int sequence)
    {
        var ticket = Called(_queue, sequence, At(9, 0), At(9, 10), windowId: Window);
        ticket.MarkNoShow(At(9, 12));
        return ticket;
    }

    [Fact]
    public void ReinstatedTicketRejoinsBehindTheNextThreeWaiting()
    {
        var noShow = NoShow(1);
        var waiting = Enumerable.Range(2, 5).Select(n => Issue(_queue, n, At(9, n))).ToList();

        noShow.Reinstate(At(9, 20), waiting);

        Assert.Equal(["A002", "A003", "A004", "A001", "A005", "A006"], CallOrder([.. waiting, noShow]));
    }

    [Fact]
    public void ReinstatedTicketGoesLastWhenFewerThanThreeWait()
    {
        var noShow = NoShow(1);
        var waiting = new[] { Issue(_queue, 2, At(9, 2)), Issue(_queue, 3, At(9, 3)) };

        noShow.Reinstate(At(9, 20), waiting);
        var later = Issue(_queue, 4, At(9, 21));

        Assert.Equal(["A002", "A003", "A001", "A004"], CallOrder([.. waiting, noShow, later]));
    }

    [Fact]
    public void HigherClassesAheadCountTowardTheThree()
    {
        var noShow = NoShow(1);
        var waiting = new[]
        {
            Issue(_queue, 2, At(9, 2), TicketChannel.ManagerIssued),
            Issue(_queue, 3, At(9, 3), TicketChannel.ManagerIssued),
            Issue(_queue, 4, At(9, 4)),
            Issue(_queue, 5, At(9, 5)),
        };

        noShow.Reinstate(At(9, 20), waiting);

        Assert.Equal(["A002", "A003", "A004", "A001", "A005"], CallOrder([.. waiting, noShow]));
    }

    [Fact]
    public void ThreeHigherClassTicketsAheadPutItFirstOfItsClass()
    {
        var noShow = NoShow(1);
        var waiting = new[]
        {
            Issue(_queue, 2, At(9, 2), TicketChannel.ManagerIssued),
            Issue(_queue, 3, At(9, 3), TicketChannel.ManagerIssued),
            Issue(_queue, 4, At(9, 4), TicketChannel.ManagerIssued),
            Issue(_queue, 5, At(9, 5)),
        };

        noShow.Reinstate(At(9, 20), waiting);

        Assert.Equal(["A002", "A003", "A004", "A001", "A005"], CallOrder([.. waiting, noShow]));
    }

    [Fact]
    public void OnlyTicketsWaitingInTheSameQueueCount()
    {
        var noShow = NoShow(1);
        var other = Queue(id: 2, prefix: "B");
        var elsewhere = Enumerable.Range(1, 3).Select(n => Issue(other, n, At(9, n))).ToList();
        var called = Called(_queue, 2, At(9, 2), At(9, 15));
        var waiting = Issue(_queue, 3, At(9, 3));

        noShow.Reinstate(At(9, 20), [.. elsewhere, called, waiting]);

        Assert.Equal(waiting.SortTime.AddTicks(1), noShow.SortTime);
    }

    [Fact]
    public void CountsPeopleAheadInTheSameLane()
    {
        var waiting = Enumerable.Range(1, 4).Select(n => Issue(_queue, n, At(9, n))).ToList();
        var green = Issue(_queue, 5, At(9, 30), TicketChannel.ManagerIssued);

        Assert.Equal(0, QueuePosition.PeopleAhead(green, [.. waiting, green]));
        Assert.Equal(3, QueuePosition.PeopleAhead(waiting[2], [.. waiting, green]));
    }
}
