using Bunit;
using OpsConsole.Components;
using OpsConsole.Components.Pages.Attendance;
using OpsConsole.Domain.Attendance;
using OpsConsole.Tests.Domain.Attendance;
using static OpsConsole.Tests.Domain.Attendance.AttendanceScenario;

namespace OpsConsole.Tests.Components;

/// <summary>
/// The staff member's month calendar and day detail (plain components: the lean staff shell has no MudBlazor): how a
/// scored month reads, which day is picked, and when a make-up punch may be asked for.
/// November 2026 starts on a Sunday; the 3rd (a Tuesday) lacks its morning "out" punch; the 4th is a holiday.
/// </summary>
public sealed class AttendanceCalendarTests(ComponentAppFixture fx) : IClassFixture<ComponentAppFixture>
{
    private const string MissingDay = "2026-11-03";

    private static AttendanceScenario November() => new AttendanceScenario()
        .Punches(MissingDay, "08:55", "12:50", "17:02")
        .FullDay("2026-11-02")
        .Holiday("2026-11-04", "测试假日");

    [Fact]
    public async Task TheCalendarStartsOnMondayAndMarksEachHalfDay()
    {
        using var culture = new CultureScope("zh-CN");
        await using var ctx = fx.NewContext(out var scope);
        using var _ = scope;
        DateOnly? picked = null;

        var calendar = ctx.Render<MonthCalendar>(p => p
            .Add(c => c.Attendance, November().Score(2026, 11))
            .Add(c => c.Selected, D("2026-11-02"))
            .Add(c => c.OnSelect, d => picked = d));

        Assert.Equal(["一", "二", "三", "四", "五", "六", "日"], calendar.FindAll(".dow").Select(e => e.TextContent));
        // Sunday the 1st is the 7th cell of the first week: six empty cells before it.
        Assert.Equal(6, calendar.FindAll(".att-calendar > div:not(.dow)").Count);
        Assert.Equal(30, calendar.FindAll("button.att-day").Count);

        var monday = calendar.Find("[data-testid=day-2]");
        Assert.Contains("selected", monday.ClassList);
        Assert.Equal(["Normal", "Normal"], monday.QuerySelectorAll("[data-status]").Select(e => e.GetAttribute("data-status")!));

        var missing = calendar.Find("[data-testid=day-3]");
        Assert.Equal("MissingPunch", missing.QuerySelectorAll("[data-status]")[0].GetAttribute("data-status"));
        Assert.StartsWith("−", missing.QuerySelector(".deduct")!.TextContent);

        var holiday = calendar.Find("[data-testid=day-4]");
        Assert.Contains("off", holiday.ClassList);
        Assert.Equal("测试假日", holiday.QuerySelector(".cal-name")!.TextContent);
        Assert.Equal("休", holiday.QuerySelector(".halves")!.TextContent.Trim());

        // The days share the calendar's one click handler, which the browser names by the day's data-cell.
        Assert.Equal("3", calendar.Find("[data-testid=day-3]").GetAttribute("data-cell"));
        var grid = calendar.Find("[data-testid=month-calendar]");
        await grid.TriggerEventAsync("oncellclick", new CellClickEventArgs { Cell = "3" });
        Assert.Equal(D(MissingDay), picked);
        picked = null;
        await grid.TriggerEventAsync("oncellclick", new CellClickEventArgs { Cell = "" });
        await grid.TriggerEventAsync("oncellclick", new CellClickEventArgs { Cell = "31" });
        Assert.Null(picked);
    }

    [Fact]
    public async Task ADayOffersAMakeUpForTheMissingPunchOnly()
    {
        using var culture = new CultureScope("zh-CN");
        await using var ctx = fx.NewContext(out var scope);
        using var _ = scope;
        var month = November().Score(2026, 11);
        PunchSlot? asked = null;

        var detail = ctx.Render<DayDetail>(p => p
            .Add(c => c.Day, month.Days.Single(d => d.Date == D(MissingDay)))
            .Add(c => c.AllowRequests, true)
            .Add(c => c.OnRequestMakeUp, s => asked = s));

        Assert.Contains("11月3日 · 星期二", detail.Find("h2").TextContent);
        Assert.Single(detail.FindAll("[data-testid^=request-makeup-]"));
        Assert.Contains("缺卡", detail.Find("tbody").TextContent);
        Assert.Equal(3, detail.FindAll("[data-testid=day-punches] li").Count);

        await detail.Find("[data-testid=request-makeup-MorningOut]").ClickAsync(new());
        Assert.Equal(PunchSlot.MorningOut, asked);
    }

    [Fact]
    public async Task APendingMakeUpShowsAsPendingAndCannotBeAskedTwice()
    {
        using var culture = new CultureScope("zh-CN");
        await using var ctx = fx.NewContext(out var scope);
        using var _ = scope;
        var scenario = November();
        var pending = scenario.MakeUp(MissingDay, PunchSlot.MorningOut, approve: null);
        var month = scenario.Score(2026, 11);

        var detail = ctx.Render<DayDetail>(p => p
            .Add(c => c.Day, month.Days.Single(d => d.Date == D(MissingDay)))
            .Add(c => c.MakeUps, [pending])
            .Add(c => c.AllowRequests, true));

        Assert.Empty(detail.FindAll("[data-testid^=request-makeup-]"));
        Assert.Contains("补卡待审批", detail.Markup);
    }

    [Fact]
    public async Task AHolidayHasNoPunchTableAndSaysSoInEnglishToo()
    {
        using var culture = new CultureScope("en");
        await using var ctx = fx.NewContext(out var scope);
        using var _ = scope;
        var month = November().Score(2026, 11);

        var detail = ctx.Render<DayDetail>(p => p.Add(c => c.Day, month.Days.Single(d => d.Date == D("2026-11-04"))));

        Assert.Empty(detail.FindAll("table"));
        Assert.Contains("测试假日", detail.Find("h2").TextContent);
        Assert.DoesNotContain("无打卡记录", detail.Markup);
    }
}
