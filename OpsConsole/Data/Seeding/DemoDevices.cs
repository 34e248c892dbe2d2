using OpsConsole.Auth.Devices;
using OpsConsole.Domain.Catalog;

namespace OpsConsole.Data.Seeding;

/// <summary>
/// Demo hall devices with fixed, documented tokens (README). Real devices get random tokens
/// from the device admin page; these exist only in the demo database.
/// </summary>
public static class DemoDevices
{
    public const string KioskToken = "demo-kiosk-1";
    public const string LobbyToken = "demo-lobby-1";
    public const string ClockToken = "demo-clock-1";

    public static string ScreenToken(int windowNumber) => $"demo-screen-w{windowNumber}";
    public static string EvaluatorToken(int windowNumber) => $"demo-eval-w{windowNumber}";
    public static string CounterPadToken(int windowNumber) => $"demo-pad-w{windowNumber}";

    /// <summary>Windows that have a screen, an evaluator and a calling pad in the demo.</summary>
    public static readonly int[] EquippedWindows = [1, 2, 3];

    public static IEnumerable<Device> Build(IReadOnlyList<Window> windows, DateTimeOffset now)
    {
        yield return New("1楼取号机", DeviceKind.Kiosk, KioskToken, null, now);
        yield return New("1楼大厅综合屏", DeviceKind.LobbyDisplay, LobbyToken, null, now);
        yield return New("1楼考勤机", DeviceKind.ClockTerminal, ClockToken, null, now, terminalId: "KQ-01");
        yield return New("3楼考勤机", DeviceKind.ClockTerminal, "demo-clock-2", null, now, terminalId: "KQ-02");
        foreach (var number in EquippedWindows)
        {
            var window = windows.Single(w => w.Number == number);
            yield return New($"{number}号窗口屏", DeviceKind.WindowScreen, ScreenToken(number), window, now);
            yield return New($"{number}号评价器", DeviceKind.Evaluator, EvaluatorToken(number), window, now);
            yield return New($"{number}号叫号器", DeviceKind.CounterPad, CounterPadToken(number), window, now);
        }
    }

    private static Device New(string name, DeviceKind kind, string token, Window? window, DateTimeOffset now, string? terminalId = null) => new()
    {
        Name = name,
        Kind = kind,
        TokenHash = DeviceTokens.Hash(token),
        TokenHint = DeviceTokens.Hint(token),
        Window = window,
        TerminalId = terminalId,
        CreatedAt = now,
    };
}
