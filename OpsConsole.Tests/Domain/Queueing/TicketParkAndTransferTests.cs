using OpsConsole.Domain.Common;
using OpsConsole.Domain.Queueing;
using Xunit;
using static OpsConsole.Tests.Domain.Queueing.QueueingTestData;

namespace OpsConsole.Tests.Domain.Queueing;

public class TicketParkAndTransferTests
{
    private readonly ServiceQueue _queueA = Queue(id: 1, prefix: "A");
    private readonly ServiceQueue _queueB = Queue(id: 2, prefix: "B");

    [Fact]
    public void ParkedTicketResumesAtTheSameWindowWithParkingLeftOutOfServiceTime()
    {
        var ticket = Serving(_queueA, 1, At(9, 0), At(9, 10), At(9, 11), windowId: 5);

        ticket.Park(At(9, 15));
        Assert.Equal(TicketState.Parked, ticket.State);
        Assert.Equal(5, ticket.WindowId);

        ticket.ResumeParked(windowId: 5, staffId: 51, At(9, 45));
        ticket.Complete(At(9, 50));

        Assert.Equal(TicketState.Completed, ticket.State);
        Assert.Equal(51, ticket.StaffId);
        Assert.Equal(TimeSpan.FromMinutes(30), ticket.ParkedDuration);
        Assert.Equal(TimeSpan.FromMinutes(9), ticket.ServiceDuration);
    }

    [Fact]
    public void TicketParkedBeforeServiceStartsServiceOnResume()
    {
        var ticket = Called(_queueA, 1, At(9, 0), At(9, 10), windowId: 5);

        ticket.Park(At(9, 11));
        ticket.ResumeParked(5, 50, At(9, 30));

        Assert.Equal(TicketState.Serving, ticket.State);
        Assert.Equal(At(9, 30), ticket.ServiceStartedAt);
        Assert.Equal(TimeSpan.Zero, ticket.ParkedDuration);
    }

    [Fact]
    public void RefusesResumingAtAnotherWindow()
    {
        var ticket = Serving(_queueA, 1, At(9, 0), At(9, 10), At(9, 11), windowId: 5);
        ticket.Park(At(9, 15));

        var ex = Assert.Throws<DomainException>(() => ticket.ResumeParked(windowId: 6, staffId: 60, At(9, 30)));

        Assert.Equal(QueueingErrors.ParkedByOtherWindow, ex.Message);
        Assert.Equal(TicketState.Parked, ticket.State);
    }

    [Fact]
    public void RefusesParkingAWaitingTicketAndResumingAnUnparkedOne()
    {
        var waiting = Issue(_queueA, 1, At(9, 0));
        Assert.Equal(QueueingErrors.CannotPark, Assert.Throws<DomainException>(() => waiting.Park(At(9, 1))).Message);

        var serving = Serving(_queueA, 2, At(9, 0), At(9, 1), At(9, 2));
        Assert.Equal(QueueingErrors.NotParked,
            Assert.Throws<DomainException>(() => serving.ResumeParked(5, 50, At(9, 3))).Message);
    }

    [Fact]
    public void ParkedTicketCanBeCancelled()
    {
        var ticket = Serving(_queueA, 1, At(9, 0), At(9, 10), At(9, 11));
        ticket.Park(At(9, 15));

        ticket.Cancel(TicketCancelReason.ApplicantLeft, At(10, 0));

        Assert.Equal(TicketState.Cancelled, ticket.State);
    }

    [Fact]
    public void TransferToQueueKeepsTheNumberAndWaitsThereWithTransferredPriority()
    {
        var ticket = Serving(_queueA, 7, At(9, 0), At(9, 10), At(9, 11), windowId: 5);

        ticket.TransferToQueue(_queueB.Id, At(9, 20));

        Assert.Equal(TicketState.Waiting, ticket.State);
        Assert.Equal(_queueB.Id, ticket.QueueId);
        Assert.Equal(_queueA.Id, ticket.IssuedQueueId);
        Assert.Equal("A007", ticket.Number.ToString());
        Assert.Equal(PriorityClass.Transferred, ticket.Priority);
        Assert.Equal(At(9, 20), ticket.SortTime);
        Assert.Null(ticket.WindowId);
        Assert.Null(ticket.ServiceStartedAt);
        Assert.Equal(At(9, 10), ticket.FirstCalledAt);
    }

