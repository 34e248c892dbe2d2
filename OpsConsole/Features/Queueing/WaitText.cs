using Microsoft.Extensions.Localization;

namespace OpsConsole.Features.Queueing;

/// <summary>An estimated wait as applicants read it: about 15 minutes, no wait, no estimate.</summary>
public static class WaitText
{
    public static string Of(IStringLocalizer L, TimeSpan? wait) => wait switch
    {
        null => L["暂无估计"],
        { TotalMinutes: < 1 } => L["无需等候"],
        { } w => L["约 {0} 分钟", (int)Math.Ceiling(w.TotalMinutes)],
    };

    /// <summary>Whole minutes, rounded up (null when there is no estimate).</summary>
    public static int? Minutes(TimeSpan? wait) => wait is { } w ? (int)Math.Ceiling(w.TotalMinutes) : null;
}
