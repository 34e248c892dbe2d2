using System.Globalization;
using System.Text.RegularExpressions;

namespace OpsConsole.Domain.Awards;

/// <summary>
/// Certificate numbers (证书编号) from a configurable format with {year}, {seq} or {seq:000}, and {kind}:
/// "滨政服{kind}〔{year}〕第{seq:000}号" gives 滨政服旗〔2026〕第017号.
/// </summary>
public static partial class CertificateNumber
{
    /// <summary>A format is usable when it names the year, the sequence and the kind (else two series would collide).</summary>
    public static bool IsValidFormat(string? format) =>
        !string.IsNullOrWhiteSpace(format) && format.Contains("{year}", StringComparison.Ordinal)
        && format.Contains("{kind}", StringComparison.Ordinal) && Seq().IsMatch(format);

    public static string Format(string format, AwardKind kind, int year, int sequence)
    {
        if (!IsValidFormat(format)) throw new ArgumentException("The number format needs {year}, {kind} and {seq}.", nameof(format));
        if (sequence < 1) throw new ArgumentOutOfRangeException(nameof(sequence));
        var text = format.Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{kind}", AwardKinds.Word(kind), StringComparison.Ordinal);
        return Seq().Replace(text, m => sequence.ToString(m.Groups[1].Success ? m.Groups[1].Value : "0", CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"\{seq(?::([0#]+))?\}")]
    private static partial Regex Seq();
}
