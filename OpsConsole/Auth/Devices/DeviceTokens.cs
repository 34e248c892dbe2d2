using System.Security.Cryptography;
using System.Text;

namespace OpsConsole.Auth.Devices;

public static class DeviceTokens
{
    /// <summary>A new random token: 32 url-safe characters (192 bits).</summary>
    public static string Generate() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string Hint(string token) => token.Length <= 6 ? token : token[..6] + "…";
}
