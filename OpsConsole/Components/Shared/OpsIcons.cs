using System.Collections.Frozen;
using MudBlazor;

namespace OpsConsole.Components.Shared;

/// <summary>
/// The app's icons by name (the names the pages used with the Bootstrap Icons font, kept so that data such as the
/// counter's buttons did not change), each drawn from one of MudBlazor's Material icon paths (ADR 0044). OpsIcon
/// renders them as inline SVG, so they work on the lean pages that load no MudBlazor CSS or JS.
/// </summary>
public static class OpsIcons
{
    private static readonly FrozenDictionary<string, string> Paths = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["activity"] = Icons.Material.Outlined.Timeline,
        ["alarm"] = Icons.Material.Outlined.Alarm,
        ["arrow-counterclockwise"] = Icons.Material.Outlined.Replay,
        ["arrow-left"] = Icons.Material.Outlined.ArrowBack,
        ["arrow-left-right"] = Icons.Material.Outlined.SwapHoriz,
        ["arrow-repeat"] = Icons.Material.Outlined.Autorenew,
        ["arrow-return-right"] = Icons.Material.Outlined.SubdirectoryArrowRight,
        ["arrow-right"] = Icons.Material.Outlined.ArrowForward,
        ["award"] = Icons.Material.Outlined.MilitaryTech,
        ["backspace"] = Icons.Material.Outlined.Backspace,
        ["bank2"] = Icons.Material.Outlined.AccountBalance,
        ["bar-chart"] = Icons.Material.Outlined.BarChart,
        ["bar-chart-line"] = Icons.Material.Outlined.BarChart,
        ["bell"] = Icons.Material.Outlined.Notifications,
        ["box-arrow-in-right"] = Icons.Material.Outlined.Login,
        ["box-arrow-right"] = Icons.Material.Outlined.Logout,
        ["building"] = Icons.Material.Outlined.Business,
        ["building-check"] = Icons.Material.Outlined.DomainVerification,
        ["calendar-check"] = Icons.Material.Outlined.EventAvailable,
        ["calendar-range"] = Icons.Material.Outlined.DateRange,
        ["calendar-week"] = Icons.Material.Outlined.CalendarViewWeek,
        ["calendar2-check"] = Icons.Material.Outlined.EventAvailable,
        ["chat-square-heart"] = Icons.Material.Outlined.Reviews,
        ["check-circle"] = Icons.Material.Outlined.CheckCircle,
        ["check-circle-fill"] = Icons.Material.Filled.CheckCircle,
        ["check-square-fill"] = Icons.Material.Filled.CheckBox,
        ["check2"] = Icons.Material.Outlined.Check,
        ["check2-all"] = Icons.Material.Outlined.DoneAll,
        ["check2-circle"] = Icons.Material.Outlined.TaskAlt,
        ["check2-square"] = Icons.Material.Outlined.CheckBox,
        ["chevron-left"] = Icons.Material.Outlined.ChevronLeft,
        ["chevron-right"] = Icons.Material.Outlined.ChevronRight,
        ["clipboard-check"] = Icons.Material.Outlined.AssignmentTurnedIn,
        ["clipboard-data"] = Icons.Material.Outlined.Assessment,
        ["clock"] = Icons.Material.Outlined.Schedule,
        ["clock-history"] = Icons.Material.Outlined.History,
        ["cup-hot"] = Icons.Material.Outlined.LocalCafe,
        ["dash-circle"] = Icons.Material.Outlined.RemoveCircleOutline,
        ["diagram-3"] = Icons.Material.Outlined.AccountTree,
        ["emoji-angry"] = Icons.Material.Outlined.SentimentVeryDissatisfied,
        ["emoji-frown"] = Icons.Material.Outlined.SentimentDissatisfied,
        ["emoji-laughing"] = Icons.Material.Outlined.SentimentVerySatisfied,
        ["emoji-neutral"] = Icons.Material.Outlined.SentimentNeutral,
        ["emoji-smile"] = Icons.Material.Outlined.SentimentSatisfiedAlt,
        ["exclamation-circle"] = Icons.Material.Outlined.ErrorOutline,
        ["exclamation-octagon-fill"] = Icons.Material.Filled.Report,
        ["exclamation-triangle"] = Icons.Material.Outlined.WarningAmber,
        ["exclamation-triangle-fill"] = Icons.Material.Filled.Warning,
        ["file-earmark-text"] = Icons.Material.Outlined.Description,
        ["folder-check"] = Icons.Material.Outlined.RuleFolder,
        ["folder-plus"] = Icons.Material.Outlined.CreateNewFolder,
        ["folder2-open"] = Icons.Material.Outlined.FolderOpen,
        ["geo-alt"] = Icons.Material.Outlined.Place,
        ["geo-alt-fill"] = Icons.Material.Filled.Place,
        ["graph-up"] = Icons.Material.Outlined.ShowChart,
        ["grid-3x3-gap"] = Icons.Material.Outlined.Apps,
        ["hdd-network"] = Icons.Material.Outlined.Dns,
        ["heart-fill"] = Icons.Material.Filled.Favorite,
        ["heart-pulse"] = Icons.Material.Outlined.MonitorHeart,
        ["hourglass-split"] = Icons.Material.Outlined.HourglassBottom,
        ["house"] = Icons.Material.Outlined.Home,
        ["inbox"] = Icons.Material.Outlined.Inbox,
        ["info-circle"] = Icons.Material.Outlined.Info,
        ["journal-text"] = Icons.Material.Outlined.Article,
        ["list-ol"] = Icons.Material.Outlined.FormatListNumbered,
        ["megaphone"] = Icons.Material.Outlined.Campaign,
        ["megaphone-fill"] = Icons.Material.Filled.Campaign,
        ["mortarboard"] = Icons.Material.Outlined.School,
        ["pause-circle"] = Icons.Material.Outlined.PauseCircle,
        ["people"] = Icons.Material.Outlined.People,
        ["person"] = Icons.Material.Outlined.Person,
        ["person-badge"] = Icons.Material.Outlined.Badge,
        ["person-check"] = Icons.Material.Outlined.HowToReg,
        ["person-circle"] = Icons.Material.Outlined.AccountCircle,
        ["person-gear"] = Icons.Material.Outlined.ManageAccounts,
        ["person-lines-fill"] = Icons.Material.Filled.ContactPage,
        ["person-wheelchair"] = Icons.Material.Outlined.Accessible,
        ["person-x"] = Icons.Material.Outlined.PersonOff,
        ["phone"] = Icons.Material.Outlined.PhoneIphone,
        ["play"] = Icons.Material.Outlined.PlayArrow,
        ["play-circle"] = Icons.Material.Outlined.PlayCircle,
        ["play-fill"] = Icons.Material.Filled.PlayArrow,
        ["plus-lg"] = Icons.Material.Outlined.Add,
        ["printer"] = Icons.Material.Outlined.Print,
        ["question-circle"] = Icons.Material.Outlined.HelpOutline,
        ["search"] = Icons.Material.Outlined.Search,
        ["send"] = Icons.Material.Outlined.Send,
        ["shield-exclamation"] = Icons.Material.Outlined.GppMaybe,
        ["shield-lock"] = Icons.Material.Outlined.Lock,
        ["sign-stop"] = Icons.Material.Outlined.DoNotDisturbOn,
        ["signpost-split"] = Icons.Material.Outlined.AltRoute,
        ["slash-circle"] = Icons.Material.Outlined.Block,
        ["sliders"] = Icons.Material.Outlined.Tune,
        ["sliders2"] = Icons.Material.Outlined.Tune,
        ["square"] = Icons.Material.Outlined.CheckBoxOutlineBlank,
        ["sticky"] = Icons.Material.Outlined.StickyNote2,
        ["stopwatch"] = Icons.Material.Outlined.Timer,
        ["table"] = Icons.Material.Outlined.TableView,
        ["ticket-perforated"] = Icons.Material.Outlined.ConfirmationNumber,
        ["tools"] = Icons.Material.Outlined.Build,
        ["trophy"] = Icons.Material.Outlined.EmojiEvents,
        ["upload"] = Icons.Material.Outlined.Upload,
        ["volume-mute"] = Icons.Material.Outlined.VolumeOff,
        ["wifi-off"] = Icons.Material.Outlined.WifiOff,
        ["window-desktop"] = Icons.Material.Outlined.DesktopWindows,
        ["x-octagon"] = Icons.Material.Outlined.HighlightOff,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every icon name the app knows.</summary>
    public static IEnumerable<string> Names => Paths.Keys;

