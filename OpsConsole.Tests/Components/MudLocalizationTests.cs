using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using OpsConsole.Components.Mud;

namespace OpsConsole.Tests.Components;

/// <summary>MudBlazor's own strings read in Chinese under zh-CN and stay English under en.</summary>
public sealed partial class MudLocalizationTests : IAsyncLifetime
{
    private readonly BunitContext ctx = new();

    public Task InitializeAsync()
    {
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddOpsMudBlazor();
        ctx.Services.AddMudServices(c =>
        {
            c.PopoverOptions.CheckForPopoverProvider = false;
            c.SnackbarConfiguration.ShowTransitionDuration = 0;
            c.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await ctx.DisposeAsync();

    /// <summary>Every key of MudBlazor's English resource: whatever a page shows comes from here.</summary>
    private static Dictionary<string, string> MudBlazorEnglish()
    {
        var assembly = typeof(MudButton).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("LanguageResource.resources", StringComparison.Ordinal));
        using var reader = new ResourceReader(assembly.GetManifestResourceStream(name)!);
        return reader.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    [Fact]
    public void EveryMudBlazorStringHasChinese()
    {
        var english = MudBlazorEnglish();
        Assert.True(english.Count > 100, $"read only {english.Count} MudBlazor keys");
        var missing = english.Keys.Where(k => !MudStringsZh.Table.ContainsKey(k)).Order().ToList();
        Assert.True(missing.Count == 0, "MudBlazor keys without Chinese (Components/Mud/MudStringsZh.cs):\n" + string.Join("\n", missing));
    }

    [Fact]
    public void ChineseKeepsMudBlazorsPlaceholders()
    {
        var wrong = MudBlazorEnglish()
            .Where(e => MudStringsZh.Table.TryGetValue(e.Key, out var zh) && Placeholders(zh) != Placeholders(e.Value))
            .Select(e => $"{e.Key}: {e.Value} → {MudStringsZh.Table[e.Key]}").ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void ADataGridPagerReadsInChineseUnderZhCn()
    {
        using var culture = new CultureScope("zh-CN");
        var grid = ctx.Render<MudDataGrid<int>>(p => p
            .Add(g => g.Items, Enumerable.Range(1, 1000))
            .Add(g => g.Columns, b => { b.OpenComponent<PropertyColumn<int, int>>(0); b.AddAttribute(1, "Property", (System.Linq.Expressions.Expression<Func<int, int>>)(x => x)); b.CloseComponent(); })
            .Add(g => g.PagerContent, b => { b.OpenComponent<MudDataGridPager<int>>(0); b.CloseComponent(); }));

        Assert.Contains("第 1-10 条，共 1,000 条", grid.Markup);
        Assert.Contains("每页行数：", grid.Markup);
        Assert.DoesNotContain("Rows per page", grid.Markup);
    }

    [Fact]
    public void ADataGridPagerStaysEnglishUnderEn()
    {
        using var culture = new CultureScope("en");
        var grid = ctx.Render<MudDataGrid<int>>(p => p
            .Add(g => g.Items, Enumerable.Range(1, 1000))
            .Add(g => g.PagerContent, b => { b.OpenComponent<MudDataGridPager<int>>(0); b.CloseComponent(); }));

        Assert.Contains("1-10 of 1,000", grid.Markup);
        Assert.Contains("Rows per page", grid.Markup);
    }

    private static string Placeholders(string s) => string.Join(",", Placeholder().Matches(s).Select(m => m.Value).Order());

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}

/// <summary>Sets the current culture and UI culture for a test, and puts them back.</summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

    public CultureScope(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
    }
}
