namespace OpsConsole.Features.Attendance;

public static class AttendanceServiceCollectionExtensions
{
    /// <summary>Attendance use cases, registered from one line in AddFeatures.</summary>
    public static IServiceCollection AddAttendanceFeatures(this IServiceCollection services)
    {
        services.AddScoped<PunchIngestion>();
        services.AddScoped<Import.PunchFileImport>();
        services.AddScoped<AttendanceMonths>();
        services.AddScoped<AttendanceSheetExport>();
        services.AddScoped<AttendanceRequests>();
        services.AddScoped<AttendanceSettings>();
        services.AddSingleton<HolidayCalendar>();
        services.AddSingleton<Domain.Common.IWorkingDayCalendar>(sp => sp.GetRequiredService<HolidayCalendar>());
        return services;
    }
}
