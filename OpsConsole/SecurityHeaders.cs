namespace OpsConsole;

public static class SecurityHeaders
{
    /// <summary>
    /// Content-Security-Policy and friends on every response. Scripts only from our origin
    /// (no inline script anywhere); styles allow inline attributes, which Blazor and ECharts set.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        ctx.Response.OnStarting(() =>
        {
            var h = ctx.Response.Headers;
            // An endpoint may set a stricter, sandboxing policy of its own (evidence files). Any other policy already
            // set is replaced: Blazor's interactive pages set "frame-ancestors 'self'" alone, which would drop ours.
            if (!h.ContentSecurityPolicy.ToString().Contains("sandbox", StringComparison.Ordinal)) h["Content-Security-Policy"] = ContentSecurityPolicy;
            h["X-Content-Type-Options"] = "nosniff";
            h["X-Frame-Options"] = "DENY";
            h["Referrer-Policy"] = "same-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        await next();
    });
}
