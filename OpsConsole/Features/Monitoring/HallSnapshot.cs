using OpsConsole.Domain.Monitoring;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;

namespace OpsConsole.Features.Monitoring;

/// <summary>Everything the live monitor shows, computed at one moment for all dashboards.</summary>
public sealed record HallSnapshot(
    DateTimeOffset At,
    IReadOnlyList<QueueRow> Queues,
    IReadOnlyList<WindowTile> Windows,
    IReadOnlyList<HourCount> ByHour,
    IReadOnlyDictionary<SatisfactionLevel, int> SatisfactionToday,
    IReadOnlyList<Alert> OpenAlerts)
{
    public static readonly HallSnapshot Empty = new(default, [], [], [], new Dictionary<SatisfactionLevel, int>(), []);

    public int WaitingTotal => Queues.Sum(q => q.Waiting);
    public int ServedToday => Queues.Sum(q => q.ServedToday);
}

/// <summary>A queue today: waiting, longest and mean wait, service level, trend and windows serving it.</summary>
public sealed record QueueRow(int QueueId, string Code, QueuePrefix Prefix, string Name, int Waiting, TimeSpan LongestWait, TimeSpan? MeanWait,
    double? ServiceLevel, TimeSpan TargetWait, int IssuedToday, int ServedToday, int WindowsOpen, IReadOnlyList<int> WindowNumbers,
    IReadOnlyList<int> ArrivalsLastHour, bool IsIssuing, AlertSeverity? Alert);

/// <summary>A window tile of the hall view.</summary>
public sealed record WindowTile(int WindowId, int Number, string Name, string Zone, string ZoneCode, int FloorLevel, Domain.Catalog.WindowType Type,
    WindowState State, DateTimeOffset Since, string? StaffName, string? CurrentNumber, TicketState? CurrentState, PauseReason? PauseReason,
    string? PauseNote, IReadOnlyList<int> QueueIds, IReadOnlyList<string> QueueNames, AlertSeverity? Alert);

public sealed record HourCount(int Hour, int Issued, int Completed);
