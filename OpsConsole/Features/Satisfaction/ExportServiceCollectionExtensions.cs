using Microsoft.Extensions.Options;

namespace OpsConsole.Features.Satisfaction;

public static class ExportServiceCollectionExtensions
{
    /// <summary>好差评 reporting: the platform adapter chosen by Satisfaction:Export:Platform, the pass and its hourly job.</summary>
    public static IServiceCollection AddRatingExport(this IServiceCollection services)
    {
        services.AddOptions<RatingExportOptions>().BindConfiguration(RatingExportOptions.Section);
        services.AddSingleton<LogRatingPlatform>();
        services.AddHttpClient(HttpRatingPlatform.ClientName);
        services.AddSingleton<HttpRatingPlatform>();
        services.AddSingleton<IRatingPlatform>(sp =>
            string.Equals(sp.GetRequiredService<IOptions<RatingExportOptions>>().Value.Platform, "Http", StringComparison.OrdinalIgnoreCase)
                ? sp.GetRequiredService<HttpRatingPlatform>()
                : sp.GetRequiredService<LogRatingPlatform>());
        services.AddSingleton<RatingExportPass>();
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<RatingExportJob>(sp));
        return services;
    }
}
