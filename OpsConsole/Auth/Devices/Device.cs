namespace OpsConsole.Auth.Devices;

/// <summary>What a device in the hall is.</summary>
public enum DeviceKind
{
    /// <summary>取号机: issues tickets.</summary>
    Kiosk,
    /// <summary>综合屏: the lobby display.</summary>
    LobbyDisplay,
    /// <summary>窗口屏: the screen above one window.</summary>
    WindowScreen,
    /// <summary>评价器: the rating pad of one window.</summary>
    Evaluator,
    /// <summary>叫号器: the calling pad of one window.</summary>
    CounterPad,
    /// <summary>考勤机: a face clock terminal.</summary>
    ClockTerminal,
}

/// <summary>
/// A device authenticated by a bearer token (never a staff cookie). Only the token's SHA-256
/// hash is stored; the token itself is shown once, when the device is registered.
/// </summary>
public class Device
{
    public const int NameMaxLength = 60;
    public const int TokenHashLength = 64;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public DeviceKind Kind { get; set; }
    public string TokenHash { get; set; } = "";
    /// <summary>The first characters of the token, to recognise it in lists.</summary>
    public string TokenHint { get; set; } = "";
    /// <summary>The window a window screen, evaluator or counter pad belongs to.</summary>
    public int? WindowId { get; set; }
    public Domain.Catalog.Window? Window { get; set; }
    /// <summary>The terminal id a clock terminal reports in its punches.</summary>
    public string? TerminalId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSeenAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsRevoked => RevokedAt is not null;

    public static bool NeedsWindow(DeviceKind kind) => kind is DeviceKind.WindowScreen or DeviceKind.Evaluator or DeviceKind.CounterPad;
}
