using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace OpsConsole.Auth.TwoFactor;

/// <summary>
/// Identity's authenticator provider, with two differences: a code is accepted once (the last
/// accepted step is kept with the account; ASVS 6.5.1), and the time is the server's
/// <see cref="TimeProvider"/> (6.5.8; tests pin it).
/// </summary>
public sealed class OneUseAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string LastStepToken = "TotpLastStep";

    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key)) return false;
        var code = (token ?? "").Replace(" ", "").Replace("-", "");
        var step = Totp.MatchingStep(Totp.FromBase32(key), code, clock.GetUtcNow());
        if (step is null) return false;

        var last = await manager.GetAuthenticationTokenAsync(user, OpsUserStore.LoginProvider, LastStepToken);
        if (long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var lastStep) && step <= lastStep) return false;
        var saved = await manager.SetAuthenticationTokenAsync(user, OpsUserStore.LoginProvider, LastStepToken, step.Value.ToString(CultureInfo.InvariantCulture));
        // Two requests with the same code: the account's concurrency stamp lets one of them save.
        return saved.Succeeded;
    }

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));
}
