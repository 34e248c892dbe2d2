using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace OpsConsole.Components.Mud;

/// <summary>
/// The theme's CSS (MudBlazor's <c>--mud-*</c> variables for <see cref="OpsTheme"/>) as a stylesheet, rendered once
/// per process from <see cref="MudThemeProvider"/> and linked from the page head. In the office shell a
/// <see cref="MudThemeProvider"/> would keep its own copy of the ≈ 25 KB string in every circuit (issue 16, ADR 0049);
/// a cached file costs each browser one request and each circuit nothing.
/// </summary>
public static partial class ThemeStylesheet
{
    public const string Path = "/css/mud-theme.css";

    /// <summary>The link's address, versioned by the build so that a new theme is never served from a stale cache.</summary>
    public static string Href { get; } = $"{Path}?v={typeof(OpsTheme).Assembly.ManifestModule.ModuleVersionId:N}";

    public static IEndpointRouteBuilder MapThemeStylesheet(this IEndpointRouteBuilder app)
    {
        var css = new Lazy<Task<string>>(() => RenderAsync(app.ServiceProvider));
        app.MapGet(Path, async (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Text(await css.Value, "text/css; charset=utf-8");
        }).AllowAnonymous();
        return app;
    }

    /// <summary>What <see cref="MudThemeProvider"/> writes for the center's theme, without its style tags.</summary>
    public static async Task<string> RenderAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(MudThemeProvider.Theme)] = OpsTheme.Theme });
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(parameters);
            return output.ToHtmlString();
        });
        return StyleContent(html);
    }

    /// <summary>The text inside every style element of <paramref name="html"/>, in order.</summary>
    public static string StyleContent(string html) =>
        string.Join('\n', StyleElement().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value.Trim())));

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();
}
