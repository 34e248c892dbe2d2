using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Components;
using OpsConsole.Components.Pages.Assessment;
using OpsConsole.Features.Assessment;

namespace OpsConsole.Tests.Components;

/// <summary>
/// The month's staff scores on 考核管理 (plain markup, one click handler for the rows): fifteen a page, searching,
/// sorting both ways, and a row that opens the person's lines. October 2026 of the demo, seen on 23 November.
/// </summary>
public sealed class StaffScoresGridTests(ComponentAppFixture fx) : IClassFixture<ComponentAppFixture>
{
    private async Task<(BunitContext Ctx, IServiceScope Scope, MonthAssessment.MonthView View)> ArrangeAsync()
    {
        var ctx = fx.NewContext(out var scope, "BJ0004");
        var months = scope.ServiceProvider.GetRequiredService<MonthAssessment>();
        var view = await months.LoadAsync(months.CurrentMonth.AddMonths(-1));
        return (ctx, scope, view);
    }

    private static int Scored(MonthAssessment.MonthView view) => view.Scores.Staff.Keys.Count(view.Staff.ContainsKey);

    [Fact]
    public async Task FifteenAPageTheCountOfAllAndThePager()
    {
        using var culture = new CultureScope("zh-CN");
        var (ctx, scope, view) = await ArrangeAsync();
        await using var _ = ctx;
        await using var __ = (IAsyncDisposable)scope;
        var all = Scored(view);
        Assert.True(all > StaffScoresGrid.PageSize, "the demo has more people than one page");

        var grid = ctx.Render<StaffScoresGrid>(p => p.Add(c => c.View, view));

        Assert.Equal(StaffScoresGrid.PageSize, grid.FindAll("tbody tr").Count);
        Assert.Equal($"共 {all} 条", grid.Find("[data-testid=staff-scores-count]").TextContent.Trim());
        var pages = (all + StaffScoresGrid.PageSize - 1) / StaffScoresGrid.PageSize;
        Assert.Contains($"第 1 / {pages} 页", grid.Find("[data-testid=staff-scores-pager]").TextContent);
        Assert.True(grid.Find("[data-testid=staff-scores-prev]").HasAttribute("disabled"));
        var firstPage = grid.Find("tbody tr").GetAttribute("data-cell");

        grid.Find("[data-testid=staff-scores-next]").Click();

        Assert.Contains($"第 2 / {pages} 页", grid.Find("[data-testid=staff-scores-pager]").TextContent);
        Assert.NotEqual(firstPage, grid.Find("tbody tr").GetAttribute("data-cell"));
        Assert.False(grid.Find("[data-testid=staff-scores-prev]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task SearchingKeepsOnlyThoseWhoMatchAndSaysWhenNobodyDoes()
    {
        using var culture = new CultureScope("zh-CN");
        var (ctx, scope, view) = await ArrangeAsync();
        await using var _ = ctx;
        await using var __ = (IAsyncDisposable)scope;
        var someone = view.Staff.Values.First(p => view.Scores.Staff.ContainsKey(p.Id));
        var grid = ctx.Render<StaffScoresGrid>(p => p.Add(c => c.View, view));
        grid.Find("[data-testid=staff-scores-next]").Click();

        grid.Find("[data-testid=staff-scores-search]").Input(someone.EmployeeNo);

        var row = Assert.Single(grid.FindAll("tbody tr"));
        Assert.Contains(someone.Name, row.TextContent);
        Assert.Equal("共 1 条", grid.Find("[data-testid=staff-scores-count]").TextContent.Trim());
        Assert.Empty(grid.FindAll("[data-testid=staff-scores-pager]"));

        grid.Find("[data-testid=staff-scores-search]").Input("没有这个人");

        Assert.Contains("没有符合条件的记录", Assert.Single(grid.FindAll("tbody tr")).TextContent);
        Assert.Equal("共 0 条", grid.Find("[data-testid=staff-scores-count]").TextContent.Trim());
    }

    [Fact]
    public async Task SortingByScoreGoesUpThenDownAndRankIsTheDefault()
    {
        using var culture = new CultureScope("zh-CN");
        var (ctx, scope, view) = await ArrangeAsync();
        await using var _ = ctx;
        await using var __ = (IAsyncDisposable)scope;
        var grid = ctx.Render<StaffScoresGrid>(p => p.Add(c => c.View, view));
        string FirstTotal() => grid.FindAll("tbody tr")[0].Children[6].TextContent.Trim();
        string FirstRank() => grid.FindAll("tbody tr")[0].Children[7].TextContent.Trim();

        Assert.Equal("1", FirstRank());
        Assert.Contains("active", grid.Find("[data-testid=sort-centerrank]").ClassList);

        grid.Find("[data-testid=sort-total]").Click();
        Assert.Equal(view.Scores.Staff.Values.Where(s => view.Staff.ContainsKey(s.SubjectId)).Min(s => s.Total).ToString("0.##"), FirstTotal());
        Assert.Contains("↑", grid.Find("[data-testid=sort-total]").TextContent);

        grid.Find("[data-testid=sort-total]").Click();
        Assert.Equal(view.Scores.Staff.Values.Where(s => view.Staff.ContainsKey(s.SubjectId)).Max(s => s.Total).ToString("0.##"), FirstTotal());
        Assert.Contains("↓", grid.Find("[data-testid=sort-total]").TextContent);
        Assert.DoesNotContain("active", grid.Find("[data-testid=sort-centerrank]").ClassList);
    }

    [Fact]
    public async Task ARowClickedOpensThePersonsLines()
    {
        using var culture = new CultureScope("zh-CN");
        var (ctx, scope, view) = await ArrangeAsync();
        await using var _ = ctx;
        await using var __ = (IAsyncDisposable)scope;
        var score = view.Scores.Staff.Values.First(s => view.Staff.ContainsKey(s.SubjectId) && s.Lines.Count > 0);
        var person = view.Staff[score.SubjectId];
        var grid = ctx.Render<StaffScoresGrid>(p => p.Add(c => c.View, view));
        Assert.Empty(grid.FindAll("[data-testid=staff-lines]"));

        // What the browser sends for a click on the row (wwwroot/OpsConsole.lib.module.js): the row's data-cell.
        await grid.Find("[data-testid=staff-scores] table").TriggerEventAsync("oncellclick", new CellClickEventArgs { Cell = person.Id.ToString() });

        Assert.Contains($"{person.Name} 的明细", grid.Markup);
        Assert.Equal(score.Lines.Count, grid.FindAll("[data-testid=staff-lines] tbody tr").Count);
        // A click elsewhere in the table (no data-cell) leaves the choice as it is.
        await grid.Find("[data-testid=staff-scores] table").TriggerEventAsync("oncellclick", new CellClickEventArgs { Cell = "" });
        Assert.Equal(score.Lines.Count, grid.FindAll("[data-testid=staff-lines] tbody tr").Count);
    }
}
