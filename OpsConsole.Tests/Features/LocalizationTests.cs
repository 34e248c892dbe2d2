using System.Globalization;
using System.Text.RegularExpressions;
using OpsConsole.Localization;

namespace OpsConsole.Tests.Features;

/// <summary>Every Chinese string the code passes to the localizer has an English translation.</summary>
public sealed partial class LocalizationTests
{
    private static string SourceRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "OpsConsole"));

    public static IEnumerable<string> KeysUsedInCode()
    {
        var files = Directory.EnumerateFiles(SourceRoot(), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor") || f.EndsWith(".cs")) && !f.Contains("/obj/") && !f.Contains("/bin/") && !f.Contains("/Seeding/Demo/"));
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (Match m in LocalizerCall().Matches(text)) keys.Add(m.Groups[1].Value);
            // Messages and labels of use-case results (OpResult / InputCheck) are keys too.
            if (file.Contains("/Features/") || file.EndsWith("DisplayNames.cs"))
            {
                foreach (Match m in ChineseLiteral().Matches(text)) keys.Add(m.Groups[1].Value);
            }
        }
        return keys;
    }

    [Fact]
    public void EveryKeyHasAnEnglishTranslation()
    {
        var en = JsonStringLocalizerFactory.Load("en");
        var missing = KeysUsedInCode().Where(k => !en.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} key(s) missing from Localization/en/*.json:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void TranslationsKeepTheirPlaceholders()
    {
        var wrong = JsonStringLocalizerFactory.Load("en")
            .Where(kv => Placeholders(kv.Key) != Placeholders(kv.Value))
            .Select(kv => $"{kv.Key} → {kv.Value}").ToList();
        Assert.True(wrong.Count == 0, "Placeholders differ:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void ChineseIsTheDefaultAndEnglishIsServedForEn()
    {
        var factory = new JsonStringLocalizerFactory();
        var localizer = factory.Create(typeof(SharedResource));
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            Assert.Equal("登录", localizer["登录"].Value);
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.NotEqual("登录", localizer["登录"].Value);
            Assert.False(localizer["登录"].ResourceNotFound);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    private static string Placeholders(string s) => string.Join(",", PlaceholderPattern().Matches(s).Select(m => m.Value).Order());

    [GeneratedRegex("""\bL\[\s*"((?:[^"\\]|\\.)*)"\s*[\],]""")]
    private static partial Regex LocalizerCall();

    [GeneratedRegex(@"""([^""\\]*[\u4e00-\u9fff][^""\\]*)""")]
    private static partial Regex ChineseLiteral();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