    [Fact]
    public void TransferRemembersWhoCalledAndServedTheFirstLeg()
    {
        var ticket = Serving(_queueA, 7, At(9, 0), At(9, 10), At(9, 11), windowId: 5);

        ticket.TransferToQueue(_queueB.Id, At(9, 20));

        var leg = Assert.Single(ticket.Transfers);
        Assert.Equal((_queueA.Id, 5, 50), (leg.FromQueueId, leg.FromWindowId, leg.FromStaffId));
        Assert.Equal((At(9, 10), At(9, 11), At(9, 20)), (leg.CalledAt, leg.ServiceStartedAt!.Value, leg.TransferredAt));
        Assert.Equal(_queueB.Id, leg.ToQueueId);
        Assert.Null(leg.ToWindowId);
    }

    [Fact]
    public void GreenChannelTicketKeepsItsHigherPriorityWhenTransferred()
    {
        var ticket = Issue(_queueA, 1, At(9, 0), TicketChannel.ManagerIssued);
        ticket.Call(5, 50, At(9, 1));

        ticket.TransferToQueue(_queueB.Id, At(9, 5));

        Assert.Equal(PriorityClass.GreenChannel, ticket.Priority);
    }

    [Fact]
    public void TransferToWindowReservesTheTicketForThatWindow()
    {
        var ticket = Called(_queueA, 1, At(9, 0), At(9, 10), windowId: 5);

        ticket.TransferToWindow(9, At(9, 12));

        Assert.Equal(TicketState.Waiting, ticket.State);
        Assert.Equal(9, ticket.TargetWindowId);
        Assert.Equal(_queueA.Id, ticket.QueueId);
        var ex = Assert.Throws<DomainException>(() => ticket.Call(6, 60, At(9, 13)));
        Assert.Equal(QueueingErrors.ReservedForOtherWindow, ex.Message);

        ticket.Call(9, 90, At(9, 14));
        Assert.Equal(9, ticket.WindowId);
    }

    [Fact]
    public void RefusesTransferringAWaitingOrFinishedTicket()
    {
        var waiting = Issue(_queueA, 1, At(9, 0));
        Assert.Equal(QueueingErrors.CannotTransfer,
            Assert.Throws<DomainException>(() => waiting.TransferToQueue(_queueB.Id, At(9, 1))).Message);

        var done = Serving(_queueA, 2, At(9, 0), At(9, 1), At(9, 2));
        done.Complete(At(9, 3));
        Assert.Throws<DomainException>(() => done.TransferToWindow(9, At(9, 4)));
    }

    [Fact]
    public void RefusesTransferringToWhereTheTicketAlreadyIs()
    {
        var ticket = Called(_queueA, 1, At(9, 0), At(9, 10), windowId: 5);

        Assert.Equal(QueueingErrors.TransferToSamePlace,
            Assert.Throws<DomainException>(() => ticket.TransferToQueue(_queueA.Id, At(9, 11))).Message);
        Assert.Equal(QueueingErrors.TransferToSamePlace,
            Assert.Throws<DomainException>(() => ticket.TransferToWindow(5, At(9, 11))).Message);
    }

    [Fact]
    public void WindowTargetedTicketCanBeSentBackToTheOpenQueue()
    {
        var ticket = Called(_queueA, 1, At(9, 0), At(9, 10), windowId: 5);
        ticket.TransferToWindow(9, At(9, 12));
        ticket.Call(9, 90, At(9, 14));

        ticket.TransferToQueue(_queueA.Id, At(9, 16));

        Assert.Null(ticket.TargetWindowId);
        Assert.Equal(2, ticket.Transfers.Count);
    }

    [Fact]
    public void AReturnedTicketWaitsAtItsOldPlaceForAnyWindowAndKeepsTheLeg()
    {
        var ticket = Serving(_queueA, 1, At(9, 0), At(9, 10), At(9, 11), windowId: 5);
        var sortTime = ticket.SortTime;

        ticket.ReturnToQueue(At(9, 20));

        Assert.Equal((TicketState.Waiting, (int?)null, (int?)null, (int?)null), (ticket.State, ticket.WindowId, ticket.StaffId, ticket.TargetWindowId));
        Assert.Equal((sortTime, _queueA.Id, PriorityClass.Normal), (ticket.SortTime, ticket.QueueId, ticket.Priority));
        var leg = Assert.Single(ticket.Transfers);
        Assert.Equal((5, _queueA.Id, At(9, 11)), (leg.FromWindowId, leg.ToQueueId, leg.ServiceStartedAt));
        Assert.Equal(QueueingErrors.CannotTransfer, Assert.Throws<DomainException>(() => ticket.ReturnToQueue(At(9, 21))).Message);
    }
}
