using MudBlazor;
using MudBlazor.Services;

namespace OpsConsole.Components.Mud;

public static class MudServices
{
    /// <summary>MudBlazor's services with the console's snackbar defaults and Chinese for its own strings.</summary>
    public static IServiceCollection AddOpsMudBlazor(this IServiceCollection services)
    {
        services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.TopRight;
            config.SnackbarConfiguration.MaxDisplayedSnackbars = 4;
            config.SnackbarConfiguration.PreventDuplicates = false;
            config.SnackbarConfiguration.SnackbarVariant = Variant.Outlined;
        });
        // Holds nothing, so transient is safe (MudBlazor's own advice for its localizer).
        services.AddTransient<MudLocalizer, ChineseMudLocalizer>();
        return services;
    }
}
