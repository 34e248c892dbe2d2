using Microsoft.AspNetCore.Routing;
using Serilog;
using Serilog.Events;
using MelLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace OpsConsole.Diagnostics;

/// <summary>The "Logs" section: where the rolling log files go.</summary>
public sealed class LogFileOptions
{
    public const string Section = "Logs";

    /// <summary>Folder of the daily files, relative to the app's folder (default "logs"); empty writes no files.</summary>
    public string Directory { get; set; } = "logs";

    /// <summary>Daily files kept (default 31).</summary>
    public int RetainedDays { get; set; } = 31;
}

/// <summary>
/// Serilog for the center's IT: the console and a daily rolling file under logs/, levels from the usual
/// <c>Logging:LogLevel</c> settings (one place for both), and one line per HTTP request that names the route
/// pattern, never the raw path or query string (no tokens, codes, names or IDs).
/// </summary>
public static class OpsLogging
{
    public static WebApplicationBuilder AddOpsLogging(this WebApplicationBuilder builder)
    {
        var files = builder.Configuration.GetSection(LogFileOptions.Section).Get<LogFileOptions>() ?? new LogFileOptions();
        var levels = builder.Configuration.GetSection("Logging:LogLevel");
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddSerilog((_, logger) =>
        {
            logger.MinimumLevel.Is(Level(levels["Default"]) ?? LogEventLevel.Information).Enrich.FromLogContext();
            foreach (var category in levels.GetChildren().Where(c => c.Key != "Default"))
            {
                if (Level(category.Value) is { } level) logger.MinimumLevel.Override(category.Key, level);
            }
            const string template = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";
            logger.WriteTo.Console(outputTemplate: template, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            if (!string.IsNullOrWhiteSpace(files.Directory))
            {
                logger.WriteTo.File(Path.Combine(Path.GetFullPath(files.Directory, contentRoot), "opsconsole-.log"),
                    outputTemplate: template, formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                    rollingInterval: RollingInterval.Day, retainedFileCountLimit: Math.Max(1, files.RetainedDays),
                    fileSizeLimitBytes: 256L * 1024 * 1024, rollOnFileSizeLimit: true);
            }
        }, preserveStaticLogger: true);
        return builder;
    }

    /// <summary>One line per request: method, route pattern, status and time; 5xx as errors, static files and health at debug.</summary>
    public static IApplicationBuilder UseOpsRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(o =>
        {
            // Named, so Logging:LogLevel:Serilog.AspNetCore sets its level like any category.
            o.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>().ForContext(Serilog.Core.Constants.SourceContextPropertyName, "Serilog.AspNetCore.RequestLoggingMiddleware");
            o.MessageTemplate = "HTTP {RequestMethod} {Route} responded {StatusCode} in {Elapsed:0.0} ms";
            // Not the default properties: they include the raw path, which may carry a code, a token or an ID.
            o.GetMessageTemplateProperties = (http, _, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(http.Request.Method)),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
            o.EnrichDiagnosticContext = (diagnostics, http) => diagnostics.Set("Route", RouteOf(http));
            o.GetLevel = (http, _, error) =>
                error is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
                : http.GetEndpoint() is null || http.Request.Path.StartsWithSegments("/health") || IsStaticAsset(http) ? LogEventLevel.Debug
                : LogEventLevel.Information;
        });

    /// <summary>The endpoint's route pattern ("/t/{Code}"), or "(no route)": never the path as typed.</summary>
    private static string RouteOf(HttpContext http) =>
        http.GetEndpoint() is RouteEndpoint route ? "/" + route.RoutePattern.RawText?.TrimStart('/') : "(no route)";

    private static bool IsStaticAsset(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null;

    private static LogEventLevel? Level(string? melLevel) => Enum.TryParse<MelLogLevel>(melLevel, ignoreCase: true, out var level) ? level switch
    {
        MelLogLevel.Trace => LogEventLevel.Verbose,
        MelLogLevel.Debug => LogEventLevel.Debug,
        MelLogLevel.Information => LogEventLevel.Information,
        MelLogLevel.Warning => LogEventLevel.Warning,
        MelLogLevel.Error => LogEventLevel.Error,
        // Serilog has no "none": fatal is the closest it goes.
        _ => LogEventLevel.Fatal,
    } : null;
}
