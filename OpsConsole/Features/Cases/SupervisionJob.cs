namespace OpsConsole.Features.Cases;

/// <summary>Runs the supervision pass at start-up and then every hour on the hall clock (<see cref="TimeProvider"/>).</summary>
public sealed class SupervisionJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<SupervisionJob> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var raised = await scope.ServiceProvider.GetRequiredService<SupervisionPass>().RunAsync(stoppingToken);
                if (raised > 0) log.LogInformation("Supervision pass raised {Cards} cards", raised);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "The supervision pass failed; retrying in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
