using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Common;
using OpsConsole.Features.Windows;

namespace OpsConsole.Components.Pages.Windows;

public partial class Roster
{
    internal static readonly string[] DayNames = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    [Inject] private RosterBoard Board { get; set; } = default!;
    [Inject] private CenterClock Clock { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    /// <summary>Any day of the week to show (query <c>?week=2026-11-23</c>). Default: this week.</summary>
    [SupplyParameterFromQuery(Name = "week")] public string? WeekParam { get; set; }

    /// <summary>The floor to show first (query <c>?floor=2</c>). Default: the lowest.</summary>
    [SupplyParameterFromQuery(Name = "floor")] public int? FloorParam { get; set; }

    private RosterBoard.Week? week;
    private OpResult? result;
    private bool busy;
    private (DateOnly Day, HalfDay Half, int WindowId)? editing;
    private ILookup<(DateOnly, HalfDay, int), RosterConflict> byCell = Array.Empty<RosterConflict>().ToLookup(c => (default(DateOnly), default(HalfDay), 0));

    private IReadOnlyList<(int Level, string Name)> floors = [];
    private int floor;

    private IEnumerable<RosterBoard.WindowRow> FloorWindows => week!.Windows.Where(w => w.FloorLevel == floor);

    private string FloorName => floors.FirstOrDefault(f => f.Level == floor).Name ?? "";

    private string WeekLabel => week is null ? "" : $"{week.Monday:yyyy-MM-dd} – {week.Monday.AddDays(4):MM-dd}";

    protected override async Task OnInitializedAsync()
    {
        var day = DateOnly.TryParse(WeekParam, out var d) ? d : Clock.Today;
        await LoadAsync(day);
    }

    private async Task LoadAsync(DateOnly day)
    {
        week = await Board.WeekAsync(day);
        floors = FloorSwitch.Of(week.Windows, w => w.FloorLevel, w => w.FloorName);
        if (!floors.Any(f => f.Level == floor))
        {
            floor = floors.Any(f => f.Level == FloorParam) ? FloorParam!.Value : floors.FirstOrDefault().Level;
        }
        byCell = week.Conflicts.Where(c => c.Day is not null && c.WindowId is not null)
            .ToLookup(c => (c.Day!.Value, c.HalfDay!.Value, c.WindowId!.Value));
    }

    private async Task GoAsync(int days)
    {
        editing = null;
        result = null;
        await LoadAsync(days == 0 ? Clock.Today : week!.Monday.AddDays(days));
    }

    private void ShowFloor(int level)
    {
        floor = level;
        editing = null;
    }

    private IReadOnlyList<RosterConflict> CellConflicts(DateOnly d, HalfDay h, int windowId) => byCell[(d, h, windowId)].ToList();

    private bool IsEditing(DateOnly d, HalfDay h, int windowId) => editing == (d, h, windowId);

    private static string CellKey(DateOnly d, HalfDay h, int windowId) =>
        string.Create(CultureInfo.InvariantCulture, $"{d:yyyyMMdd}:{(int)h}:{windowId}");

    /// <summary>A click in the grid: a cell's button opens its person select.</summary>
    private void OnCell(CellClickEventArgs e)
    {
        var parts = e.Cell.Split(':');
        if (parts.Length == 3
            && DateOnly.TryParseExact(parts[0], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && int.TryParse(parts[1], out var half) && Enum.IsDefined((HalfDay)half)
            && int.TryParse(parts[2], out var windowId))
        {
            editing = (day, (HalfDay)half, windowId);
        }
    }

    /// <summary>A person chosen in a cell's select (empty = clear the cell).</summary>
    private async Task AssignAsync(DateOnly day, HalfDay half, int windowId, ChangeEventArgs e)
    {
        if (week is null) return;
        int? staffId = int.TryParse(e.Value?.ToString(), out var chosen) ? chosen : null;
        var expected = week.Cells.TryGetValue((day, half, windowId), out var id) ? id : (int?)null;
        result = await Board.AssignAsync(day, half, windowId, staffId, expected);
        editing = null;
        await LoadAsync(week.Monday);
    }

    private async Task CopyAsync()
    {
        if (week is null) return;
        busy = true;
        try
        {
            result = (await Board.CopyPreviousWeekAsync(week.Monday)).Result;
            await LoadAsync(week.Monday);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task PrintAsync() => await JS.InvokeVoidAsync("print");
}
