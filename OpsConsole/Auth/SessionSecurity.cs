using System.Diagnostics.Metrics;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Auth.Devices;
using OpsConsole.Data;

namespace OpsConsole.Auth;

/// <summary>The "Auth" section of configuration: how often a session is checked again.</summary>
public sealed class SessionSecurityOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// How often a staff cookie (plain HTTP requests) and an open page (Blazor circuit) are checked
    /// against the account, and a device page against its token (default one minute).
    /// </summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Whether a signed-in principal may go on: a staff member's account must exist, be enabled and
/// carry the security stamp of the cookie (a password reset, role change, disable or
/// "sign out everywhere" changes it); a hall device's token must still exist and not be revoked.
/// One rule for cookies on every request and for open pages, counted for the center's IT.
/// </summary>
public sealed class SessionValidator(
    UserManager<AppUser> users, IOptions<IdentityOptions> identity, IDbContextFactory<OpsDbContext> dbFactory,
    SessionMetrics metrics)
{
    public async Task<bool> IsStillValidAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var isDevice = principal.DeviceId() is not null;
        var valid = isDevice ? await IsDeviceValidAsync(principal.DeviceId()!.Value, ct) : await IsStaffValidAsync(principal) is not null;
        metrics.Revalidated(isDevice, valid);
        return valid;
    }

    /// <summary>The account behind a staff principal if it may go on, else null.</summary>
    public async Task<AppUser?> IsStaffValidAsync(ClaimsPrincipal principal)
    {
        // Read afresh, not through the UserManager: Identity's EF store answers from its context's change
        // tracker, so a scope that had read the account before would see it as it was then (ADR 0017).
        if (!int.TryParse(users.GetUserId(principal), out var userId)) return null;
        await using var db = await dbFactory.CreateDbContextAsync();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId);
        if (user is null || user.IsDisabled) return null;
        if (!users.SupportsUserSecurityStamp) return user;
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == user.SecurityStamp ? user : null;
    }

    private async Task<bool> IsDeviceValidAsync(int deviceId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Device>().AnyAsync(d => d.Id == deviceId && d.RevokedAt == null, ct);
    }
}

/// <summary>Counts session checks ("opsconsole.auth.revalidations", tagged kind=staff|device, valid=true|false).</summary>
public sealed class SessionMetrics
{
    public const string MeterName = "OpsConsole.Auth";
    private readonly Counter<long> _revalidations;

    public SessionMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _revalidations = meter.CreateCounter<long>("opsconsole.auth.revalidations", description: "Sessions checked again against their account or device token");
    }

    public void Revalidated(bool device, bool valid) =>
        _revalidations.Add(1, new KeyValuePair<string, object?>("kind", device ? "device" : "staff"), new KeyValuePair<string, object?>("valid", valid));
}

/// <summary>
/// Identity's cookie check (every <see cref="SessionSecurityOptions.RevalidationInterval"/>), with
/// a disabled account refused even if its stamp were unchanged.
/// </summary>
public sealed class OpsSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<AppUser> signInManager, ILoggerFactory logger,
    SessionValidator sessions, SessionMetrics metrics)
    : SecurityStampValidator<AppUser>(options, signInManager, logger)
{
    protected override async Task<AppUser?> VerifySecurityStamp(ClaimsPrincipal? principal)
    {
        var user = principal is null ? null : await sessions.IsStaffValidAsync(principal);
        metrics.Revalidated(device: false, valid: user is not null);
        return user;
    }
}
