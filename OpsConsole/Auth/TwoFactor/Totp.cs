using System.Buffers.Binary;
using System.Security.Cryptography;

namespace OpsConsole.Auth.TwoFactor;

/// <summary>
/// RFC 6238 time-based one-time passwords as authenticator apps make them: HMAC-SHA1 over the
/// 30-second step, six digits. The step is what makes a code usable once (ASVS 6.5.1): the
/// verifier remembers the last step it accepted.
/// </summary>
public static class Totp
{
    public const int StepSeconds = 30;
    public const int Digits = 6;

    public static long StepAt(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    public static string CodeFor(ReadOnlySpan<byte> key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(key, counter, hash);
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff) % 1_000_000;
        return binary.ToString("D6");
    }

    /// <summary>
    /// The step whose code matches, or null: the current step, or the one before it for a code typed as the
    /// phone rolled over to the next (ASVS 6.5.5 asks for 30-second codes; a code from a later step, i.e.
    /// a phone clock running ahead, is refused). The comparison takes the same time whichever step matches.
    /// </summary>
    public static long? MatchingStep(ReadOnlySpan<byte> key, string code, DateTimeOffset now)
    {
        if (code.Length != Digits || !code.All(char.IsAsciiDigit)) return null;
        var current = StepAt(now);
        long? match = null;
        for (var step = current - 1; step <= current; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(CodeFor(key, step)), System.Text.Encoding.ASCII.GetBytes(code)))
                match ??= step;
        }
        return match;
    }

    /// <summary>RFC 4648 base32 without padding, as authenticator keys are written.</summary>
    public static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "").Replace("-", "").TrimEnd('=').ToUpperInvariant();
        var output = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = alphabet.IndexOf(c);
            if (value < 0) throw new FormatException("not base32");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. output];
    }
}
