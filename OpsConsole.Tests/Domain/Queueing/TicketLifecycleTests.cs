using OpsConsole.Domain.Common;
using OpsConsole.Domain.Queueing;
using Xunit;
using static OpsConsole.Tests.Domain.Queueing.QueueingTestData;

namespace OpsConsole.Tests.Domain.Queueing;

public class TicketLifecycleTests
{
    private readonly ServiceQueue _queue = Queue(id: 3, prefix: "C");

    [Fact]
    public void IssuedTicketWaitsWithItsNumberDayAndCode()
    {
        var ticket = Ticket.Issue(_queue, 23, TicketChannel.Kiosk, "Xy_9-abcdEF", At(9, 5), idNumberHash: "h1");

        Assert.Equal(TicketState.Waiting, ticket.State);
        Assert.Equal("C023", ticket.Number.ToString());
        Assert.Equal(3, ticket.QueueId);
        Assert.Equal(Today, ticket.ServiceDay);
        Assert.Equal(At(9, 5), ticket.IssuedAt);
        Assert.Equal(At(9, 5), ticket.SortTime);
        Assert.Equal("Xy_9-abcdEF", ticket.PublicCode);
        Assert.Equal("h1", ticket.IdNumberHash);
        Assert.Equal(PriorityClass.Normal, ticket.Priority);
    }

    [Fact]
    public void KeepsItsPrefixWhenTheQueuePrefixChanges()
    {
        var ticket = Issue(_queue, 1, At(9, 0));

        _queue.ChangePrefix(new QueuePrefix("DA"));

        Assert.Equal("C001", ticket.Number.ToString());
    }

    [Theory]
    [InlineData(TicketChannel.Kiosk, PriorityClass.Normal)]
    [InlineData(TicketChannel.Appointment, PriorityClass.Appointment)]
    [InlineData(TicketChannel.ManagerIssued, PriorityClass.GreenChannel)]
    public void PriorityFollowsTheChannel(TicketChannel channel, PriorityClass expected) =>
        Assert.Equal(expected, Issue(_queue, 1, At(9, 0), channel).Priority);

    [Theory]
    [InlineData(TicketChannel.Kiosk, PriorityClass.Transferred)]
    [InlineData(TicketChannel.Kiosk, PriorityClass.Appointment)]
    [InlineData(TicketChannel.Appointment, PriorityClass.Normal)]
    public void RefusesPrioritiesTheChannelCannotGive(TicketChannel channel, PriorityClass priority) =>
        Assert.Throws<DomainException>(() => Issue(_queue, 1, At(9, 0), channel, priority));

    [Theory]
    [InlineData("short")]
    [InlineData("has space in it")]
    [InlineData("斜杠/不行/12345")]
    [InlineData("a123456789012345678901234567890123")]
    public void RefusesPublicCodesThatAreNotUrlSafe(string code) =>
        Assert.Throws<DomainException>(() => Ticket.Issue(_queue, 1, TicketChannel.Kiosk, code, At(9, 0)));

    [Fact]
    public void CallRecordsWindowStaffAndTime()
    {
        var ticket = Issue(_queue, 1, At(9, 0));

        ticket.Call(windowId: 5, staffId: 50, At(9, 10));

        Assert.Equal(TicketState.Called, ticket.State);
        Assert.Equal(5, ticket.WindowId);
        Assert.Equal(50, ticket.StaffId);
        Assert.Equal(At(9, 10), ticket.CalledAt);
        Assert.Equal(At(9, 10), ticket.FirstCalledAt);
        Assert.Equal(At(9, 10), ticket.LastCalledAt);
    }

    [Fact]
    public void FullServiceRecordsEveryStepAndNetServiceTime()
    {
        var ticket = Serving(_queue, 1, At(9, 0), At(9, 10), At(9, 11));

        ticket.Complete(At(9, 20));

        Assert.Equal(TicketState.Completed, ticket.State);
        Assert.Equal(At(9, 11), ticket.ServiceStartedAt);
        Assert.Equal(At(9, 20), ticket.CompletedAt);
        Assert.Equal(TimeSpan.FromMinutes(9), ticket.ServiceDuration);
        Assert.False(ticket.IsOpen);
    }

    [Fact]
    public void RefusesCallingATicketAlreadyCalled()
    {
        var ticket = Called(_queue, 1, At(9, 0), At(9, 10));

        var ex = Assert.Throws<DomainException>(() => ticket.Call(6, 60, At(9, 11)));

        Assert.Equal(QueueingErrors.NotWaiting, ex.Message);
        Assert.Equal(5, ticket.WindowId);
    }

    [Fact]
    public void RefusesStartingServiceOnAWaitingTicket()
    {
        var ex = Assert.Throws<DomainException>(() => Issue(_queue, 1, At(9, 0)).StartService(At(9, 5)));
        Assert.Equal(QueueingErrors.NotCalled, ex.Message);
    }

    [Fact]
    public void RefusesCompletingATicketNeverCalled()
    {
        var ticket = Issue(_queue, 1, At(9, 0));

        var ex = Assert.Throws<DomainException>(() => ticket.Complete(At(9, 5)));

        Assert.Equal(QueueingErrors.NotServing, ex.Message);
        Assert.Equal(TicketState.Waiting, ticket.State);
    }

    [Fact]
    public void RefusesCompletingACalledTicketNotYetServed()
    {
        var ex = Assert.Throws<DomainException>(() => Called(_queue, 1, At(9, 0), At(9, 1)).Complete(At(9, 5)));
        Assert.Equal(QueueingErrors.NotServing, ex.Message);
    }

    [Theory]
    [InlineData(0, 50)]
    [InlineData(5, 0)]
    public void RefusesCallWithoutWindowOrStaff(int windowId, int staffId) =>
        Assert.Throws<DomainException>(() => Issue(_queue, 1, At(9, 0)).Call(windowId, staffId, At(9, 1)));

    [Fact]
    public void RefusesAStepDatedBeforeThePreviousOne()
    {
        var ticket = Called(_queue, 1, At(9, 0), At(9, 10));

        var ex = Assert.Throws<DomainException>(() => ticket.StartService(At(9, 9)));

        Assert.Equal(QueueingErrors.TimeWentBackwards, ex.Message);
    }

    [Fact]
    public void CancelsAWaitingTicketWithItsReason()
    {
        var ticket = Issue(_queue, 1, At(9, 0));

        ticket.Cancel(TicketCancelReason.ApplicantLeft, At(9, 30));

        Assert.Equal(TicketState.Cancelled, ticket.State);
        Assert.Equal(TicketCancelReason.ApplicantLeft, ticket.CancelReason);
        Assert.Equal(At(9, 30), ticket.CancelledAt);
    }

    [Fact]
    public void RefusesCancellingATicketBeingServedOrFinished()
    {
        var serving = Serving(_queue, 1, At(9, 0), At(9, 1), At(9, 2));
        Assert.Equal(QueueingErrors.CannotCancel,
            Assert.Throws<DomainException>(() => serving.Cancel(TicketCancelReason.ApplicantLeft, At(9, 3))).Message);

        serving.Complete(At(9, 4));
        Assert.Throws<DomainException>(() => serving.Cancel(TicketCancelReason.ApplicantLeft, At(9, 5)));
    }
}
