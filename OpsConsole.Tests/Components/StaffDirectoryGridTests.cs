using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Components.Pages.People;
using OpsConsole.Features.Home;

namespace OpsConsole.Tests.Components;

/// <summary>The HR staff directory (a MudTable over the demo's people): searching, counting and paging.</summary>
public sealed class StaffDirectoryGridTests(ComponentAppFixture fx) : IClassFixture<ComponentAppFixture>
{
    private async Task<(BunitContext Ctx, IServiceScope Scope, IReadOnlyList<HomeQueries.DirectoryRow> Rows)> ArrangeAsync()
    {
        var ctx = fx.NewContext(out var scope, "BJ0004");
        var rows = await scope.ServiceProvider.GetRequiredService<HomeQueries>().GetStaffDirectoryAsync();
        return (ctx, scope, rows);
    }

    [Fact]
    public async Task TwentyPeopleAPageAndTheCountOfAll()
    {
        using var culture = new CultureScope("zh-CN");
        var (ctx, scope, rows) = await ArrangeAsync();
        await using var _ = ctx;
        // MudBlazor's services in the scope dispose only asynchronously.
        await using var __ = (IAsyncDisposable)scope;
        Assert.True(rows.Count > 15, "the demo has more people than one page");

        var grid = ctx.Render<StaffDirectoryGrid>(p => p.Add(c => c.Rows, rows));

        Assert.Equal(15, grid.FindAll("tbody tr").Count);
        Assert.Equal($"共 {rows.Count} 条", grid.Find("[data-testid=directory-count]").TextContent.Trim());
    }

    [Fact]
    public async Task SearchingByNumberNameOrDepartmentKeepsOnlyThoseWhoMatch()
    {
        using var culture = new CultureScope("zh-CN");
        var (ctx, scope, rows) = await ArrangeAsync();
        await using var _ = ctx;
        // MudBlazor's services in the scope dispose only asynchronously.
        await using var __ = (IAsyncDisposable)scope;
        var grid = ctx.Render<StaffDirectoryGrid>(p => p.Add(c => c.Rows, rows));
        var someone = rows.First(r => r.Staff.Department is not null);

        grid.Find("input[data-testid=grid-search]").Input(someone.Staff.EmployeeNo);
        grid.WaitForAssertion(() => Assert.Single(grid.FindAll("tbody tr")));
        Assert.Contains(someone.Staff.Name, grid.Find("tbody tr").TextContent);
        Assert.Equal("共 1 条", grid.Find("[data-testid=directory-count]").TextContent.Trim());

        var department = someone.Staff.Department!.Name;
        var inDepartment = rows.Count(r => r.Staff.Department?.Name.Contains(department) == true);
        grid.Find("input[data-testid=grid-search]").Input(department);
        grid.WaitForAssertion(() => Assert.Equal(Math.Min(15, inDepartment), grid.FindAll("tbody tr").Count));
        Assert.All(grid.FindAll("tbody tr"), tr => Assert.Contains(department, tr.TextContent));

        grid.Find("input[data-testid=grid-search]").Input("没有这个人");
        grid.WaitForAssertion(() => Assert.Contains("没有符合条件的记录", grid.Find("tbody").TextContent));
    }
}
