using Microsoft.Extensions.Localization;
using OpsConsole.Domain.Monitoring;
using OpsConsole.Features.Monitoring;

namespace OpsConsole.Components.Pages.Monitor;

/// <summary>How an alert reads: its subject and what crossed which threshold.</summary>
public static class AlertText
{
    public static string Title(IStringLocalizer L, Alert a, IReadOnlyList<QueueRow> queues, IReadOnlyList<WindowTile> windows)
    {
        var queue = queues.FirstOrDefault(q => q.QueueId == a.QueueId)?.Name ?? "";
        var window = windows.FirstOrDefault(w => w.WindowId == a.WindowId)?.Number.ToString() ?? "";
        return a.Kind switch
        {
            AlertKind.QueueWaiting => L["{0}：等候人数过多", queue],
            AlertKind.QueueLongestWait => L["{0}：等候时间过长", queue],
            AlertKind.QueueWithoutWindow => L["{0}：有人等候但没有开放窗口", queue],
            AlertKind.WindowPausedTooLong => L["{0} 号窗口暂停过久", window],
            AlertKind.WindowIdleWhileWaiting => L["{0} 号窗口空闲而其队列有人等候", window],
            _ => a.Kind.ToString(),
        };
    }

    public static string Detail(IStringLocalizer L, Alert a) => a.Kind switch
    {
        AlertKind.QueueWaiting or AlertKind.QueueWithoutWindow => L["{0} 人等候（阈值 {1}）", a.Value, a.Threshold],
        _ => L["{0} 分钟（阈值 {1} 分钟）", a.Value, a.Threshold],
    };
}
