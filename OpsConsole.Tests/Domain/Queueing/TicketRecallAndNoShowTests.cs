using OpsConsole.Domain.Common;
using OpsConsole.Domain.Queueing;
using Xunit;
using static OpsConsole.Tests.Domain.Queueing.QueueingTestData;

namespace OpsConsole.Tests.Domain.Queueing;

public class TicketRecallAndNoShowTests
{
    private readonly ServiceQueue _queue = Queue();

    [Fact]
    public void RecallsUpToTheLimitThenMarksNoShow()
    {
        var ticket = Called(_queue, 1, At(9, 0), At(9, 10));

        Assert.Equal(RecallOutcome.Recalled, ticket.Recall(At(9, 11)));
        Assert.Equal(RecallOutcome.Recalled, ticket.Recall(At(9, 12)));
        Assert.Equal(2, ticket.RecallCount);
        Assert.Equal(At(9, 12), ticket.LastCalledAt);
        Assert.Equal(At(9, 10), ticket.CalledAt);

        Assert.Equal(RecallOutcome.MarkedNoShow, ticket.Recall(At(9, 13)));
        Assert.Equal(TicketState.NoShow, ticket.State);
        Assert.Equal(At(9, 13), ticket.NoShowAt);
    }

    [Fact]
    public void RecallLimitIsConfigurable()
    {
        var ticket = Called(_queue, 1, At(9, 0), At(9, 10));

        Assert.Equal(RecallOutcome.MarkedNoShow, ticket.Recall(At(9, 11), maxRecalls: 0));
    }

    [Fact]
    public void RefusesRecallingATicketNotCalled()
    {
        var ticket = Serving(_queue, 1, At(9, 0), At(9, 1), At(9, 2));

        var ex = Assert.Throws<DomainException>(() => ticket.Recall(At(9, 3)));

        Assert.Equal(QueueingErrors.NotCalled, ex.Message);
    }

    [Fact]
    public void MarksACalledTicketNoShow()
    {
        var ticket = Called(_queue, 1, At(9, 0), At(9, 10));

        ticket.MarkNoShow(At(9, 12));

        Assert.Equal(TicketState.NoShow, ticket.State);
        Assert.False(ticket.IsOpen);
    }

    [Fact]
    public void RefusesNoShowForAWaitingTicket() =>
        Assert.Throws<DomainException>(() => Issue(_queue, 1, At(9, 0)).MarkNoShow(At(9, 1)));

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    public void ReinstatesWithinThirtyMinutes(int minutesAfter)
    {
        var ticket = Called(_queue, 1, At(9, 0), At(9, 10), windowId: 5);
        ticket.MarkNoShow(At(9, 12));

        ticket.Reinstate(At(9, 12).AddMinutes(minutesAfter), []);

        Assert.Equal(TicketState.Waiting, ticket.State);
        Assert.Equal(At(9, 12).AddMinutes(minutesAfter), ticket.ReinstatedAt);
        Assert.Null(ticket.WindowId);
        Assert.Equal(0, ticket.RecallCount);
        Assert.Equal(At(9, 10), ticket.FirstCalledAt);
        Assert.Equal("A001", ticket.Number.ToString());
    }

    [Fact]
    public void RefusesReinstatingAfterThirtyMinutes()
    {
        var ticket = Called(_queue, 1, At(9, 0), At(9, 10));
        ticket.MarkNoShow(At(9, 12));

        Assert.False(ticket.CanReinstate(At(9, 42, 1)));
        var ex = Assert.Throws<DomainException>(() => ticket.Reinstate(At(9, 42, 1), []));

        Assert.Equal(QueueingErrors.ReinstateWindowPassed, ex.Message);
        Assert.Equal(TicketState.NoShow, ticket.State);
    }

    [Fact]
    public void ReinstateWindowIsConfigurable()
    {
        var ticket = Called(_queue, 1, At(9, 0), At(9, 10));
        ticket.MarkNoShow(At(9, 12));

        Assert.Throws<DomainException>(() => ticket.Reinstate(At(9, 23), [], window: TimeSpan.FromMinutes(10)));
        ticket.Reinstate(At(9, 22), [], window: TimeSpan.FromMinutes(10));
        Assert.Equal(TicketState.Waiting, ticket.State);
    }

    [Fact]
    public void RefusesReinstatingATicketThatIsNotANoShow()
    {
        var ex = Assert.Throws<DomainException>(() => Called(_queue, 1, At(9, 0), At(9, 1)).Reinstate(At(9, 2), []));
        Assert.Equal(QueueingErrors.NotNoShow, ex.Message);
    }

    [Fact]
    public void ReinstatedTicketCanBeCalledAgainByAnyWindow()
    {
        var ticket = Called(_queue, 1, At(9, 0), At(9, 10), windowId: 5);
        ticket.MarkNoShow(At(9, 12));
        ticket.Reinstate(At(9, 20), []);

        ticket.Call(windowId: 7, staffId: 70, At(9, 25));

        Assert.Equal(7, ticket.WindowId);
        Assert.Equal(At(9, 25), ticket.CalledAt);
        Assert.Equal(At(9, 10), ticket.FirstCalledAt);
    }
}
