using Microsoft.Extensions.Logging.Abstractions;
using OpsConsole.Data;
using OpsConsole.Features.Queueing;
using OpsConsole.Realtime;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features;

/// <summary>
/// Publishing never waits for a subscriber: 200 open ticket-status pages that are slow (here they
/// wait until the test lets them go) used to hold every call of the hall behind them.
/// </summary>
public sealed class HallEventsTests : IAsyncLifetime
{
    private QueueApp app = default!;

    public async Task InitializeAsync() => app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task CallNextIsNotHeldUpBy200SlowSubscribersWhoStillGetEveryEventInOrder()
    {
        var (windowId, staffId) = await app.StaffedWindowAsync(1);
        await app.IssueAsync();
        await app.IssueAsync();
        var events = app.Service<HallEvents>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = Enumerable.Range(0, 200).Select(_ => new List<HallEvent>()).ToList();
        var pages = seen.Select(list => events.Subscribe(async e =>
        {
            await gate.Task;
            lock (list) list.Add(e);
        })).ToList();
        var desk = app.Service<CounterDesk>();

        var first = await desk.CallNextAsync(windowId, staffId).WaitAsync(TimeSpan.FromSeconds(30));
        var done = await desk.CompleteAsync(windowId, staffId).WaitAsync(TimeSpan.FromSeconds(30));
        var second = await desk.CallNextAsync(windowId, staffId).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(first.Succeeded && done.Succeeded && second.Succeeded, first.Error ?? done.Error ?? second.Error);
        Assert.All(seen, list => { lock (list) Assert.Empty(list); });
        gate.SetResult();
        await Wait.UntilAsync(() => seen.All(l => { lock (l) return l.OfType<TicketCalled>().Count() == 2; }), () => "both calls on every page");
        foreach (var list in seen)
        {
            lock (list) Assert.Equal(["A001", "A002"], list.OfType<TicketCalled>().Select(c => c.Number));
        }
        pages.ForEach(p => p.Dispose());
    }

    [Fact]
    public async Task ASubscriberThatCannotKeepUpCoalescesToTheLatestEventsAlone()
    {
        var events = new HallEvents(NullLogger<HallEvents>.Instance);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new List<int>();
        var quick = new List<int>();
        using var a = events.Subscribe(async e =>
        {
            await gate.Task;
            lock (slow) slow.Add(((QueueChanged)e).QueueId);
        }, capacity: 4);
        using var b = events.Subscribe(e =>
        {
            lock (quick) quick.Add(((QueueChanged)e).QueueId);
            return Task.CompletedTask;
        });

        for (var i = 1; i <= 20; i++) await events.PublishAsync(new QueueChanged(DateTimeOffset.UnixEpoch, i));
        await Wait.UntilAsync(() => { lock (quick) return quick.Count == 20; }, () => "the quick subscriber's 20 events");
        gate.SetResult();
        await Wait.UntilAsync(() => { lock (slow) return slow.LastOrDefault() == 20; }, () => "the slow subscriber's latest event");

        lock (quick) Assert.Equal(Enumerable.Range(1, 20), quick);
        // The slow one had one event in hand when the rest arrived; it keeps the 4 latest of those.
        lock (slow) Assert.Equal([17, 18, 19, 20], slow.Skip(slow.Count - 4));
        lock (slow) Assert.True(slow.Count <= 5, string.Join(",", slow));
        Assert.True(events.Coalesced >= 15);
    }
}
