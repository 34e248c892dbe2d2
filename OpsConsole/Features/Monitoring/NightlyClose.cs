using Microsoft.Extensions.Options;
using OpsConsole.Features.Common;
using OpsConsole.Features.Queueing;

namespace OpsConsole.Features.Monitoring;

/// <summary>The "Hall" section of configuration.</summary>
public sealed class HallOptions
{
    public const string Section = "Hall";

    /// <summary>Center time after which the day is closed if no manager did it (default 20:00); empty to turn it off.</summary>
    public string EndOfDayAt { get; set; } = "20:00";
}

/// <summary>
/// Closes the day when no manager pressed the monitor's end-of-day button: when the clock passes <see cref="HallOptions.EndOfDayAt"/> open tickets
/// and windows are closed and unkept appointments (of that day and any before) become no-shows. Days before today are closed whenever
/// found open (a server that was down at night closes them when it starts); today is closed only on seeing the clock
/// pass the hour, so starting the server in the evening never closes a hall that is still working. Checked every
/// minute; a close counts as done only once it committed, so a failed run is retried by the next; closing is
/// idempotent, so several nodes may run it.
/// </summary>
public sealed class NightlyClose(IServiceScopeFactory scopes, CenterClock clock, TimeProvider time, IOptions<HallOptions> options,
    ILogger<NightlyClose> log) : BackgroundService
{
    private DateOnly? _closedThrough;
    private DateOnly? _dueToday;
    private DateTime? _lastSeen;

    /// <summary>Closes what is due now; returns the tickets closed (0 when nothing was due or open). A run that throws is retried by the next.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct = default)
    {
        if (!TimeOnly.TryParse(options.Value.EndOfDayAt, System.Globalization.CultureInfo.InvariantCulture, out var at)) return 0;
        var now = clock.Now.DateTime;
        var today = clock.Today;
        var hour = today.ToDateTime(at);
        // Seeing the clock pass the hour makes today due until a close of it commits.
        if (now >= hour && _lastSeen < hour) _dueToday = today;
        _lastSeen = now;
        var through = _dueToday == today ? today : today.AddDays(-1);
        if (_closedThrough >= through) return 0;
        await using var scope = scopes.CreateAsyncScope();
        var (_, tickets, windows) = await scope.ServiceProvider.GetRequiredService<HallActions>().EndDayAsync(through, ct);
        var noShows = await scope.ServiceProvider.GetRequiredService<AppointmentBook>().MarkNoShowsThroughAsync(through, ct);
        _closedThrough = through;
        if (tickets + windows + noShows > 0)
            log.LogInformation("Closed the day through {Day}: {Tickets} tickets, {Windows} windows, {NoShows} appointment no-shows", through, tickets, windows, noShows);
        return tickets;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        do
        {
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Closing the day failed; retrying in a minute");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