    /// <summary>Whether <paramref name="name"/> is one of the app's icons.</summary>
    public static bool Exists(string name) => Paths.ContainsKey(name);

    /// <summary>The SVG content (24×24 view box) of the icon called <paramref name="name"/>; throws for an unknown name,
    /// which a test catches before a page shows an empty square.</summary>
    public static string Svg(string name) =>
        Paths.TryGetValue(name, out var svg) ? svg : throw new ArgumentException($"Unknown icon '{name}'.", nameof(name));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Name, string? Class), Microsoft.AspNetCore.Components.MarkupString> Decorative = new();

    /// <summary>
    /// The icon as a decorative inline SVG (what <c>&lt;OpsIcon Name="…" /&gt;</c> renders without a title), as one markup
    /// string made once per name and class. For the shells and lists rendered in every circuit: no component and one
    /// render-tree frame per icon, and the string is shared by all circuits.
    /// </summary>
    public static Microsoft.AspNetCore.Components.MarkupString Inline(string name, string? cssClass = null) =>
        Decorative.GetOrAdd((name, cssClass), key => new(
            $"<svg class=\"ops-icon{(key.Class is null ? "" : " " + key.Class)}\" width=\"1em\" height=\"1em\" fill=\"currentColor\" " +
            $"viewBox=\"0 0 24 24\" focusable=\"false\" aria-hidden=\"true\">{Svg(key.Name)}</svg>"));
}
