using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Data;
using OpsConsole.Data.Monitoring;
using OpsConsole.Domain.Monitoring;
using OpsConsole.Realtime;

namespace OpsConsole.Features.Monitoring;

/// <summary>The "Monitoring" section of configuration.</summary>
public sealed class MonitoringOptions
{
    public const string Section = "Monitoring";

    /// <summary>Center-wide alert thresholds (each queue may override the count and wait thresholds).</summary>
    public AlertSettings Alerts { get; set; } = new();

    /// <summary>Shortest interval between two snapshots pushed to dashboards (default 1 s).</summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A snapshot is also taken this often when nothing happens, so waits and pauses age (default 10 s).</summary>
    public TimeSpan IdleInterval { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// Keeps one live picture of the hall for every manager dashboard. Hall events only mark it
/// stale; at most once per <see cref="MonitoringOptions.MinInterval"/> it is rebuilt from the
/// database, alerts are raised, escalated and resolved, and dashboards get the new snapshot. So a
/// burst of 300 window changes costs one rebuild, and each dashboard renders at most once a second.
/// </summary>
public sealed class HallMonitor(IServiceScopeFactory scopes, HallEvents events, IOptions<MonitoringOptions> options,
    TimeProvider time, ILogger<HallMonitor> log) : BackgroundService
{
    private readonly List<Func<HallSnapshot, IReadOnlyList<Alert>, Task>> _subscribers = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _wake = new(0, 1);

    public HallSnapshot Latest { get; private set; } = HallSnapshot.Empty;

    /// <summary>Snapshots built so far (for the benchmark and tests).</summary>
    public long Rebuilds { get; private set; }

    /// <summary>Receives each new snapshot with the alerts raised or escalated in it.</summary>
    public IDisposable Subscribe(Func<HallSnapshot, IReadOnlyList<Alert>, Task> handler)
    {
        lock (_gate) _subscribers.Add(handler);
        return new Unsubscriber(() => { lock (_gate) _subscribers.Remove(handler); });
    }

    /// <summary>Asks for a rebuild now (after a manager action), still respecting the minimum interval.</summary>
    public void Poke()
    {
        if (_wake.CurrentCount == 0) try { _wake.Release(); } catch (SemaphoreFullException) { }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var problems = options.Value.Alerts.Problems();
        if (problems.Count > 0) throw new InvalidOperationException("配置项 Monitoring:Alerts 无效：" + string.Join(" ", problems));
        using var subscription = events.SubscribeInline(_ => Poke());
        long? lastBuild = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(options.Value.IdleInterval, stoppingToken);
                // Elapsed time from the monotonic timestamp, not the wall clock.
                var since = lastBuild is { } last ? time.GetElapsedTime(last) : TimeSpan.MaxValue;
                if (since < options.Value.MinInterval)
                {
                    await Task.Delay(options.Value.MinInterval - since, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) { break; }
            lastBuild = time.GetTimestamp();
            try
            {
                await RebuildAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Rebuilding the hall snapshot failed; retrying on the next change.");
            }
        }
    }

    private async Task RebuildAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var builder = scope.ServiceProvider.GetRequiredService<HallSnapshotBuilder>();
        var (snapshot, queues, windows) = await builder.BuildAsync(ct);
        var (open, raised) = await UpdateAlertsAsync(scope.ServiceProvider, queues, windows, snapshot.At, ct);
        var severityByQueue = open.Where(a => a.QueueId is not null).GroupBy(a => a.QueueId!.Value).ToDictionary(g => g.Key, g => g.Max(a => a.Severity));
        var severityByWindow = open.Where(a => a.WindowId is not null).GroupBy(a => a.WindowId!.Value).ToDictionary(g => g.Key, g => g.Max(a => a.Severity));
        snapshot = snapshot with
        {
            Queues = snapshot.Queues.Select(q => q with { Alert = severityByQueue.TryGetValue(q.QueueId, out var s) ? s : null }).ToList(),
            Windows = snapshot.Windows.Select(w => w with { Alert = severityByWindow.TryGetValue(w.WindowId, out var s) ? s : null }).ToList(),
            OpenAlerts = open,
        };
        Latest = snapshot;
        Rebuilds++;
        List<Func<HallSnapshot, IReadOnlyList<Alert>, Task>> subscribers;
        lock (_gate) subscribers = [.. _subscribers];
        foreach (var s in subscribers)
        {
            try { await s(snapshot, raised); }
            catch (Exception ex) { log.LogWarning(ex, "A monitor subscriber failed."); }
        }
    }

    private async Task<(IReadOnlyList<Alert> Open, IReadOnlyList<Alert> Raised)> UpdateAlertsAsync(IServiceProvider services,
        IReadOnlyList<QueueState> queues, IReadOnlyList<Domain.Monitoring.WindowStateSnapshot> windows, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            return await TryUpdateAlertsAsync(services, queues, windows, now, new HashSet<string>(), ct);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            // Another node raised one of these alerts between our read and our write: take its rows and go again.
            var clashed = ex.Entries.Select(e => e.Entity).OfType<Alert>().Select(a => a.Key).ToHashSet();
            return await TryUpdateAlertsAsync(services, queues, windows, now, clashed, ct);
        }
    }

    private static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 }
        || ex.InnerException is Npgsql.PostgresException { SqlState: "23505" };

    /// <param name="raisedElsewhere">Keys another node just raised: still news to this node's managers.</param>
    private async Task<(IReadOnlyList<Alert> Open, IReadOnlyList<Alert> Raised)> TryUpdateAlertsAsync(IServiceProvider services,
        IReadOnlyList<QueueState> queues, IReadOnlyList<Domain.Monitoring.WindowStateSnapshot> windows, DateTimeOffset now,
        IReadOnlySet<string> raisedElsewhere, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync(ct);
        var perQueue = await db.Set<QueueThresholdSetting>().AsNoTracking().ToDictionaryAsync(t => t.QueueId, t => t.ToThresholds(), ct);
        var conditions = AlertRules.Evaluate(queues, windows, options.Value.Alerts, perQueue, now).ToDictionary(c => c.Key);
        var open = await db.Set<Alert>().Where(a => a.ResolvedAt == null).ToListAsync(ct);
        var raised = new List<Alert>();
        var added = new List<Alert>();
        foreach (var alert in open)
        {
            if (conditions.Remove(alert.Key, out var condition))
            {
                if (alert.Update(condition, now) || raisedElsewhere.Contains(alert.Key)) raised.Add(alert);
            }
            else
            {
                alert.Resolve(now);
            }
        }
        foreach (var condition in conditions.Values)
        {
            var alert = new Alert(condition, now);
            db.Add(alert);
            added.Add(alert);
            raised.Add(alert);
        }
        // Only state changes are written (LastSeenAt alone is not worth a write every second).
        var meaningful = db.ChangeTracker.Entries<Alert>().Any(e => e.State == EntityState.Added
            || e.Property(a => a.ResolvedAt).IsModified || e.Property(a => a.Severity).IsModified);
        if (meaningful)
        {
            using (await services.GetRequiredService<WriteGate>().EnterAsync(ct))
            {
                await db.SaveChangesAsync(ct);
            }
        }
        var stillOpen = open.Where(a => a.IsOpen).Concat(added).OrderByDescending(a => a.Severity).ThenBy(a => a.RaisedAt).ToList();
        return (stillOpen, raised);
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        private int _done;
        public void Dispose() { if (Interlocked.Exchange(ref _done, 1) == 0) dispose(); }
    }
}
