namespace OpsConsole.Printing;

public static class PrintingServiceCollectionExtensions
{
    /// <summary>Print documents, the one pooled Chromium, background batch jobs, guides and certificates.</summary>
    public static IServiceCollection AddPrinting(this IServiceCollection services)
    {
        services.AddOptions<PrintOptions>().BindConfiguration(PrintOptions.Section);
        services.AddSingleton<ChromiumPdf>();
        services.AddSingleton<PrintJobs>();
        services.AddSingleton<PublicLinks>();
        services.AddScoped<Printer>();
        services.AddScoped<GuidePrinting>();
        services.AddScoped<CertificatePrinting>();
        return services;
    }
}
