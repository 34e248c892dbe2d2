using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace OpsConsole.Components.Mud;

/// <summary>
/// Chinese for MudBlazor's own strings (it ships English only). Under zh the table answers every key
/// of MudBlazor's LanguageResource (a test checks that none is missing); under en MudBlazor keeps its
/// own English. Registered as a transient <see cref="MudLocalizer"/> (it holds nothing).
/// </summary>
public sealed class ChineseMudLocalizer : MudLocalizer
{
    public override LocalizedString this[string key] =>
        IsChinese && MudStringsZh.Table.TryGetValue(key, out var zh)
            ? new LocalizedString(key, zh, resourceNotFound: false)
            : base[key];

    public override LocalizedString this[string key, params object[] arguments] =>
        IsChinese && MudStringsZh.Table.TryGetValue(key, out var zh)
            ? new LocalizedString(key, string.Format(CultureInfo.CurrentCulture, zh, arguments), resourceNotFound: false)
            : base[key, arguments];

    private static bool IsChinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";
}
