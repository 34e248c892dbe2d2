using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Components.Pages.Windows;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Windows;

namespace OpsConsole.Tests.Components;

/// <summary>
/// The roster's conflict list for the demo week of 23 November 2026, whose seed puts one person on two windows on
/// Tuesday afternoon: the count, the groups by kind, and the lines that name day, window and person.
/// </summary>
public sealed class RosterConflictListTests(ComponentAppFixture fx) : IClassFixture<ComponentAppFixture>
{
    private async Task<RosterBoard.Week> DemoWeekAsync(IServiceScope scope) =>
        await scope.ServiceProvider.GetRequiredService<RosterBoard>().WeekAsync(new DateOnly(2026, 11, 23));

    [Fact]
    public async Task TheListCountsEveryConflictAndGroupsThemByKind()
    {
        using var culture = new CultureScope("zh-CN");
        await using var ctx = fx.NewContext(out var scope, "BJ0003");
        using var _ = scope;
        var week = await DemoWeekAsync(scope);
        Assert.Contains(week.Conflicts, c => c.Kind == RosterConflictKind.TwoWindows);

        var list = ctx.Render<RosterConflictList>(p => p.Add(c => c.Week, week));

        var count = list.Find("[data-testid=conflict-count]");
        Assert.Equal(week.Conflicts.Count.ToString(), count.TextContent);
        Assert.Contains("some", count.ClassList);
        Assert.Empty(list.FindAll(".conflict-none"));
        var kinds = week.Conflicts.Select(c => c.Kind).Distinct().Order().Select(k => $"conflict-{k.ToString().ToLowerInvariant()}");
        Assert.Equal(kinds, list.FindAll(".conflict-group").Select(g => g.GetAttribute("data-testid")!));

        var twoWindows = list.Find("[data-testid=conflict-twowindows]");
        Assert.Contains("一人同时排两个窗口", twoWindows.TextContent);
        Assert.Contains("周二下午", twoWindows.TextContent);
        Assert.Contains("同一半天还排在其他窗口", twoWindows.TextContent);
    }

    [Fact]
    public async Task AWeekWithoutConflictsSaysSo()
    {
        using var culture = new CultureScope("zh-CN");
        await using var ctx = fx.NewContext(out var scope, "BJ0003");
        using var _ = scope;
        var week = await DemoWeekAsync(scope) with { Conflicts = [] };

        var list = ctx.Render<RosterConflictList>(p => p.Add(c => c.Week, week));

        Assert.Equal("0", list.Find("[data-testid=conflict-count]").TextContent);
        Assert.Contains("none", list.Find("[data-testid=conflict-count]").ClassList);
        Assert.Contains("本周排班没有冲突", list.Find(".conflict-none").TextContent);
        Assert.Empty(list.FindAll(".conflict-group"));
    }

    [Fact]
    public void ALineNamesTheHalfDayTheWindowAndThePersonInEnglishToo()
    {
        using var culture = new CultureScope("en");
        var L = fx.App.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<OpsConsole.Localization.SharedResource>>();

        Assert.Equal("Tue Afternoon", RosterConflictList.HalfLabel(L, new DateOnly(2026, 11, 24), OpsConsole.Domain.Attendance.HalfDay.Afternoon));
    }
}
