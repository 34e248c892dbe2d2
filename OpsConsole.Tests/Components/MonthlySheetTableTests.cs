using Bunit;
using OpsConsole.Components.Pages.Attendance;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.People;
using OpsConsole.Features.Attendance;
using OpsConsole.Tests.Domain.Attendance;

namespace OpsConsole.Tests.Components;

/// <summary>
/// The HR monthly sheet's rows, written as one markup string each: the person (encoded), two marks per workday and 休 on
/// days off, the six totals and the deduction, and a click on the row opens that person.
/// November 2026: the 2nd a full day, the 3rd without its morning "out" punch, the 4th a holiday, nothing else punched.
/// </summary>
public sealed class MonthlySheetTableTests(ComponentAppFixture fx) : IClassFixture<ComponentAppFixture>
{
    private static AttendanceSheet November(string name)
    {
        var scenario = new AttendanceScenario { ScoreThrough = new DateOnly(2026, 11, 4) }
            .FullDay("2026-11-02")
            .Punches("2026-11-03", "08:55", "12:50", "17:02")
            .Holiday("2026-11-04", "测试假日");
        var month = new YearMonth(2026, 11);
        var staff = new Staff { Id = AttendanceScenario.Staff, EmployeeNo = "BJ0777", Name = name };
        return AttendanceSheet.Of(new AttendanceMonths.Grid(month, scenario.RuleSet, scenario.Calendar,
            [new AttendanceMonths.GridRow(staff, scenario.Score(2026, 11))], new DateOnly(2026, 11, 4)));
    }

    [Fact]
    public async Task ARowReadsAsThePersonTheirMarksAndTotals()
    {
        using var culture = new CultureScope("zh-CN");
        await using var ctx = fx.NewContext(out var scope);
        using var _ = scope;
        var sheet = November("<b>王</b> & 李");
        AttendanceSheet.Row? opened = null;

        var table = ctx.Render<MonthlySheetTable>(p => p.Add(c => c.Sheet, sheet).Add(c => c.OnStaffClick, r => opened = r));

        var row = table.WaitForElement("[data-testid=sheet-row-BJ0777]");
        var cells = row.QuerySelectorAll("td");
        Assert.Equal(1 + 30 + 7, cells.Length); // who, 30 days, 6 totals and the deduction
        Assert.Equal("BJ0777 <b>王</b> & 李", cells[0].QuerySelector(".who")!.TextContent.Split('−')[0].Trim()); // text, not markup
        Assert.Null(cells[0].QuerySelector("b"));
        Assert.Equal(["Normal", "Normal"], cells[2].QuerySelectorAll(".half").Select(Status)); // Monday the 2nd
        Assert.Equal("MissingPunch", Status(cells[3].QuerySelectorAll(".half")[0]));
        Assert.NotNull(cells[3].QuerySelector(".half")!.GetAttribute("title"));    // a mark with more to say has a tooltip
        Assert.Null(cells[2].QuerySelector(".half")!.GetAttribute("title"));       // a plain √ has not
        Assert.Equal("休", cells[4].TextContent);                                   // the holiday
        Assert.Equal("休", cells[1].TextContent);                                   // Sunday the 1st

        var totals = cells.Skip(31).Select(c => c.TextContent).ToArray();
        var month = sheet.Rows[0];
        Assert.Equal(month.Totals.MissingPunchCount.ToString(), totals[2]);
        Assert.True(month.Deduction > 0);
        Assert.Equal("−" + AttendanceText.Points(month.Deduction), totals[6]);
        Assert.Contains("minus", cells[^1].ClassList);
        Assert.Equal("sheet-deduction", cells[^1].GetAttribute("data-testid"));

        await row.ClickAsync(new());
        Assert.Same(month, opened);
    }

    private static string Status(AngleSharp.Dom.IElement half) =>
        half.ClassList.Contains("att-restday") ? "RestDay" : Enum.GetValues<HalfDayStatus>().Single(s => half.ClassList.Contains(HalfDayStatusLabels.Css(s))).ToString();
}
