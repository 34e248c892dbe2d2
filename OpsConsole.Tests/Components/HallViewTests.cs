using Bunit;
using OpsConsole.Components.Pages.Monitor;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.Monitoring;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Monitoring;

namespace OpsConsole.Tests.Components;

/// <summary>The monitor's hall tiles: grouped by floor and zone, coloured by state, minutes in state, a click selects.</summary>
public sealed class HallViewTests(ComponentAppFixture fx) : IClassFixture<ComponentAppFixture>
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    private static WindowTile Tile(int number, int floor, string zoneCode, WindowState state, int minutesAgo, string? staff = "李静",
        string? current = null, PauseReason? pause = null, AlertSeverity? alert = null) =>
        new(number * 10, number, $"{number}号窗口", zoneCode == "A" ? "不动产登记区" : "社保医保公积金区", zoneCode, floor, default(WindowType),
            state, At.AddMinutes(-minutesAgo), staff, current, current is null ? null : TicketState.Serving, pause, null, [], [], alert);

    [Fact]
    public async Task TilesAreGroupedByFloorThenZoneAndSayWhatEachWindowDoes()
    {
        using var culture = new CultureScope("zh-CN");
        await using var ctx = fx.NewContext(out var scope);
        using var _ = scope;
        WindowTile? selected = null;
        var tiles = new[]
        {
            Tile(7, 2, "B", WindowState.Idle, 3),
            Tile(1, 1, "A", WindowState.Serving, 12, current: "A012"),
            Tile(2, 1, "A", WindowState.Paused, 25, pause: PauseReason.Meeting, alert: AlertSeverity.Yellow),
            Tile(3, 1, "A", WindowState.Closed, 0, staff: null),
        };

        var view = ctx.Render<HallView>(p => p.Add(c => c.Windows, tiles).Add(c => c.At, At)
            .Add(c => c.OnSelect, (WindowTile w) => selected = w));

        var zones = view.FindAll(".hall-zone-title").Select(z => z.TextContent.Trim()).ToList();
        Assert.Equal(["1楼 · 不动产登记区", "2楼 · 社保医保公积金区"], zones);
        Assert.Equal(["tile-1", "tile-2", "tile-3", "tile-7"], view.FindAll(".window-tile").Select(t => t.GetAttribute("data-testid")!).ToList());

        var serving = view.Find("[data-testid=tile-1]");
        Assert.Contains("state-serving", serving.ClassName);
        Assert.Equal("A012", serving.QuerySelector(".tile-number")!.TextContent);
        Assert.Equal("12′", serving.QuerySelector(".tile-time")!.TextContent);

        var paused = view.Find("[data-testid=tile-2]");
        Assert.Contains("alert-yellow", paused.ClassName);
        Assert.Contains("会议", paused.QuerySelector(".tile-status")!.TextContent);

        var closed = view.Find("[data-testid=tile-3]");
        Assert.Equal("无人", closed.QuerySelector(".tile-staff")!.TextContent);
        Assert.Equal("", closed.QuerySelector(".tile-time")!.TextContent);
        Assert.Equal("未开放", closed.QuerySelector(".tile-status")!.TextContent.Trim());

        view.Find("[data-testid=tile-7]").Click();
        Assert.Equal(7, selected?.Number);
    }
}
