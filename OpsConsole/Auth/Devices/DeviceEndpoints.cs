using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;

namespace OpsConsole.Auth.Devices;

public static class DeviceEndpoints
{
    /// <summary>
    /// A technician opens /device/activate?token=… once on a browser-based device (kiosk, lobby
    /// display, window screen, evaluator): the token is checked and kept in an HttpOnly cookie,
    /// and the browser goes to the device's page.
    /// </summary>
    public static void MapDeviceEndpoints(this WebApplication app)
    {
        app.MapGet("/device/activate", async (string? token, IDbContextFactory<OpsDbContext> dbFactory, HttpContext http) =>
        {
            if (string.IsNullOrWhiteSpace(token))
                return ApiProblems.Result(StatusCodes.Status400BadRequest, "token_missing", "请在地址中提供设备令牌：/device/activate?token=…");
            await using var db = await dbFactory.CreateDbContextAsync();
            var hash = DeviceTokens.Hash(token.Trim());
            var device = await db.Set<Device>().AsNoTracking().FirstOrDefaultAsync(d => d.TokenHash == hash);
            if (device is null || device.IsRevoked)
            {
                return DeviceAuthenticationHandler.IsBrowserPage(http.Request)
                    ? Results.LocalRedirect(DeviceAuthenticationHandler.StoppedPath)
                    : ApiProblems.Result(StatusCodes.Status401Unauthorized, "device_unauthorized", "设备令牌无效或已被吊销，请联系系统管理员。");
            }
            http.Response.Cookies.Append(DeviceAuthenticationHandler.CookieName, token.Trim(), new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(3650),
            });
            return Results.LocalRedirect(HomeOf(device));
        }).AllowAnonymous().RequireRateLimiting(PublicRateLimits.Policy);

        // A device page's script asks whether its token still works (204) or was revoked (401), e.g. while reconnecting.
        app.MapGet("/device/check", () => Results.NoContent()).RequireAuthorization(Policies.AnyDevice);
    }

    /// <summary>The page a browser-based device shows.</summary>
    public static string HomeOf(Device device) => device.Kind switch
    {
        DeviceKind.Kiosk => "/kiosk",
        DeviceKind.LobbyDisplay => "/display/lobby",
        DeviceKind.WindowScreen => "/display/window",
        DeviceKind.Evaluator => "/evaluator",
        _ => "/device",
    };
}
