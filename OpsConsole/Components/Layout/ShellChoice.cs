using System.Security.Claims;
using OpsConsole.Auth;

namespace OpsConsole.Components.Layout;

/// <summary>Which shell (and so which page assets) a signed-in user gets: MudBlazor's for the office roles.</summary>
public static class ShellChoice
{
    public static bool UsesConsoleShell(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && (user.IsInRole(Roles.Manager) || user.IsInRole(Roles.HR) || user.IsInRole(Roles.Admin));
}
