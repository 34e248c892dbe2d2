using MudBlazor;

namespace OpsConsole.Components.Mud;

/// <summary>
/// The center's theme, built once and shared by every circuit: the navy of the console's chrome,
/// the red of official documents (政务红) as the second colour, Noto Sans SC (served by the app),
/// a dense type scale that fits 1366×768.
/// </summary>
public static class OpsTheme
{
    public const string Navy = "#1e293b";
    public const string NavyDark = "#0f172a";
    public const string OfficialRed = "#b3261e";

    private static readonly string[] Fonts = ["Noto Sans SC", "system-ui", "-apple-system", "Segoe UI", "Microsoft YaHei", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f3a5f",
            PrimaryDarken = Navy,
            Secondary = OfficialRed,
            Tertiary = "#0e7490",
            Info = "#0369a1",
            Success = "#15803d",
            Warning = "#b45309",
            Error = "#c62828",
            Dark = Navy,
            Background = "#f3f5f8",
            Surface = "#ffffff",
            AppbarBackground = "#ffffff",
            AppbarText = "#1f2933",
            DrawerBackground = Navy,
            DrawerText = "#cbd5e1",
            DrawerIcon = "#94a3b8",
            TextPrimary = "#1f2933",
            TextSecondary = "#64748b",
            LinesDefault = "#e2e8f0",
            TableLines = "#e2e8f0",
            Divider = "#e2e8f0",
            TableHover = "#f1f5f9",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts, FontSize = ".875rem", LineHeight = "1.5" },
            H4 = new H4Typography { FontFamily = Fonts, FontSize = "1.5rem", FontWeight = "500", LineHeight = "1.3" },
            H5 = new H5Typography { FontFamily = Fonts, FontSize = "1.25rem", FontWeight = "600", LineHeight = "1.3" },
            H6 = new H6Typography { FontFamily = Fonts, FontSize = "1.05rem", FontWeight = "600", LineHeight = "1.4" },
            Body1 = new Body1Typography { FontFamily = Fonts, FontSize = ".9rem" },
            Body2 = new Body2Typography { FontFamily = Fonts, FontSize = ".85rem" },
            Button = new ButtonTypography { FontFamily = Fonts, FontSize = ".85rem", FontWeight = "500", TextTransform = "none" },
            Caption = new CaptionTypography { FontFamily = Fonts, FontSize = ".75rem" },
            Subtitle1 = new Subtitle1Typography { FontFamily = Fonts, FontSize = ".95rem" },
            Subtitle2 = new Subtitle2Typography { FontFamily = Fonts, FontSize = ".85rem", FontWeight = "600" },
            Overline = new OverlineTypography { FontFamily = Fonts, FontSize = ".7rem", TextTransform = "none", LetterSpacing = ".04em" },
        },
        LayoutProperties = new LayoutProperties
        {
            DrawerWidthLeft = "200px",
            AppbarHeight = "52px",
            DefaultBorderRadius = "6px",
        },
    };
}
