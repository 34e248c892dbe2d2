using OpsConsole.Auth;
using OpsConsole.Data.Seeding;
using OpsConsole.Features.Accounts;
using OpsConsole.Features.Catalog;
using OpsConsole.Features.Common;
using OpsConsole.Features.Home;
using OpsConsole.Features.Queueing;

namespace OpsConsole.Features;

public static class FeatureServiceCollectionExtensions
{
    /// <summary>The use cases pages and endpoints call; each is scoped (one per circuit or request).</summary>
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddSingleton<CenterClock>();
        services.AddScoped<SignInAudit>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<HomeQueries>();
        services.AddScoped<CatalogEditor>();
        services.AddScoped<AccountAdmin>();
        services.AddScoped<TicketIssuer>();
        services.AddScoped<CounterDesk>();
        services.AddScoped<QueueQueries>();
        services.AddScoped<KioskMenu>();
        services.AddScoped<AppointmentBook>();
        services.AddSingleton<Realtime.HallEvents>();
        services.AddOptions<QueueingOptions>().BindConfiguration(QueueingOptions.Section);
        return services;
    }
}
