using System.Globalization;
using Microsoft.AspNetCore.Components;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Common;
using OpsConsole.Features.Monitoring;

namespace OpsConsole.Components.Pages.Monitor;

/// <summary>
/// The live monitor. It never queries the database itself: it shows the hall monitor's latest
/// snapshot and re-renders when a new one arrives (at most once a second, whatever the hall does).
/// </summary>
public partial class Monitor
{
    [Inject] private HallMonitor HallMonitor { get; set; } = default!;

    private HallSnapshot snapshot = HallSnapshot.Empty;
    private IDisposable? subscription;
    private WindowTile? selected;
    private QueueRow? issuingQueue;
    private QueueRow? thresholdQueue;
    private bool noticeOpen;
    private bool endDayOpen;
    private OpResult? result;
    private string? notice;

    /// <summary>Renders caused by snapshots (for the benchmark).</summary>
    public int SnapshotRenders { get; private set; }

    private string Subtitle => snapshot.At == default ? L["正在读取大厅状态…"] : L["更新于 {0:HH:mm:ss}", snapshot.At];

    private string OpenWindows => $"{snapshot.Windows.Count(w => w.State != WindowState.Closed)}/{snapshot.Windows.Count}";

    private string Satisfaction
    {
        get
        {
            var total = snapshot.SatisfactionToday.Values.Sum();
            if (total == 0) return "—";
            var good = snapshot.SatisfactionToday.Where(kv => !kv.Key.IsBad()).Sum(kv => kv.Value);
            return $"{100.0 * good / total:0.0}%";
        }
    }

    protected override void OnInitialized()
    {
        snapshot = HallMonitor.Latest;
        // A snapshot arrives on the hall monitor's thread, whose culture is the server's: render it in the
        // circuit's own language, or an English page turns Chinese at the first update (issue 16).
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        subscription = HallMonitor.Subscribe((s, _) => InvokeAsync(() =>
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
            snapshot = s;
            SnapshotRenders++;
            // Keep the open dialog pointing at the fresh tile.
            if (selected is not null) selected = s.Windows.FirstOrDefault(w => w.WindowId == selected.WindowId);
            StateHasChanged();
        }));
        HallMonitor.Poke();
    }

    private Task DoneAsync(OpResult r)
    {
        result = r.Succeeded ? null : r;
        notice = r.Succeeded && r.NoticeText is not null ? L[r.NoticeText, r.Args ?? []].Value : null;
        return Task.CompletedTask;
    }

    public void Dispose() => subscription?.Dispose();
}
