using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpsConsole.Auth;
using OpsConsole.Auth.TwoFactor;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Accounts;

/// <summary>
/// What a person does for their own account (ADR 0031): change the password, enrol an authenticator
/// app, keep recovery codes, turn the second factor off where their roles allow it. Used by the
/// static account pages, one request at a time, so the request's UserManager is fresh.
/// </summary>
public sealed class AccountSecurity(UserManager<AppUser> users, SignInAudit audit, IOptions<TwoFactorOptions> options)
{
    public sealed record TwoFactorStatus(bool Enabled, bool Required, int RecoveryCodesLeft);

    public sealed record Enrolment(string Key, string Uri);

    public bool IsRequiredFor(IEnumerable<string> roles) => roles.Any(r => options.Value.RequiredRoleList.Contains(r, StringComparer.OrdinalIgnoreCase));

    public async Task<bool> IsRequiredAsync(AppUser user) => IsRequiredFor(await users.GetRolesAsync(user));

    public async Task<TwoFactorStatus> StatusAsync(AppUser user) =>
        new(await users.GetTwoFactorEnabledAsync(user), await IsRequiredAsync(user), await users.CountRecoveryCodesAsync(user));

    /// <summary>The key to type or scan; a key is made the first time and kept until the person enrols or starts over.</summary>
    public async Task<Enrolment> EnrolmentAsync(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("no authenticator key");
        }
        var issuer = Uri.EscapeDataString(options.Value.Issuer);
        var account = Uri.EscapeDataString(user.UserName!);
        return new(Grouped(key), $"otpauth://totp/{issuer}:{account}?secret={key}&issuer={issuer}&digits={Totp.Digits}&period={Totp.StepSeconds}");
    }

    /// <summary>Turns the second factor on once a code from the app checks out; returns the recovery codes, shown once.</summary>
    public async Task<(OpResult Result, IReadOnlyList<string> RecoveryCodes)> EnableAsync(AppUser user, string? code)
    {
        if (await users.GetTwoFactorEnabledAsync(user)) return (OpResult.Fail("两步验证已经启用。"), []);
        if (!await CodeIsRightAsync(user, code)) return (OpResult.FailOn("code", "验证码不正确或已使用，请输入验证器当前显示的 6 位数字。"), []);
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await NewCodesAsync(user);
        await audit.RecordAsync("TwoFactorEnabled", user.UserName!, "");
        return (OpResult.Ok, codes);
    }

    public async Task<(OpResult Result, IReadOnlyList<string> RecoveryCodes)> RegenerateCodesAsync(AppUser user, string? code)
    {
        if (!await users.GetTwoFactorEnabledAsync(user)) return (OpResult.Fail("尚未启用两步验证。"), []);
        if (!await CodeIsRightAsync(user, code)) return (OpResult.FailOn("code", "验证码不正确或已使用，请输入验证器当前显示的 6 位数字。"), []);
        var codes = await NewCodesAsync(user);
        await audit.RecordAsync("RecoveryCodesRegenerated", user.UserName!, "");
        return (OpResult.Ok, codes);
    }

    public async Task<OpResult> DisableAsync(AppUser user, string? code)
    {
        if (await IsRequiredAsync(user)) return OpResult.Fail("您的角色必须使用两步验证，不能停用。");
        if (!await users.GetTwoFactorEnabledAsync(user)) return OpResult.Fail("尚未启用两步验证。");
        if (!await CodeIsRightAsync(user, code)) return OpResult.FailOn("code", "验证码不正确或已使用，请输入验证器当前显示的 6 位数字。");
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0); // no codes left
        await audit.RecordAsync("TwoFactorDisabled", user.UserName!, "");
        return OpResult.Ok;
    }

    public async Task<OpResult> ChangePasswordAsync(AppUser user, string? current, string? next, string? confirm)
    {
        if (string.IsNullOrEmpty(current)) return OpResult.FailOn("current", "请输入当前密码。");
        if (next != confirm) return OpResult.FailOn("confirm", "两次输入的新密码不一致。");
        var check = await AccountAdmin.CheckPasswordAsync(users, next, user.UserName!);
        if (!check.Succeeded) return check with { Field = "next" };
        if (current == next) return OpResult.FailOn("next", "新密码不能与当前密码相同。");
        var wasRequired = user.MustChangePassword;
        user.MustChangePassword = false; // saved with the new password
        var result = await users.ChangePasswordAsync(user, current, next!);
        if (!result.Succeeded)
        {
            user.MustChangePassword = wasRequired;
            var wrong = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
            await audit.RecordAsync("PasswordChangeFailed", user.UserName!, "");
            return wrong ? OpResult.FailOn("current", "当前密码不正确。") : OpResult.Fail("修改密码失败：账号已被他人修改，请重试。");
        }
        await audit.RecordAsync("PasswordChanged", user.UserName!, "");
        return OpResult.Ok;
    }

    private async Task<bool> CodeIsRightAsync(AppUser user, string? code) =>
        !string.IsNullOrWhiteSpace(code) && code.Length <= 16
        && await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code.Trim());

    private async Task<IReadOnlyList<string>> NewCodesAsync(AppUser user) =>
        [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, options.Value.RecoveryCodes) ?? []];

    private static string Grouped(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4)))).ToLowerInvariant();
}
