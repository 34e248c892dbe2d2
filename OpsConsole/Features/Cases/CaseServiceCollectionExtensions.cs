namespace OpsConsole.Features.Cases;

public static class CaseServiceCollectionExtensions
{
    /// <summary>Cases and electronic supervision, registered from one line in AddFeatures.</summary>
    public static IServiceCollection AddCaseFeatures(this IServiceCollection services)
    {
        services.AddScoped<CaseDesk>();
        services.AddScoped<CardDesk>();
        services.AddScoped<CaseQueries>();
        services.AddSingleton<CaseNames>();
        services.AddSingleton<SupervisionFeed>();
        services.AddScoped<SupervisionPass>();
        services.AddHostedService<SupervisionJob>();
        services.AddScoped<Data.Seeding.DemoCases>();
        return services;
    }
}
