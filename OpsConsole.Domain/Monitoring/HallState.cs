using OpsConsole.Domain.Windows;

namespace OpsConsole.Domain.Monitoring;

/// <summary>One queue as the monitor sees it at a moment.</summary>
public sealed record QueueState(int QueueId, string Code, string Name, int Waiting, TimeSpan LongestWait, TimeSpan TargetWait,
    int WindowsOpen);

/// <summary>One window as the monitor sees it at a moment.</summary>
public sealed record WindowStateSnapshot(int WindowId, int Number, string Name, WindowState State, DateTimeOffset Since,
    int? StaffId, IReadOnlyList<int> QueueIds);

/// <summary>Thresholds of one queue; null fields fall back to the center defaults.</summary>
public sealed record QueueThresholds(int? WaitingYellow, int? WaitingRed, double? LongestWaitYellowFactor, double? LongestWaitRedFactor);

/// <summary>Center-wide alert settings (configuration "Monitoring:Alerts").</summary>
public sealed record AlertSettings
{
    /// <summary>Waiting count that turns a queue yellow / red.</summary>
    public int WaitingYellow { get; init; } = 15;
    public int WaitingRed { get; init; } = 30;
    /// <summary>Longest wait as a multiple of the queue's target wait that turns it yellow / red.</summary>
    public double LongestWaitYellowFactor { get; init; } = 1.0;
    public double LongestWaitRedFactor { get; init; } = 1.5;
    /// <summary>A pause longer than this raises an alert.</summary>
    public TimeSpan PausedTooLong { get; init; } = TimeSpan.FromMinutes(20);
    /// <summary>An idle window whose queues have people waiting for longer than this raises an alert.</summary>
    public TimeSpan IdleWhileWaiting { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>The reasons these settings are not usable, as localization keys; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (WaitingYellow < 1 || WaitingRed <= WaitingYellow || WaitingRed > 10_000) problems.Add("等候人数阈值无效：黄色须至少为 1，红色须大于黄色。");
        if (LongestWaitYellowFactor <= 0 || LongestWaitRedFactor <= LongestWaitYellowFactor || LongestWaitRedFactor > 20)
            problems.Add("最长等候阈值无效：红色倍数须大于黄色倍数。");
        if (PausedTooLong < TimeSpan.FromMinutes(1) || PausedTooLong > TimeSpan.FromHours(8)) problems.Add("暂停时长阈值须在 1 分钟到 8 小时之间。");
        if (IdleWhileWaiting < TimeSpan.Zero || IdleWhileWaiting > TimeSpan.FromHours(1)) problems.Add("空闲时长阈值须在 0 到 60 分钟之间。");
        return problems;
    }
}
