using Bunit;
using MudBlazor;
using OpsConsole.Components.Shared;

namespace OpsConsole.Tests.Components;

/// <summary>A select whose items are components only while its list is open (the office pages' memory per circuit).</summary>
public sealed class LazySelectTests(ComponentAppFixture fx) : IClassFixture<ComponentAppFixture>
{
    private static readonly IReadOnlyList<(int?, string)> Windows = [(null, "全部窗口"), (1, "1 号窗口"), (2, "2 号窗口"), (3, "3 号窗口")];

    [Fact]
    public async Task ClosedItHasNoItemsAndShowsTheChosenOptionsText()
    {
        await using var ctx = fx.NewContext(out var scope, mudServices: true);
        using var _ = scope;
        int? chosen = null;

        var select = ctx.Render<LazySelect<int?>>(p => p.Add(c => c.Options, Windows).Add(c => c.Value, 2)
            .Add(c => c.ValueChanged, v => chosen = v).Add(c => c.Label, "窗口"));

        Assert.Empty(select.FindComponents<MudSelectItem<int?>>());
        Assert.Contains(select.FindAll("input"), i => i.GetAttribute("value") == "2 号窗口");

        var mud = select.FindComponent<MudSelect<int?>>();
        await select.InvokeAsync(() => mud.Instance.OpenMenu());
        select.WaitForAssertion(() => Assert.Equal(4, select.FindComponents<MudSelectItem<int?>>().Count));

        await select.InvokeAsync(() => mud.Instance.SelectOption((int?)3));
        Assert.Equal(3, chosen);
        await select.InvokeAsync(() => mud.Instance.CloseMenu());
        select.WaitForAssertion(() => Assert.Empty(select.FindComponents<MudSelectItem<int?>>()));
    }

    [Fact]
    public async Task AValueOutsideTheOptionsShowsItself()
    {
        await using var ctx = fx.NewContext(out var scope, mudServices: true);
        using var _ = scope;

        var select = ctx.Render<LazySelect<int?>>(p => p.Add(c => c.Options, Windows).Add(c => c.Value, 9));

        Assert.Contains(select.FindAll("input"), i => i.GetAttribute("value") == "9");
    }
}
