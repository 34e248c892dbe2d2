using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Auth.Devices;
using OpsConsole.Domain.Common;
using OpsConsole.Features.Displays;
using OpsConsole.Features.Satisfaction;

namespace OpsConsole.Realtime;

public static class DisplayServiceCollectionExtensions
{
    /// <summary>The hall's screens and evaluators: the display hub, its broadcaster and the evaluation desk.</summary>
    public static IServiceCollection AddDisplays(this IServiceCollection services)
    {
        services.AddSignalR();
        services.AddAuthorizationBuilder().AddPolicy(DisplayHub.Policy, p => p.RequireClaim(
            DeviceAuthenticationHandler.DeviceKindClaim, nameof(DeviceKind.LobbyDisplay), nameof(DeviceKind.WindowScreen)));
        services.AddScoped<DisplayQueries>();
        services.AddScoped<EvaluationDesk>();
        services.AddSingleton<DisplayBroadcaster>();
        services.AddSingleton<DeviceConnections>();
        services.AddHostedService(sp => sp.GetRequiredService<DisplayBroadcaster>());
        return services;
    }

    /// <summary>Maps the display hub at <see cref="DisplayHub.Path"/>.</summary>
    public static IEndpointRouteBuilder MapDisplays(this IEndpointRouteBuilder app)
    {
        app.MapHub<DisplayHub>(DisplayHub.Path);
        return app;
    }
}
