using OpsConsole.Domain.Queueing;
using Xunit;
using static OpsConsole.Tests.Domain.Queueing.QueueingTestData;

namespace OpsConsole.Tests.Domain.Queueing;

public class TicketEndOfDayTests
{
    private readonly ServiceQueue _queue = Queue();

    [Fact]
    public void CancelsWaitingCalledAndParkedTicketsWithTheEndOfDayReason()
    {
        var waiting = Issue(_queue, 1, At(16, 0));
        var called = Called(_queue, 2, At(16, 0), At(16, 50));
        var parked = Serving(_queue, 3, At(16, 0), At(16, 10), At(16, 11));
        parked.Park(At(16, 20));

        foreach (var ticket in new[] { waiting, called, parked })
        {
            Assert.True(ticket.EndOfDay(At(17, 30)));
            Assert.Equal(TicketState.Cancelled, ticket.State);
            Assert.Equal(TicketCancelReason.EndOfDay, ticket.CancelReason);
            Assert.Equal(At(17, 30), ticket.CancelledAt);
        }
    }

    [Fact]
    public void CompletesATicketStillBeingServedAndFlagsIt()
    {
        var ticket = Serving(_queue, 1, At(16, 0), At(16, 50), At(16, 51));

        Assert.True(ticket.EndOfDay(At(17, 30)));

        Assert.Equal(TicketState.Completed, ticket.State);
        Assert.True(ticket.ClosedAtEndOfDay);
    }

    [Fact]
    public void LeavesFinishedTicketsAndNoShowsAlone()
    {
        var done = Serving(_queue, 1, At(16, 0), At(16, 1), At(16, 2));
        done.Complete(At(16, 10));
        var noShow = Called(_queue, 2, At(16, 0), At(16, 20));
        noShow.MarkNoShow(At(16, 25));

        Assert.False(done.EndOfDay(At(17, 30)));
        Assert.False(noShow.EndOfDay(At(17, 30)));
        Assert.Equal(TicketState.Completed, done.State);
        Assert.False(done.ClosedAtEndOfDay);
        Assert.Equal(TicketState.NoShow, noShow.State);
    }
}
