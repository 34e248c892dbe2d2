namespace OpsConsole.Realtime;

/// <summary>
/// A page's reload after hall events: requested as often as events come, run after a short delay
/// (so a burst becomes one reload), never two at once, and once more if asked again while running
/// (so the last change is always shown). Stops when disposed.
/// <para>
/// Across the process, at most <see cref="MaxConcurrentReloads"/> reloads run at once; the others wait their
/// turn without holding a thread. One call wakes every page that shows its queue; 400 counter pages reloading
/// together would fill the thread pool's queue, and the call's own request, the next pad and the lobby screens'
/// send would wait behind them (the soak in bench/RESULTS.md). Pages catch up a moment later instead.
/// </para>
/// </summary>
public sealed class CoalescedRefresh(TimeSpan delay, Func<CancellationToken, Task> reload, Func<Exception, Task> onError) : IDisposable
{
    /// <summary>Reloads that may run at once in this process: the cores, and at least two.</summary>
    public static readonly int MaxConcurrentReloads = Math.Max(2, Environment.ProcessorCount);

    private static readonly SemaphoreSlim Turns = new(MaxConcurrentReloads, MaxConcurrentReloads);

    private readonly CancellationTokenSource _stopped = new();
    private int _requested;
    private int _running;

    /// <summary>Asks for a reload; returns at once.</summary>
    public void Request()
    {
        Volatile.Write(ref _requested, 1);
        if (!_stopped.IsCancellationRequested && Interlocked.CompareExchange(ref _running, 1, 0) == 0) _ = RunAsync();
    }

    private async Task RunAsync()
    {
        try
        {
            while (Volatile.Read(ref _requested) == 1 && !_stopped.IsCancellationRequested)
            {
                await Task.Delay(delay, _stopped.Token);
                await Turns.WaitAsync(_stopped.Token);
                // Cleared once its turn came (requests while it waited are folded in) and before reloading:
                // a request during the reload runs one more.
                Volatile.Write(ref _requested, 0);
                try
                {
                    await reload(_stopped.Token);
                }
                finally
                {
                    Turns.Release();
                }
            }
        }
        catch (OperationCanceledException) when (_stopped.IsCancellationRequested)
        {
            // The page was closed.
        }
        catch (Exception ex)
        {
            Volatile.Write(ref _requested, 0);
            await onError(ex);
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
        // A request that came after the loop's last look and before it stopped running.
        if (Volatile.Read(ref _requested) == 1) Request();
    }

    // Cancelled, not disposed: a reload still running may read the token.
    public void Dispose() => _stopped.Cancel();
}
