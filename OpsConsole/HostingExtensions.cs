using System.Globalization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using OpsConsole.Auth;
using OpsConsole.Auth.Devices;
using OpsConsole.Components;
using OpsConsole.Components.Mud;
using OpsConsole.Data;
using OpsConsole.Data.Keys;
using OpsConsole.Data.Seeding;
using OpsConsole.Diagnostics;
using OpsConsole.Features;
using OpsConsole.Features.Queueing;
using OpsConsole.Localization;
using OpsConsole.Realtime;

namespace OpsConsole;

public static class HostingExtensions
{
    public static readonly CultureInfo[] SupportedCultures = [new("zh-CN"), new("en")];

    public static WebApplicationBuilder AddOpsConsole(this WebApplicationBuilder builder)
    {
        // Serve wwwroot and the npm assets from the build output too when the app runs from
        // bin/ outside Development (run.sh, tests); a no-op for published output.
        builder.WebHost.UseStaticWebAssets();
        builder.AddOpsLogging();
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        // Chinese text is written as is, not as &#x...; entities (smaller pages, readable source).
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddOpsDatabase(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddHealthChecks().AddDbContextCheck<OpsDbContext>("database");

        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddTransient(typeof(IStringLocalizer<>), typeof(JsonStringLocalizer<>));
        services.AddLocalization();

        services.AddDatabaseKeyStore();
        services.AddOpsAuth();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "OpsConsole.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddOpsMudBlazor();
        services.AddFeatures();
        services.AddDisplays();
        services.AddMemoryDiagnostics();
        services.AddPublicRateLimits(builder.Configuration);
        services.AddSingleton(builder.Configuration.GetSection(SetupOptions.Section).Get<SetupOptions>() ?? new SetupOptions());
        services.AddScoped<FirstStart>();
        services.AddScoped<DatabaseInitializer>();
        return builder;
    }

    public static WebApplication UseOpsConsole(this WebApplication app)
    {
        app.UseOpsRequestLogging();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        // Device API callers get a problem, never the HTML error page.
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ApiProblems.UnhandledAsync }));
        app.UseSecurityHeaders();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("zh-CN"),
            SupportedCultures = SupportedCultures,
            SupportedUICultures = SupportedCultures,
            // Cookie first (the user's choice), then the default; the browser's language is
            // not used because the hall's machines are configured in many ways.
            RequestCultureProviders = [new CookieRequestCultureProvider()],
        });
        // Friendly "not found" pages for people; API callers keep their JSON problem details, and a
        // POST is never re-executed as a page (it would fail antiforgery with a bare 400).
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api") && HttpMethods.IsGet(ctx.Request.Method),
            branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePublicRateLimits();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapThemeStylesheet();
        app.MapHealthChecks("/health", new HealthCheckOptions { AllowCachingResponses = false });
        app.MapMemoryDiagnostics(app.Configuration);
        app.MapAccountEndpoints();
        app.MapDeviceEndpoints();
        Features.Attendance.AttendanceEndpoints.MapAttendanceEndpoints(app);
        Features.Assessment.AssessmentWorkbook.Map(app);
        Features.Reports.ReportEndpoints.MapReportEndpoints(app);
        Features.Auditing.AuditEndpoints.MapAuditEndpoints(app);
        Features.Supervision.SupervisionServiceCollectionExtensions.MapSupervisionEndpoints(app);
        app.MapDisplays();
        app.MapCounterPadEndpoints();
        app.MapKioskEndpoints();
        Printing.PrintEndpoints.MapPrintEndpoints(app);
        Printing.BulletinEndpoints.MapBulletinEndpoints(app);
        Printing.NoticePrintEndpoints.MapNoticePrintEndpoints(app);
        app.MapCultureEndpoint();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }

    private static void MapCultureEndpoint(this WebApplication app)
    {
        app.MapGet("/culture/set", (string culture, string? redirectUri, HttpContext http) =>
        {
            if (SupportedCultures.Any(c => c.Name == culture))
            {
                http.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            }
            return Results.LocalRedirect(Auth.LocalUrl.OrHome(redirectUri));
        });
    }
}
