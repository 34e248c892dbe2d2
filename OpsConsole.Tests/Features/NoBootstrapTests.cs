using System.Text;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Components.Pages.Counter;
using OpsConsole.Components.Pages.Displays;
using OpsConsole.Components.Shared;

namespace OpsConsole.Tests.Features;

/// <summary>
/// Bootstrap, its classes and its icon font are gone from the app (issue 16, ADR 0044): no .razor, .cs or .js file under
/// OpsConsole/ names one of Bootstrap's component or utility classes (those MudBlazor does not define under the same name:
/// d-flex, mt-3 or gap-2 are MudBlazor's too and fine on its pages), nothing links Bootstrap's files, and every icon the
/// pages name exists in OpsIcons.
/// </summary>
public sealed partial class NoBootstrapTests
{
    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));

    private static string AppRoot => Path.Combine(RepoRoot(), "OpsConsole");

    /// <summary>Bootstrap 5.3's class names that MudBlazor 9 does not also define, as patterns of a whole class token.</summary>
    private static readonly Regex[] BootstrapClasses = new[]
    {
        @"btn(-.*)?", @"form-(control|select|check|label|text|floating|range|switch)(-.*)?", @"col-form-label(-.*)?", @"input-group(-.*)?",
        @"card(-(body|header|footer|title|subtitle|text|link|img|img-top|img-bottom|img-overlay|group|header-tabs|header-pills))?",
        @"alert(-(primary|secondary|success|danger|warning|info|light|dark|dismissible|heading|link))?", @"badge",
        @"table(-(striped|striped-columns|hover|bordered|borderless|sm|active|responsive(-(sm|md|lg|xl|xxl))?|group-divider|primary|secondary|success|danger|warning|info|light|dark))?",
        @"nav(-(link|item|tabs|pills|fill|justified|underline))?", @"navbar(-.*)?", @"(dropdown|dropup|dropstart|dropend)(-.*)?",
        @"modal(-(dialog|content|header|body|footer|title|backdrop|sm|lg|xl|fullscreen(-.*)?|dialog-centered|dialog-scrollable|static))?",
        @"list-group(-.*)?", @"(offcanvas|toast|popover|tooltip|accordion|carousel|breadcrumb|pagination|ratio)(-.*)?", @"page-(item|link)",
        @"placeholder(-(glow|wave|xs|sm|lg))?", @"progress(-bar(-.*)?|-stacked)?", @"spinner-(border|grow)(-sm)?",
        @"container(-(fluid|sm|md|lg|xl|xxl))?", @"row|row-cols-.*", @"col(-(sm|md|lg|xl|xxl))?(-(\d+|auto))?", @"offset-.*", @"g[xy]?-((sm|md|lg|xl|xxl)-)?\d",
        @"text-(muted|start|end|center|justify|wrap|nowrap|truncate|break|lowercase|uppercase|capitalize|reset|primary|secondary|success|danger|warning|info|light|dark|body|body-secondary|body-tertiary|body-emphasis|white-50|black-50)",
        @"text-(primary|secondary|success|danger|warning|info|light|dark)-emphasis", @"text-(sm|md|lg|xl|xxl)-(start|end|center)",
        @"text-(decoration-(none|underline|line-through)|opacity-\d+|bg-.*)",
        @"bg-(primary|secondary|success|danger|warning|info|light|dark|black|white|body|body-secondary|body-tertiary|transparent|gradient|opacity-\d+)",
        @"bg-(primary|secondary|success|danger|warning|info|light|dark)-subtle",
        @"border-(top|bottom|start|end)(-0)?", @"border-(1|3|5|primary|secondary|success|danger|warning|info|light|dark|black|white|opacity-\d+)",
        @"border-(primary|secondary|success|danger|warning|info|light|dark)-subtle", @"rounded-(1|2|3|4|5|top|bottom|start|end)(-\d)?", @"shadow(-(sm|lg|none))?",
        @"[mp](-(sm|md|lg|xl|xxl))?-(\d|auto)", @"(justify-content|align-items)-.*", @"align-content-((sm|md|lg|xl|xxl)-)?(between|around)",
        @"align-(top|middle|bottom|text-top|text-bottom)", @"fs-[1-6]", @"fw-(bold|bolder|semibold|medium|normal|light|lighter)", @"fst-(italic|normal)",
        @"lh-(1|sm|base|lg)", @"display-[1-6]", @"h[1-6]",
        @"lead|small|mark|initialism|blockquote|blockquote-footer|figure|figure-img|figure-caption|img-fluid|img-thumbnail|clearfix|hstack|vstack|vr",
        @"stretched-link|visually-hidden|visually-hidden-focusable|font-monospace", @"[wh]-(25|50|75|100|auto)", @"m[wh]-100|(min-)?v[wh]-100",
        @"position-(static|relative|absolute|fixed|sticky)", @"(top|bottom|start|end)-(0|50|100)", @"translate-middle(-[xy])?", @"z-(n1|1|2|3)",
        @"(fixed|sticky)-(top|bottom)|sticky-(sm|md|lg|xl|xxl)-(top|bottom)", @"float-((sm|md|lg|xl|xxl)-)?(start|end|none)",
        @"opacity-(0|25|50|75|100)", @"user-select-(all|auto|none)", @"pe-none",
        @"link-(primary|secondary|success|danger|warning|info|light|dark|body-emphasis|offset-.*|opacity-.*|underline(-.*)?)",
        @"focus-ring(-.*)?|icon-link(-hover)?|object-fit-.*|(column|row)-gap-.*", @"d-((sm|md|lg|xl|xxl|print)-)?(inline-)?grid|d-print-.*",
        @"flex-((sm|md|lg|xl|xxl)-)?fill", @"is-(valid|invalid)|was-validated|(in)?valid-(feedback|tooltip)|has-validation",
        // Bootstrap Icons (the icon font): "bi bi-people", also "bi-@icon" (which leaves "bi-").
        @"bi(-.*)?",
    }.Select(p => new Regex($"^(?:{p})$", RegexOptions.CultureInvariant)).ToArray();

    internal static bool IsBootstrapClass(string token) => BootstrapClasses.Any(r => r.IsMatch(token));

    /// <summary>
    /// The Bootstrap class names in one file's text, as "line: token (where)". Every token of a class attribute (class=,
    /// Class=, CellClass=, RowClass=…, with the string literals of its @(…) expressions) and of a JS className/classList
    /// string; and in any string literal that reads like a class list, every hyphenated Bootstrap name ("text-muted",
    /// "bi-people"), since C# and JS build class strings too. Bare words (table, row, small) count only where they are classes.
    /// </summary>
    internal static IEnumerable<string> BootstrapClassesIn(string fileName, string text)
    {
        var found = new List<string>();
        void Check(IEnumerable<string> tokens, int at, string where, bool hyphenatedOnly)
        {
            foreach (var t in tokens)
                if ((!hyphenatedOnly || t.Contains('-')) && IsBootstrapClass(t))
                    found.Add($"{LineOf(text, at)}: {t} ({where})");
        }
        if (fileName.EndsWith(".razor", StringComparison.Ordinal))
        {
            foreach (var (at, value) in ClassAttributeValues(text)) Check(Tokens(WithoutRazorCode(value)), at, "class attribute", false);
        }
        if (fileName.EndsWith(".js", StringComparison.Ordinal))
        {
            foreach (Match m in JsClassString().Matches(text)) Check(Tokens(JsQuotes().Replace(m.Groups["v"].Value, " ")), m.Index, "className", false);
        }
        var literals = fileName.EndsWith(".js", StringComparison.Ordinal) ? JsLiteral() : DoubleQuotedLiteral();
        foreach (Match m in literals.Matches(text))
        {
            var tokens = Tokens(m.Groups["v"].Value);
            if (tokens.Length > 0 && tokens.All(t => CssIdent().IsMatch(t))) Check(tokens, m.Index, "string", true);
        }
        return found.Distinct();
    }

    [Fact]
    public void NoRazorCsOrJsFileUnderTheAppUsesABootstrapClass()
    {
        var problems = SourceFiles(".razor", ".cs", ".js")
            .SelectMany(f => BootstrapClassesIn(f, File.ReadAllText(f)).Select(p => $"{Path.GetRelativePath(AppRoot, f)}:{p}"))
            .ToList();
        Assert.True(problems.Count == 0, "Bootstrap classes (ADR 0044: use MudBlazor's on its pages, ours in wwwroot/css on the others):\n" + string.Join("\n", problems));
    }

    [Fact]
    public void NothingLinksOrInstallsBootstrapOrItsIcons()
    {
        var links = SourceFiles(".razor", ".cs", ".js", ".css", ".html", ".cshtml")
            .Where(f => BootstrapAsset().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(AppRoot, f)).ToList();
        Assert.True(links.Count == 0, "files that link Bootstrap or Bootstrap Icons: " + string.Join(", ", links));
        var assets = Path.Combine(RepoRoot(), "wwwroot-assets");
        Assert.DoesNotMatch(new Regex(@"""bootstrap(-icons)?"":"), File.ReadAllText(Path.Combine(assets, "package.json")).Replace(" ", ""));
        Assert.DoesNotMatch(new Regex(@"""bootstrap(-icons)?"":"), File.ReadAllText(Path.Combine(assets, "package-lock.json")).Replace(" ", ""));
        Assert.DoesNotMatch(new Regex(@"copy\(""bootstrap"), File.ReadAllText(Path.Combine(assets, "copy-assets.mjs")));
    }

    [Theory]
    [InlineData("A.razor", """<div class="d-flex text-muted">x</div>""", "text-muted")]
    [InlineData("A.razor", """<MudTd Class="text-end">1</MudTd>""", "text-end")]
    [InlineData("A.razor", """<PropertyColumn CellClass="ops-nowrap small" />""", "small")]
    [InlineData("A.razor", """<div class="alert alert-danger py-2 mb-3" role="alert">""", "alert-danger")]
    [InlineData("A.razor", """<button class="btn btn-primary">""", "btn")]
    [InlineData("A.razor", """<div class="container py-5">""", "container")]
    [InlineData("A.razor", """<i class="bi bi-@icon"></i>""", "bi")]
    [InlineData("A.razor", """<i class="x @(on ? "bi-check-square-fill" : "bi-square")"></i>""", "bi-square")]
    [InlineData("A.razor", """<div class="ms-auto d-flex align-items-center gap-3">""", "align-items-center")]
    [InlineData("A.razor", """<MudAlert Class="m-3">""", "m-3")]
    [InlineData("A.cs", """var css = ok ? "text-success" : "text-danger";""", "text-danger")]
    [InlineData("A.cs", """(SatisfactionLevel.Basic, "基本满意", "bi-emoji-neutral"),""", "bi-emoji-neutral")]
    [InlineData("a.js", """icon.className = "bi bi-person";""", "bi-person")]
    [InlineData("a.js", """el.classList.add('d-none', 'table');""", "table")]
    [InlineData("a.js", """el.classList.toggle("text-muted", on);""", "text-muted")]
    public void TheScanFindsBootstrapWhereverTheAppWouldPutIt(string file, string text, string expected)
    {
        Assert.Contains(BootstrapClassesIn(file, text), p => p.Contains($" {expected} ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("A.razor", """<div class="d-flex align-center justify-end gap-2 mt-3 pa-2 mud-text-secondary">""")]
    [InlineData("A.razor", """<MudTd Class="ops-end ops-nowrap">1</MudTd><OpsIcon Name="people" Class="ops-big-icon" />""")]
    [InlineData("A.razor", """<table class="light-table"><tr class="@(row.Changed ? "route-dirty" : "")">""")]
    [InlineData("A.razor", """<div class="alert-feed"><span class="alert-count">1</span><li class="alert-item severity-red">""")]
    [InlineData("A.cs", """var x = new { tooltip = "axis" }; db.Table("table"); Audit("disabled", "row");""")]
    [InlineData("a.js", """notice.setAttribute("role", "alert"); li.className = "lobby-recent-row";""")]
    public void OurClassesAndMudBlazorsPassTheScan(string file, string text)
    {
        Assert.Empty(BootstrapClassesIn(file, text));
    }

    [Fact]
    public void EveryIconThePagesNameIsOneOfOurs()
    {
        var named = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var f in SourceFiles(".razor"))
        {
            var text = File.ReadAllText(f);
            foreach (Match m in IconAttribute().Matches(text))
            {
                var value = m.Groups["v"].Value;
                if (!value.StartsWith('@')) named.Add(value);
                else foreach (Match lit in DoubleQuotedLiteral().Matches(value)) named.Add(lit.Groups["v"].Value);
            }
            foreach (Match m in InlineIcon().Matches(text)) named.Add(m.Groups["v"].Value);
        }
        foreach (var b in CounterActionRules.Buttons) named.Add(b.Icon);
        named.Add("play-fill"); // the F9 button while paused (CounterActions)
        foreach (var level in Evaluator.Levels) named.Add(level.Icon);
        Assert.True(named.Count > 80, $"only {named.Count} icon names found: the scan missed the pages");
        var unknown = named.Where(n => !OpsIcons.Exists(n)).ToList();
        Assert.True(unknown.Count == 0, "icons not in OpsIcons: " + string.Join(", ", unknown));
    }

    [Fact]
    public void AnIconIsAnInlineSvgInTheTextsColourAndNamedWhenItHasATitle()
    {
        using var ctx = new BunitContext();
        ctx.Services.AddLocalization(); // every component gets the localizer (_Imports.razor); OpsIcon has no text of its own
        var plain = ctx.Render<OpsIcon>(p => p.Add(c => c.Name, "people").Add(c => c.Class, "stat-icon"));
        var svg = plain.Find("svg");
        Assert.Equal("ops-icon stat-icon", svg.GetAttribute("class"));
        Assert.Equal("true", svg.GetAttribute("aria-hidden"));
        Assert.Equal("currentColor", svg.GetAttribute("fill"));
        Assert.Equal("0 0 24 24", svg.GetAttribute("viewBox"));
        Assert.NotEmpty(svg.QuerySelectorAll("path"));

        var titled = ctx.Render<OpsIcon>(p => p.Add(c => c.Name, "sticky").Add(c => c.Title, "有备注"));
        Assert.Equal("img", titled.Find("svg").GetAttribute("role"));
        Assert.Null(titled.Find("svg").GetAttribute("aria-hidden"));
        Assert.Equal("有备注", titled.Find("svg title").TextContent);

        Assert.Throws<ArgumentException>(() => OpsIcons.Svg("no-such-icon"));
    }

    private static IEnumerable<string> SourceFiles(params string[] extensions) =>
        Directory.EnumerateFiles(AppRoot, "*.*", SearchOption.AllDirectories)
            .Where(f => extensions.Any(e => f.EndsWith(e, StringComparison.Ordinal)))
            .Where(f => !f.Contains("/obj/") && !f.Contains("/bin/") && !f.Contains("/wwwroot/lib/"));

    private static string[] Tokens(string s) => s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static int LineOf(string text, int index) => text.AsSpan(0, Math.Min(index, text.Length)).Count('\n') + 1;

    /// <summary>Where each class attribute's value starts, and the value (up to its closing quote outside any parentheses).</summary>
    private static IEnumerable<(int At, string Value)> ClassAttributeValues(string text)
    {
        foreach (Match m in ClassAttribute().Matches(text))
        {
            var depth = 0;
            var end = m.Index + m.Length;
            for (; end < text.Length; end++)
            {
                var c = text[end];
                if (c == '(') depth++;
                else if (c == ')') depth--;
                else if (c == '"' && depth <= 0) break;
            }
            yield return (m.Index, text[(m.Index + m.Length)..end]);
        }
    }

    /// <summary>A class attribute's value with its Razor code taken out: an @(…) leaves the string literals in it, an @name nothing.</summary>
    private static string WithoutRazorCode(string value)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < value.Length;)
        {
            if (value[i] == '@' && i + 1 < value.Length && value[i + 1] == '(')
            {
                var depth = 0;
                var j = i + 1;
                for (; j < value.Length; j++)
                {
                    if (value[j] == '"')
                    {
                        var close = value.IndexOf('"', j + 1);
                        if (close < 0) break;
                        sb.Append(' ').Append(value, j + 1, close - j - 1).Append(' ');
                        j = close;
                    }
                    else if (value[j] == '(') depth++;
                    else if (value[j] == ')' && --depth == 0) break;
                }
                i = j + 1;
            }
            else if (value[i] == '@')
            {
                var m = RazorName().Match(value, i);
                i += m.Success && m.Index == i ? m.Length : 1;
            }
            else sb.Append(value[i++]);
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"(?<![\w-])(?:class|[A-Z]\w*Class)\s*=\s*""")]
    private static partial Regex ClassAttribute();
    [GeneratedRegex(@"@[A-Za-z_][\w.]*")]
    private static partial Regex RazorName();
    [GeneratedRegex(@"className\s*=\s*(?<q>[""'`])(?<v>.*?)\k<q>|classList\.(?:add|remove|toggle)\((?<v>[^)]*)\)")]
    private static partial Regex JsClassString();
    [GeneratedRegex(@"[""'`,]")]
    private static partial Regex JsQuotes();
    [GeneratedRegex(@"""(?<v>(?:[^""\\\n]|\\.)*)""")]
    private static partial Regex DoubleQuotedLiteral();
    [GeneratedRegex(@"(?<q>[""'])(?<v>(?:(?!\k<q>)[^\\\n]|\\.)*)\k<q>")]
    private static partial Regex JsLiteral();
    [GeneratedRegex(@"^[a-z][a-z0-9-]*$")]
    private static partial Regex CssIdent();
    [GeneratedRegex(@"bootstrap(\.bundle)?(\.min)?\.(css|js)|lib/bootstrap|bootstrap-icons", RegexOptions.IgnoreCase)]
    private static partial Regex BootstrapAsset();
    [GeneratedRegex(@"<(?:OpsIcon\s+Name|(?:StatCard|OpsFigure)\b[^>]*?\bIcon)=""(?<v>@\((?:[^()]|\([^()]*\))*\)|[^""]*)""")]
    private static partial Regex IconAttribute();
    [GeneratedRegex(@"OpsIcons\.Inline\(""(?<v>[^""]*)""")]
    private static partial Regex InlineIcon();
}
