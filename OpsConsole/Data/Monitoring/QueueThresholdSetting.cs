using OpsConsole.Domain.Monitoring;

namespace OpsConsole.Data.Monitoring;

/// <summary>A queue's own alert thresholds; empty fields use the center defaults.</summary>
public class QueueThresholdSetting
{
    public int QueueId { get; set; }
    public int? WaitingYellow { get; set; }
    public int? WaitingRed { get; set; }
    public double? LongestWaitYellowFactor { get; set; }
    public double? LongestWaitRedFactor { get; set; }

    public QueueThresholds ToThresholds() => new(WaitingYellow, WaitingRed, LongestWaitYellowFactor, LongestWaitRedFactor);
}
