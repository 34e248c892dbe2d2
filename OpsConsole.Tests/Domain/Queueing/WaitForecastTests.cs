using OpsConsole.Domain.Queueing;
using Xunit;
using static OpsConsole.Tests.Domain.Queueing.QueueingTestData;

namespace OpsConsole.Tests.Domain.Queueing;

public class WaitForecastTests
{
    private readonly ServiceQueue _queue = Queue();

    private Ticket Completed(int sequence, int serviceMinutes, bool parkedFiveMinutes = false)
    {
        var ticket = Serving(_queue, sequence, At(9, 0), At(9, 10), At(10, 0));
        var end = At(10, 0).AddMinutes(serviceMinutes);
        if (parkedFiveMinutes)
        {
            ticket.Park(At(10, 0));
            ticket.ResumeParked(5, 50, At(10, 5));
            end = end.AddMinutes(5);
        }
        ticket.Complete(end);
        return ticket;
    }

    [Theory]
    [InlineData(0, 2, 0)]
    [InlineData(10, 1, 100)]
    [InlineData(10, 2, 50)]
    [InlineData(9, 4, 22.5)]
    public void WaitIsPeopleAheadTimesMeanServiceOverWindows(int ahead, int windows, double expectedMinutes) =>
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), WaitForecast.Estimate(ahead, windows, TimeSpan.FromMinutes(10)));

    [Fact]
    public void NoForecastWithoutAServingWindow() =>
        Assert.Null(WaitForecast.Estimate(5, 0, TimeSpan.FromMinutes(10)));

    [Fact]
    public void MeanServiceTimeDefaultsWithTooLittleHistory() =>
        Assert.Equal(WaitForecast.DefaultMeanServiceTime, WaitForecast.MeanServiceTime([Completed(1, 4), Completed(2, 6)]));

    [Fact]
    public void MeanServiceTimeAveragesRecentServicesNetOfParking()
    {
        var history = new[] { Completed(1, 4), Completed(2, 6), Completed(3, 11, parkedFiveMinutes: true) };

        Assert.Equal(TimeSpan.FromMinutes(7), WaitForecast.MeanServiceTime(history));
    }

    [Fact]
    public void MeanServiceTimeIgnoresEndOfDayClosuresAndUnfinishedTickets()
    {
        var closedByRun = Serving(_queue, 9, At(9, 0), At(9, 1), At(9, 2));
        closedByRun.EndOfDay(At(17, 30));
        var history = new[] { Completed(1, 4), Completed(2, 6), Completed(3, 8), closedByRun, Issue(_queue, 10, At(9, 0)) };

        Assert.Equal(TimeSpan.FromMinutes(6), WaitForecast.MeanServiceTime(history));
    }
}
