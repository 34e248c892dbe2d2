namespace OpsConsole.Realtime;

/// <summary>
/// A page's reload after hall events: requested as often as events come, run after a short delay
/// (so a burst becomes one reload), never two at once, and once more if asked again while running
/// (so the last change is always shown). Stops when disposed.
/// </summary>
public sealed class CoalescedRefresh(TimeSpan delay, Func<CancellationToken, Task> reload, Func<Exception, Task> onError) : IDisposable
{
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
                // Cleared before reloading: a request during the reload runs one more.
                Volatile.Write(ref _requested, 0);
                await reload(_stopped.Token);
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
