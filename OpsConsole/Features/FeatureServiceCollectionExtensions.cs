using OpsConsole.Auth;
using OpsConsole.Data.Seeding;
using OpsConsole.Features.Accounts;
using OpsConsole.Features.Assessment;
using OpsConsole.Features.Attendance;
using OpsConsole.Features.Cases;
using OpsConsole.Features.Catalog;
using OpsConsole.Features.Common;
using OpsConsole.Features.Home;
using OpsConsole.Features.Queueing;
using OpsConsole.Features.Supervision;

namespace OpsConsole.Features;

public static class FeatureServiceCollectionExtensions
{
    /// <summary>The use cases pages and endpoints call; each is scoped (one per circuit or request).</summary>
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddSingleton<CenterClock>();
        services.AddScoped<SignInAudit>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoHistory>();
        services.AddScoped<HomeQueries>();
        services.AddScoped<CatalogEditor>();
        services.AddScoped<AccountAdmin>();
        services.AddScoped<Auditing.AuditLogReader>();
        services.AddScoped<Devices.DeviceAdmin>();
        services.AddScoped<TicketIssuer>();
        services.AddSingleton<QueueCapacityCache>();
        services.AddScoped<CounterDesk>();
        services.AddSingleton<QueueCallLocks>();
        services.AddScoped<QueueQueries>();
        services.AddScoped<Monitoring.HallSnapshotBuilder>();
        services.AddScoped<Monitoring.AlertDesk>();
        services.AddScoped<Monitoring.StaffingSuggestion>();
        services.AddScoped<Reports.DailyOperationsReport>();
        services.AddScoped<Reports.DailyReportExport>();
        services.AddScoped<Windows.RouteEditor>();
        services.AddScoped<Windows.SkillEditor>();
        services.AddScoped<Windows.RosterBoard>();
        services.AddScoped<Windows.RosterQueries>();
        services.AddScoped<Monitoring.HallActions>();
        services.AddSingleton<Monitoring.HallMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<Monitoring.HallMonitor>());
        services.AddOptions<Monitoring.HallOptions>().BindConfiguration(Monitoring.HallOptions.Section);
        services.AddSingleton<Monitoring.NightlyClose>();
        services.AddHostedService(sp => sp.GetRequiredService<Monitoring.NightlyClose>());
        services.AddOptions<Monitoring.MonitoringOptions>().BindConfiguration(Monitoring.MonitoringOptions.Section);
        services.AddScoped<CounterChoices>();
        services.AddScoped<KioskMenu>();
        services.AddSingleton<PublicQueueSnapshot>();
        services.AddScoped<AppointmentBook>();
        services.AddScoped<QueueEditor>();
        services.AddSingleton<Realtime.HallEvents>();
        services.AddSingleton<Realtime.PostgresHallBackplane>();
        services.AddHostedService(sp => sp.GetRequiredService<Realtime.PostgresHallBackplane>());
        services.AddOptions<QueueingOptions>().BindConfiguration(QueueingOptions.Section);
        services.AddAttendanceFeatures();
        services.AddAssessmentFeatures();
        Printing.PrintingServiceCollectionExtensions.AddPrinting(services);
        services.AddScoped<Awards.CertificateDesk>();
        Awards.AwardsServiceCollectionExtensions.AddAwardFeatures(services);
        services.AddCaseFeatures();
        services.AddSupervisionFeatures();
        services.AddScoped<KioskItems>();
        services.AddScoped<TicketExtras>();
        Notifications.NotificationServiceCollectionExtensions.AddNotifications(services);
        services.AddCounterFeatures();
        Satisfaction.ExportServiceCollectionExtensions.AddRatingExport(services);
        return services;
    }
}
