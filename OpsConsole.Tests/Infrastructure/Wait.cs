namespace OpsConsole.Tests.Infrastructure;

/// <summary>Waits for a condition (never for a fixed time); fails naming it after a generous limit.</summary>
public static class Wait
{
    public static async Task UntilAsync(Func<bool> condition, Func<string> what, int timeoutSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("still waiting for " + what());
            await Task.Delay(20);
        }
    }

    /// <summary>The same for a condition that must ask the app (an HTTP request, a query).</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, Func<string> what, int timeoutSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("still waiting for " + what());
            await Task.Delay(20);
        }
    }
}
