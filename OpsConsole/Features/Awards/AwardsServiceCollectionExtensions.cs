namespace OpsConsole.Features.Awards;

public static class AwardsServiceCollectionExtensions
{
    /// <summary>Award rules, proposals and confirmation, ballots, the bulletin's data and its print template.</summary>
    public static IServiceCollection AddAwardFeatures(this IServiceCollection services)
    {
        services.AddOptions<AwardOptions>().BindConfiguration(AwardOptions.Section);
        services.AddSingleton<AwardRules>();
        services.AddSingleton<PublicVoter>();
        services.AddScoped<AwardDesk>();
        services.AddScoped<AwardVotes>();
        services.AddScoped<AwardRuleEditor>();
        services.AddScoped<Printing.BulletinPrinting>();
        return services;
    }
}
