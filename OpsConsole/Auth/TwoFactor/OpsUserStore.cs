using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using OpsConsole.Data;

namespace OpsConsole.Auth.TwoFactor;

/// <summary>
/// Identity's stock EF user store (ADR 0017) with the second factor's secrets kept safely (ADR 0031):
/// the authenticator key is encrypted with the app's data-protection keys, and recovery codes are
/// stored only as salted PBKDF2 hashes (ASVS 6.5.2: they carry fewer than 112 bits).
/// </summary>
public sealed class OpsUserStore(OpsDbContext db, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, AppRole, OpsDbContext, int, IdentityUserClaim<int>, AppUserRole, IdentityUserLogin<int>, IdentityUserToken<int>, IdentityRoleClaim<int>>(db, describer)
{
    /// <summary>The login provider under which Identity keeps its own tokens.</summary>
    public const string LoginProvider = "[AspNetUserStore]";
    private const string KeyName = "AuthenticatorKey";
    private const string CodesName = "RecoveryCodes";
    private const int Iterations = 10_000;
    private readonly IDataProtector _keys = protection.CreateProtector("OpsConsole.AuthenticatorKey.v1");

    public override async Task SetAuthenticatorKeyAsync(AppUser user, string key, CancellationToken cancellationToken) =>
        await SetTokenAsync(user, LoginProvider, KeyName, _keys.Protect(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(AppUser user, CancellationToken cancellationToken)
    {
        var stored = await GetTokenAsync(user, LoginProvider, KeyName, cancellationToken);
        if (string.IsNullOrEmpty(stored)) return null;
        try { return _keys.Unprotect(stored); }
        catch (CryptographicException) { return null; } // keys lost: the account enrols again
    }

    public override Task ReplaceCodesAsync(AppUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        SetTokenAsync(user, LoginProvider, CodesName, string.Join(';', recoveryCodes.Select(Hash)), cancellationToken);

    public override async Task<bool> RedeemCodeAsync(AppUser user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var stored = await GetTokenAsync(user, LoginProvider, CodesName, cancellationToken) ?? "";
        var entries = stored.Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        var used = entries.FirstOrDefault(e => Matches(e, code.Trim()));
        if (used is null) return false;
        entries.Remove(used);
        await SetTokenAsync(user, LoginProvider, CodesName, string.Join(';', entries), cancellationToken);
        return true;
    }

    public override async Task<int> CountCodesAsync(AppUser user, CancellationToken cancellationToken) =>
        (await GetTokenAsync(user, LoginProvider, CodesName, cancellationToken) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(code), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"{Convert.ToBase64String(salt)}:{Convert.ToBase64String(hash)}";
    }

    private static bool Matches(string entry, string code)
    {
        var parts = entry.Split(':');
        if (parts.Length != 2) return false;
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(code), Convert.FromBase64String(parts[0]), Iterations, HashAlgorithmName.SHA256, 32);
        return CryptographicOperations.FixedTimeEquals(hash, Convert.FromBase64String(parts[1]));
    }
}
