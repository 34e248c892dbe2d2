using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Data;

namespace OpsConsole.Auth.Devices;

/// <summary>
/// Authenticates hall devices: "Authorization: Bearer &lt;token&gt;" for hardware calling the API,
/// or the device cookie set once by /device/activate for browser-based devices (kiosk, displays).
/// </summary>
public sealed class DeviceAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IDbContextFactory<OpsDbContext> dbFactory, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Device";
    public const string CookieName = "OpsConsole.Device";
    public const string DeviceIdClaim = "opsconsole:device_id";
    public const string DeviceKindClaim = "opsconsole:device_kind";
    public const string WindowIdClaim = "opsconsole:window_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken() ?? Request.Cookies[CookieName];
        if (string.IsNullOrWhiteSpace(token)) return AuthenticateResult.NoResult();

        var hash = DeviceTokens.Hash(token.Trim());
        await using var db = await dbFactory.CreateDbContextAsync();
        var device = await db.Set<Device>().AsNoTracking().FirstOrDefaultAsync(d => d.TokenHash == hash);
        if (device is null) return AuthenticateResult.Fail("unknown device token");
        if (device.IsRevoked) return AuthenticateResult.Fail("revoked device token");

        // LastSeenAt at most once a minute per device, so a busy device does not write on every request.
        var now = clock.GetUtcNow();
        if (device.LastSeenAt is null || now - device.LastSeenAt > TimeSpan.FromMinutes(1))
        {
            await db.Set<Device>().Where(d => d.Id == device.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.LastSeenAt, now));
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, "device:" + device.Name),
            new(DeviceIdClaim, device.Id.ToString()),
            new(DeviceKindClaim, device.Kind.ToString()),
        };
        if (device.WindowId is { } windowId) claims.Add(new Claim(WindowIdClaim, windowId.ToString()));
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>Whether the request carries a device token at all (header or cookie); says nothing about its validity.</summary>
    public static bool HasCredential(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || request.Cookies.ContainsKey(CookieName);

    private string? BearerToken()
    {
        var header = Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..] : null;
    }

    /// <summary>
    /// A device page opened in a browser with a revoked or unknown token goes to the 设备已停用 page; device APIs and
    /// the hub answer the 401 problem.
    /// </summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (IsBrowserPage(Request))
        {
            Response.Redirect(StoppedPath);
            return Task.CompletedTask;
        }
        return UnauthorizedAsync(Context);
    }

    /// <summary>Where a browser-based device goes once its token no longer works.</summary>
    public const string StoppedPath = "/device/stopped";

    /// <summary>A page navigation (not an API call, not the hub, not a script's fetch).</summary>
    public static bool IsBrowserPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/hubs")
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => ForbiddenAsync(Context);

    /// <summary>401 <c>device_unauthorized</c>: no token, an unknown or a revoked one (also for a device API called with no token at all).</summary>
    public static Task UnauthorizedAsync(HttpContext context) =>
        ApiProblems.WriteAsync(context, StatusCodes.Status401Unauthorized, "device_unauthorized",
            "设备未授权：令牌缺失、无效或已被吊销。请联系系统管理员重新登记设备。");

    /// <summary>403 <c>device_forbidden</c>: another kind of device, or a staff member's cookie, on a device API.</summary>
    public static Task ForbiddenAsync(HttpContext context) =>
        ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "device_forbidden", "该设备无权执行此操作。");
}

public static class DevicePrincipal
{
    public static int? DeviceId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(DeviceAuthenticationHandler.DeviceIdClaim), out var id) ? id : null;

    public static int? DeviceWindowId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(DeviceAuthenticationHandler.WindowIdClaim), out var id) ? id : null;

    public static string DevicePolicy(DeviceKind kind) => "Device:" + kind;
}
