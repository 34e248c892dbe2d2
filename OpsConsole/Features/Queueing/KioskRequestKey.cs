using System.Security.Cryptography;
using System.Text;

namespace OpsConsole.Features.Queueing;

/// <summary>
/// A kiosk's <c>Idempotency-Key</c>: the same key from the same device names the same ticket. The ticket's
/// public code is derived from (device, key) with the installation's secret, so the unique public code
/// carries the key without a new column, survives a crash between the commit and the answer, and stays
/// unguessable to anyone without the secret (ADR 0018).
/// </summary>
public static class KioskRequestKey
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 128;

    /// <summary>1 to 128 visible ASCII characters (a UUID is the usual choice).</summary>
    public static bool IsValid(string? key) =>
        key is { Length: > 0 and <= MaxLength } && key.All(c => c is > ' ' and <= '~');

    /// <summary>The public code of the ticket that device <paramref name="deviceId"/>'s request <paramref name="key"/> gets.</summary>
    public static string PublicCode(string secret, int deviceId, string key)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"kiosk-request:{deviceId}:{key}"));
        // 12 characters, like a random public code (9 bytes, base64url).
        return Convert.ToBase64String(mac, 0, 9).Replace('+', '-').Replace('/', '_');
    }
}
