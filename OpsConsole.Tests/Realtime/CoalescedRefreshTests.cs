using OpsConsole.Realtime;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Realtime;

public sealed class CoalescedRefreshTests
{
    [Fact]
    public async Task ManyPagesReloadingTogetherTakeTurns()
    {
        const int pages = 40;
        var running = 0;
        var most = 0;
        var done = 0;
        var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var refreshes = Enumerable.Range(0, pages).Select(_ => new CoalescedRefresh(TimeSpan.Zero, async _ =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            await release.Task;
            Interlocked.Decrement(ref running);
            if (Interlocked.Increment(ref done) == pages) allDone.TrySetResult();
        }, _ => Task.CompletedTask)).ToList();

        foreach (var r in refreshes) r.Request();
        // The first turns are taken and held: no more than the limit run, however many pages asked.
        await Wait.UntilAsync(() => Volatile.Read(ref running) > 0, () => "no reload started");
        Assert.InRange(Volatile.Read(ref most), 1, CoalescedRefresh.MaxConcurrentReloads);

        release.SetResult();
        await allDone.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(pages, done);
        Assert.InRange(most, 1, CoalescedRefresh.MaxConcurrentReloads);
        refreshes.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task ABurstOfRequestsIsOneReloadAndTheLastRequestIsNeverLost()
    {
        var reloads = 0;
        var gate = new SemaphoreSlim(0);
        using var refresh = new CoalescedRefresh(TimeSpan.FromMilliseconds(50), async _ =>
        {
            Interlocked.Increment(ref reloads);
            await gate.WaitAsync();
        }, _ => Task.CompletedTask);

        for (var i = 0; i < 20; i++) refresh.Request();
        await Wait.UntilAsync(() => Volatile.Read(ref reloads) == 1, () => $"{reloads} reloads, not 1");
        // Asked again while reloading: exactly one more reload follows.
        refresh.Request();
        refresh.Request();
        gate.Release();
        await Wait.UntilAsync(() => Volatile.Read(ref reloads) == 2, () => $"{reloads} reloads, not 2");
        gate.Release();
        Assert.Equal(2, Volatile.Read(ref reloads));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }
}
