using Microsoft.Extensions.Options;

namespace OpsConsole.Features.Notifications;

public static class NotificationServiceCollectionExtensions
{
    public const string HttpClientName = "notifications";

    /// <summary>Near-turn notices: the adapter named by Notifications:Channel, the watcher and the desk.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        services.AddSingleton<LogNearTurnNotifier>();
        services.AddHttpClient(HttpClientName);
        services.AddSingleton<SmsGatewayNotifier>();
        services.AddSingleton<WeChatTemplateNotifier>();
        services.AddSingleton<INearTurnNotifier>(sp => sp.GetRequiredService<IOptions<NotificationOptions>>().Value.Channel.ToUpperInvariant() switch
        {
            "SMS" => sp.GetRequiredService<SmsGatewayNotifier>(),
            "WECHAT" => sp.GetRequiredService<WeChatTemplateNotifier>(),
            _ => sp.GetRequiredService<LogNearTurnNotifier>(),
        });
        services.AddSingleton<NearTurnWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<NearTurnWatcher>());
        services.AddScoped<NearTurnDesk>();
        return services;
    }
}
