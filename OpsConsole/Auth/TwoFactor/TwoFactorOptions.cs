namespace OpsConsole.Auth.TwoFactor;

/// <summary>The "Auth:TwoFactor" section: who must use an authenticator app (ADR 0031).</summary>
public sealed class TwoFactorOptions
{
    public const string Section = "Auth:TwoFactor";

    /// <summary>
    /// Roles whose accounts must sign in with a second factor; an account with one of them that has
    /// none is taken to enrolment before anything else. Comma-separated role names (Admin, HR, Manager,
    /// ChiefRepresentative, WindowStaff); empty turns the requirement off (the tests, the local demo).
    /// Every account may enrol whether required or not.
    /// </summary>
    public string RequiredRoles { get; set; } = $"{Roles.Admin},{Roles.HR}";

    public IReadOnlyList<string> RequiredRoleList =>
        RequiredRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The name authenticator apps show next to the code.</summary>
    public string Issuer { get; set; } = "政务服务中心运营台";

    public int RecoveryCodes { get; set; } = 10;
}
