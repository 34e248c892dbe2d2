using OpsConsole.Domain.Windows;

namespace OpsConsole.Domain.Monitoring;

public enum AlertSeverity { Yellow, Red }

public enum AlertKind
{
    /// <summary>Too many people waiting in a queue.</summary>
    QueueWaiting,
    /// <summary>The longest wait in a queue passed its threshold.</summary>
    QueueLongestWait,
    /// <summary>A window has been paused too long.</summary>
    WindowPausedTooLong,
    /// <summary>A window is idle while its queues have people waiting.</summary>
    WindowIdleWhileWaiting,
    /// <summary>People wait in a queue that no open window serves.</summary>
    QueueWithoutWindow,
}

/// <summary>
/// A condition that holds now. <see cref="Key"/> is stable while the condition lasts (the same
/// queue or window and kind), so an alert is raised once and resolved when the key disappears;
/// a change of severity keeps the key.
/// </summary>
public sealed record AlertCondition(string Key, AlertKind Kind, AlertSeverity Severity, int? QueueId, int? WindowId, double Value, double Threshold);

/// <summary>Evaluates the hall against the thresholds: pure, so it runs on every snapshot.</summary>
public static class AlertRules
{
    public static IReadOnlyList<AlertCondition> Evaluate(IReadOnlyList<QueueState> queues, IReadOnlyList<WindowStateSnapshot> windows,
        AlertSettings settings, IReadOnlyDictionary<int, QueueThresholds> perQueue, DateTimeOffset now)
    {
        var conditions = new List<AlertCondition>();
        foreach (var q in queues)
        {
            var t = perQueue.GetValueOrDefault(q.QueueId);
            var yellow = t?.WaitingYellow ?? settings.WaitingYellow;
            var red = t?.WaitingRed ?? settings.WaitingRed;
            if (q.Waiting >= yellow)
            {
                conditions.Add(new($"queue:{q.QueueId}:waiting", AlertKind.QueueWaiting,
                    q.Waiting >= red ? AlertSeverity.Red : AlertSeverity.Yellow, q.QueueId, null, q.Waiting, q.Waiting >= red ? red : yellow));
            }
            var yFactor = t?.LongestWaitYellowFactor ?? settings.LongestWaitYellowFactor;
            var rFactor = t?.LongestWaitRedFactor ?? settings.LongestWaitRedFactor;
            var longest = q.LongestWait.TotalMinutes;
            var target = q.TargetWait.TotalMinutes;
            if (q.Waiting > 0 && longest >= target * yFactor)
            {
                var isRed = longest >= target * rFactor;
                conditions.Add(new($"queue:{q.QueueId}:longest", AlertKind.QueueLongestWait, isRed ? AlertSeverity.Red : AlertSeverity.Yellow,
                    q.QueueId, null, Math.Round(longest, 1), Math.Round(target * (isRed ? rFactor : yFactor), 1)));
            }
            if (q.Waiting > 0 && q.WindowsOpen == 0)
            {
                conditions.Add(new($"queue:{q.QueueId}:nowindow", AlertKind.QueueWithoutWindow, AlertSeverity.Red, q.QueueId, null, q.Waiting, 0));
            }
        }
        var waitingByQueue = queues.ToDictionary(q => q.QueueId, q => q.Waiting);
        foreach (var w in windows)
        {
            var inState = now - w.Since;
            if (w.State == WindowState.Paused && inState >= settings.PausedTooLong)
            {
                conditions.Add(new($"window:{w.WindowId}:paused", AlertKind.WindowPausedTooLong,
                    inState >= settings.PausedTooLong * 2 ? AlertSeverity.Red : AlertSeverity.Yellow, null, w.WindowId,
                    Math.Round(inState.TotalMinutes), settings.PausedTooLong.TotalMinutes));
            }
            var waiting = w.QueueIds.Sum(id => waitingByQueue.GetValueOrDefault(id));
            if (w.State == WindowState.Idle && waiting > 0 && inState >= settings.IdleWhileWaiting)
            {
                conditions.Add(new($"window:{w.WindowId}:idle", AlertKind.WindowIdleWhileWaiting, AlertSeverity.Yellow, null, w.WindowId,
                    Math.Round(inState.TotalMinutes), settings.IdleWhileWaiting.TotalMinutes));
            }
        }
        return conditions;
    }
}
