using OpsConsole.Features.Attendance;
using OpsConsole.Features.Chief;

namespace OpsConsole.Features.Queueing;

public static class CounterServiceCollectionExtensions
{
    /// <summary>The counter's and the chief representative's use cases, registered from one line in AddFeatures.</summary>
    public static IServiceCollection AddCounterFeatures(this IServiceCollection services)
    {
        services.AddScoped<MaterialNotices>();
        services.AddScoped<DepartmentDesk>();
        services.AddScoped<ChiefApprovals>();
        services.AddOptions<AttendanceApprovalOptions>().BindConfiguration(AttendanceApprovalOptions.Section);
        return services;
    }
}
