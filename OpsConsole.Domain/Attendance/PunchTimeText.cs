using System.Globalization;
using System.Text.RegularExpressions;

namespace OpsConsole.Domain.Attendance;

/// <summary>
/// Reads the date-times terminal exports write: "2026/11/03 08:51:07", "2026-11-03 8:51", "2026年11月3日 08:51",
/// "2026-11-03T08:51:07" (an offset, if present, is converted to the center's offset), and date and time in
/// separate columns.
/// </summary>
public static partial class PunchTimeText
{
    public static DateTime? Parse(string? text, TimeSpan centerOffset)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = text.Trim().Replace('\u3000', ' ').Replace('：', ':');
        var m = Pattern().Match(s);
        if (m.Success)
        {
            int G(string name, int fallback = 0) => m.Groups[name].Success ? int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture) : fallback;
            try
            {
                var local = new DateTime(G("y"), G("mo"), G("d"), G("h"), G("mi"), G("s"));
                if (m.Groups["tz"].Success)
                {
                    var offset = DateTimeOffset.Parse("2000-01-01T00:00:00" + m.Groups["tz"].Value, CultureInfo.InvariantCulture).Offset;
                    return new DateTimeOffset(local, offset).ToOffset(centerOffset).DateTime;
                }
                return local;
            }
            catch (Exception e) when (e is ArgumentOutOfRangeException or FormatException)
            {
                return null; // 2026-02-30, 25:00, an offset of +99:99
            }
        }
        return null;
    }

    /// <summary>Date and time in two columns ("2026/11/3" + "8:51:07").</summary>
    public static DateTime? Parse(string? date, string? time, TimeSpan centerOffset) =>
        string.IsNullOrWhiteSpace(date) || string.IsNullOrWhiteSpace(time) ? null : Parse(date.Trim() + " " + time.Trim(), centerOffset);

    // [0-9], not \d: \d also matches other scripts' digits ("٢٠٢٦"), which int.Parse refuses.
    [GeneratedRegex(@"^(?<y>[0-9]{4})\s*[-/.年]\s*(?<mo>[0-9]{1,2})\s*[-/.月]\s*(?<d>[0-9]{1,2})\s*日?(?:\s+|T|\s*(?=[0-9]))(?<h>[0-9]{1,2})\s*[:时]\s*(?<mi>[0-9]{1,2})(?:\s*[:分]\s*(?<s>[0-9]{1,2})(?:\.[0-9]+)?\s*秒?)?\s*分?(?<tz>Z|[+-][0-9]{2}:?[0-9]{2})?$")]
    private static partial Regex Pattern();
}

/// <summary>Verification methods as terminals name them ("人脸", "指纹", "刷卡", "face"…); anything else is Other.</summary>
public static class PunchMethodText
{
    public static PunchMethod Parse(string? text)
    {
        var s = (text ?? "").Trim().ToLowerInvariant();
        if (s.Length == 0 || s.Contains("face") || s.Contains("脸") || s.Contains("面部") || s.Contains("人像")) return PunchMethod.Face;
        if (s.Contains("finger") || s.Contains("指纹")) return PunchMethod.Fingerprint;
        if (s.Contains("card") || s.Contains("卡") || s == "ic") return PunchMethod.Card;
        if (s.Contains("password") || s.Contains("密码")) return PunchMethod.Password;
        return PunchMethod.Other;
    }

    public static string Label(this PunchMethod method) => method switch
    {
        PunchMethod.Face => "人脸",
        PunchMethod.Fingerprint => "指纹",
        PunchMethod.Card => "刷卡",
        PunchMethod.Password => "密码",
        _ => "其他",
    };
}
