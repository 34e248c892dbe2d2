using System.Text.RegularExpressions;
using OpsConsole.Domain.Queueing;

namespace OpsConsole.Features.Queueing;

/// <summary>
/// Reads what a kiosk's keyboard-wedge devices type (docs/kiosk-devices.md): an ID-card reader's line holds the
/// 18-character ID number, alone or among other fields; an appointment QR code holds the booking code, alone or
/// as the <c>code</c> parameter or last path segment of an address.
/// </summary>
public static partial class KioskScan
{
    /// <summary>The ID number in <paramref name="text"/> (upper-case X), or null. Its checksum is checked when the ticket is taken.</summary>
    public static string? IdNumber(string? text)
    {
        var match = IdPattern().Match(text ?? "");
        return match.Success ? match.Value.ToUpperInvariant() : null;
    }

    /// <summary>The booking code in <paramref name="text"/>, or null.</summary>
    public static string? BookingCode(string? text)
    {
        var t = (text ?? "").Trim();
        if (Uri.TryCreate(t, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            var code = uri.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2))
                .Where(p => p.Length == 2 && p[0].Equals("code", StringComparison.OrdinalIgnoreCase))
                .Select(p => Uri.UnescapeDataString(p[1])).FirstOrDefault();
            t = code ?? uri.AbsolutePath.TrimEnd('/').Split('/').Last();
        }
        return Appointment.IsValidBookingCode(t) ? t : null;
    }

    [GeneratedRegex(@"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex IdPattern();
}
