using OpsConsole.Domain.Common;
using OpsConsole.Domain.Queueing;
using Xunit;
using static OpsConsole.Tests.Domain.Queueing.QueueingTestData;

namespace OpsConsole.Tests.Domain.Queueing;

public class ServiceQueueTests
{
    [Fact]
    public void NewQueueIssuesWithDefaultTargetWaitAndSortedHours()
    {
        var queue = new ServiceQueue("BDC", new QueuePrefix("B"), "不动产登记",
            [new OpeningPeriod(new(13, 0), new(17, 0)), new OpeningPeriod(new(9, 0), new(12, 0))]);

        Assert.True(queue.IsIssuing);
        Assert.Equal(ServiceQueue.DefaultTargetWait, queue.TargetWait);
        Assert.Equal(new TimeOnly(9, 0), queue.OpensAt);
        Assert.Equal(new TimeOnly(17, 0), queue.ClosesAt);
        Assert.False(queue.IsOpenAt(new TimeOnly(12, 30)));
        Assert.True(queue.IsOpenAt(new TimeOnly(13, 0)));
    }

    [Fact]
    public void RefusesOverlappingOrEmptyOpeningHours()
    {
        var queue = Queue();

        Assert.Throws<DomainException>(() => queue.SetOpeningHours(
            [new OpeningPeriod(new(9, 0), new(12, 0)), new OpeningPeriod(new(11, 30), new(17, 0))]));
        Assert.Throws<DomainException>(() => queue.SetOpeningHours([]));
        Assert.Throws<DomainException>(() => new OpeningPeriod(new(12, 0), new(9, 0)));
    }

    [Fact]
    public void TakesATwoLetterPrefix()
    {
        var queue = Queue();

        queue.ChangePrefix(new QueuePrefix("BD"));

        Assert.Equal("BD", queue.Prefix.Value);
        Assert.Equal("BD017", Ticket.Issue(queue, 17, TicketChannel.Kiosk, "code-bd-017", At(9, 0)).Number.ToString());
    }

    [Fact]
    public void RefusesTheEmptyDefaultPrefix() =>
        Assert.Throws<DomainException>(() => Queue().ChangePrefix(default));

    [Fact]
    public void StopsIssuingOnlyWithAReasonAndResumes()
    {
        var queue = Queue();

        Assert.Throws<DomainException>(() => queue.StopIssuing(" "));
        queue.StopIssuing("系统维护");
        Assert.False(queue.IsIssuing);
        Assert.Equal("系统维护", queue.IssuingStoppedReason);

        queue.ResumeIssuing();
        Assert.True(queue.IsIssuing);
        Assert.Null(queue.IssuingStoppedReason);
    }

    [Fact]
    public void CoversEachServiceItemOnce()
    {
        var queue = Queue();

        queue.AddServiceItem(7);
        queue.AddServiceItem(7);
        queue.AddServiceItem(8);
        queue.RemoveServiceItem(8);

        Assert.True(queue.Covers(7));
        Assert.False(queue.Covers(8));
        Assert.Single(queue.Items);
    }

    [Fact]
    public void RefusesNonPositiveTargetWaitAndCap()
    {
        var queue = Queue();

        Assert.Throws<DomainException>(() => queue.SetTargetWait(TimeSpan.Zero));
        Assert.Throws<DomainException>(() => queue.SetDailyCap(0));
        queue.SetDailyCap(null);
        Assert.Null(queue.DailyCap);
    }

    [Theory]
    [InlineData(10, 0, 60, 11, 0)]   // within the morning
    [InlineData(11, 30, 60, 13, 30)] // the lunch break does not count
    [InlineData(12, 30, 30, 13, 30)] // taken during the break: counts from 13:00
    [InlineData(8, 0, 0, 9, 0)]      // before opening: from opening
    public void OpenTimeAfterSkipsBreaks(int h, int m, int waitMinutes, int eh, int em) =>
        Assert.Equal(new TimeOnly(eh, em), Queue().OpenTimeAfter(new TimeOnly(h, m), TimeSpan.FromMinutes(waitMinutes)));

    [Fact]
    public void OpenTimeAfterIsNullAtOrPastClosing()
    {
        var queue = Queue();

        Assert.Null(queue.OpenTimeAfter(new TimeOnly(16, 30), TimeSpan.FromMinutes(30)));
        Assert.Equal(new TimeOnly(16, 59), queue.OpenTimeAfter(new TimeOnly(16, 30), TimeSpan.FromMinutes(29)));
    }
}
