using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using OpsConsole.Auth;
using OpsConsole.Auth.Devices;
using OpsConsole.Localization;

namespace OpsConsole;

/// <summary>The "RateLimiting" section: how often one IP address may call the public pages without signing in.</summary>
public sealed class PublicRateLimitOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Requests per window per client IP (default 60).</summary>
    public int PermitLimit { get; set; } = 60;

    /// <summary>The window in seconds (default 10).</summary>
    public int WindowSeconds { get; set; } = 10;
}

/// <summary>
/// ASP.NET Core's rate limiter on the anonymous public endpoints (/wait, /t/{code}, /device/activate): a fixed
/// window per client IP. Signed-in staff and devices with a valid token are not counted. Refused callers get 429 with
/// Retry-After: a page in the caller's language, or a JSON problem under /api.
/// </summary>
public static class PublicRateLimits
{
    public const string Policy = "public";
    private const string KnownDevice = "opsconsole:known-device";

    public static IServiceCollection AddPublicRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(PublicRateLimitOptions.Section).Get<PublicRateLimitOptions>() ?? new PublicRateLimitOptions();
        services.AddRateLimiter(o =>
        {
            o.AddPolicy<string>(Policy, context => IsKnown(context)
                ? RateLimitPartition.GetNoLimiter("known")
                : RateLimitPartition.GetFixedWindowLimiter("ip:" + (context.Connection.RemoteIpAddress ?? IPAddress.None), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, options.PermitLimit),
                    Window = TimeSpan.FromSeconds(Math.Max(1, options.WindowSeconds)),
                    QueueLimit = 0,
                }));
            o.OnRejected = (rejected, ct) => RejectAsync(rejected.HttpContext, rejected.Lease, ct);
        });
        return services;
    }

    /// <summary>
    /// After authorization: marks requests to limited endpoints that carry a valid device token (the device scheme is
    /// not the default, so public pages do not authenticate it on their own), then applies the limits.
    /// </summary>
    public static IApplicationBuilder UsePublicRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null
                && context.User.Identity?.IsAuthenticated != true && DeviceAuthenticationHandler.HasCredential(context.Request)
                && (await context.AuthenticateAsync(DeviceAuthenticationHandler.SchemeName)).Succeeded)
            {
                context.Items[KnownDevice] = true;
            }
            await next();
        });
        return app.UseRateLimiter();
    }

    private static bool IsKnown(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true || context.Items.ContainsKey(KnownDevice);

    private static async ValueTask RejectAsync(HttpContext context, RateLimitLease lease, CancellationToken ct)
    {
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 10;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await ApiProblems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "rate_limited", $"请求过于频繁，请 {seconds} 秒后再试。");
            return;
        }
        var L = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.ContentType = "text/html; charset=utf-8";
        var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "zh-CN";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{lang}">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>{L["访问过于频繁"]}</title></head>
            <body style="font-family: sans-serif; text-align: center; padding: 3rem 1rem;">
            <h1 data-testid="rate-limited">{L["访问过于频繁"]}</h1>
            <p>{L["您的网络在短时间内访问次数过多，请 {0} 秒后再刷新页面。", seconds]}</p>
            </body>
            </html>
            """, ct);
    }
}
