using Microsoft.Extensions.Options;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Satisfaction;

/// <summary>
/// Runs the 好差评 export shortly after start-up and then every hour on the hall clock (like the supervision job): pushes what is
/// pending and writes yesterday's daily file once it is over (again after a restart, which replaces it with the same content).
/// </summary>
public sealed class RatingExportJob(RatingExportPass pass, CenterClock clock, IHostEnvironment environment, IOptions<RatingExportOptions> options,
    TimeProvider time, ILogger<RatingExportJob> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private DateOnly? _fileWrittenFor;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        if (options.Value.StartDelay > TimeSpan.Zero) await Task.Delay(options.Value.StartDelay, time, stoppingToken);
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var outcome = await pass.RunAsync(stoppingToken);
                if (outcome.Delivered > 0 || outcome.FailedPushes > 0)
                    log.LogInformation("Rating export (haochaping): {Delivered} delivered, {Pending} pending", outcome.Delivered, outcome.Pending);
                var yesterday = clock.Today.AddDays(-1);
                if (_fileWrittenFor != yesterday)
                {
                    await pass.WriteDailyFileAsync(yesterday, environment.ContentRootPath, stoppingToken);
                    _fileWrittenFor = yesterday;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "The rating export (haochaping) failed; retrying in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
