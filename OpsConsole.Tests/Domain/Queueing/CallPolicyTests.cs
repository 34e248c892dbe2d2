using OpsConsole.Domain.Queueing;
using Xunit;
using static OpsConsole.Tests.Domain.Queueing.QueueingTestData;

namespace OpsConsole.Tests.Domain.Queueing;

public class CallPolicyTests
{
    private const int Window = 5;
    private readonly ServiceQueue _a = Queue(id: 1, prefix: "A");
    private readonly ServiceQueue _b = Queue(id: 2, prefix: "B");
    private readonly ServiceQueue _c = Queue(id: 3, prefix: "C");

    private static string[] Numbers(IEnumerable<Ticket> tickets) => tickets.Select(t => t.Number.ToString()).ToArray();

    [Fact]
    public void CallsTheLongestWaitingFirst()
    {
        var later = Issue(_a, 2, At(9, 5));
        var earlier = Issue(_a, 1, At(9, 0));

        Assert.Same(earlier, CallPolicy.PickNext(Window, [new(_a.Id, 1)], [later, earlier]));
    }

    [Fact]
    public void EmptiesLowerPrecedenceNumbersFirst()
    {
        var a = Issue(_a, 1, At(9, 0));
        var b = Issue(_b, 1, At(9, 30));

        var order = CallPolicy.Order(Window, [new(_a.Id, 2), new(_b.Id, 1)], [a, b]);

        Assert.Equal(["B001", "A001"], Numbers(order));
    }

    [Fact]
    public void WithinOnePrecedencePriorityClassComesBeforeWait()
    {
        var normal = Issue(_a, 1, At(9, 0));
        var transferred = Called(_c, 1, At(9, 0), At(9, 2));
        transferred.TransferToQueue(_b.Id, At(9, 20));
        var green = Issue(_b, 2, At(9, 15), TicketChannel.ManagerIssued);
        var appointment = Issue(_a, 2, At(9, 25), TicketChannel.Appointment);

        var order = CallPolicy.Order(Window, [new(_a.Id, 1), new(_b.Id, 1)], [normal, transferred, green, appointment]);

        Assert.Equal(["A002", "B002", "C001", "A001"], Numbers(order));
    }

    [Fact]
    public void PriorityDoesNotJumpAcrossPrecedence()
    {
        var normal = Issue(_a, 1, At(9, 30));
        var green = Issue(_b, 1, At(9, 0), TicketChannel.ManagerIssued);

        Assert.Same(normal, CallPolicy.PickNext(Window, [new(_a.Id, 1), new(_b.Id, 2)], [green, normal]));
    }

    [Fact]
    public void IgnoresQueuesTheWindowDoesNotServe()
    {
        var other = Issue(_c, 1, At(9, 0));

        Assert.Null(CallPolicy.PickNext(Window, [new(_a.Id, 1)], [other]));
    }

    [Fact]
    public void SkipsParkedTickets()
    {
        var parked = Serving(_a, 1, At(9, 0), At(9, 1), At(9, 2), windowId: Window);
        parked.Park(At(9, 3));
        var waiting = Issue(_a, 2, At(9, 4));

        Assert.Equal(["A002"], Numbers(CallPolicy.Order(Window, [new(_a.Id, 1)], [parked, waiting])));
    }

    [Fact]
    public void SkipsTicketsNotWaiting()
    {
        var called = Called(_a, 1, At(9, 0), At(9, 1));
        var noShow = Called(_a, 2, At(9, 0), At(9, 1));
        noShow.MarkNoShow(At(9, 5));

        Assert.Null(CallPolicy.PickNext(Window, [new(_a.Id, 1)], [called, noShow]));
    }

    [Fact]
    public void TicketTransferredToThisWindowComesFirstEvenFromAnUnservedQueue()
    {
        var green = Issue(_a, 1, At(9, 0), TicketChannel.ManagerIssued);
        var forMe = Called(_c, 1, At(9, 0), At(9, 5), windowId: 8);
        forMe.TransferToWindow(Window, At(9, 30));

        Assert.Same(forMe, CallPolicy.PickNext(Window, [new(_a.Id, 1)], [green, forMe]));
    }

    [Fact]
    public void TicketTransferredToAnotherWindowIsNotCallableHere()
    {
        var forOther = Called(_a, 1, At(9, 0), At(9, 5), windowId: 8);
        forOther.TransferToWindow(9, At(9, 30));

        Assert.Null(CallPolicy.PickNext(Window, [new(_a.Id, 1)], [forOther]));
        Assert.Same(forOther, CallPolicy.PickNext(9, [], [forOther]));
    }

    [Fact]
    public void DuplicateRoutesUseTheLowestPrecedence()
    {
        var a = Issue(_a, 1, At(9, 30));
        var b = Issue(_b, 1, At(9, 0));

        var next = CallPolicy.PickNext(Window, [new(_a.Id, 3), new(_b.Id, 2), new(_a.Id, 1)], [a, b]);

        Assert.Same(a, next);
    }
}
