using System.Net;
using OpsConsole.Components.Mud;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features;

/// <summary>
/// The office pages' theme comes from one cached stylesheet, not from a MudThemeProvider's string in every circuit:
/// the sheet carries the center's palette and fonts, the office pages link it, and no page inlines it.
/// </summary>
public sealed class ThemeStylesheetTests(SqliteAppFixture fx) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public async Task TheStylesheetCarriesTheCentersPaletteAndIsCachedForTheBuild()
    {
        var response = await HttpSignIn.NewClient(fx.App).GetAsync(ThemeStylesheet.Href);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        var css = await response.Content.ReadAsStringAsync();
        Assert.Contains("--mud-palette-primary: rgba(31,58,95,1);", css);   // OpsTheme's navy
        Assert.Contains("--mud-palette-secondary: rgba(179,38,30,1);", css); // the red of official documents
        Assert.Contains("Noto Sans SC", css);
        Assert.DoesNotContain("<style", css);
        Assert.DoesNotContain("&quot;", css);
    }

    [Theory]
    [InlineData("BJ0004", "/attendance/monthly", true)]  // HR: the MudBlazor office shell
    [InlineData("BJ0003", "/catalog/windows", true)]     // manager
    [InlineData("BJ0001", "/counter", false)]            // window staff: the lean shell, no MudBlazor at all
    public async Task OfficePagesLinkTheThemeAndNoPageInlinesIt(string user, string page, bool linked)
    {
        var client = await HttpSignIn.SignedInClientAsync(fx.App, user, DemoAccounts.Password);

        var html = await client.GetStringAsync(page);

        Assert.Equal(linked, html.Contains(WebUtility.HtmlEncode(ThemeStylesheet.Href)) || html.Contains(ThemeStylesheet.Href));
        Assert.DoesNotContain("--mud-palette-primary", html);
    }

    [Fact]
    public void StyleContentKeepsTheTextOfEveryStyleElementInOrder() =>
        Assert.Equal(":root{--a: 1;}\n.b{font-family: \"X\";}",
            ThemeStylesheet.StyleContent("<style>\n:root{--a: 1;}\n</style><p>not css</p><style type=\"text/css\">.b{font-family: &quot;X&quot;;}</style>"));
}
