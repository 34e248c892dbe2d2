using Microsoft.AspNetCore.Components.Authorization;
using OpsConsole.Data.Auditing;

namespace OpsConsole.Auth;

/// <summary>
/// The actor for the audit log: the signed-in user of an HTTP request or a Blazor circuit,
/// a device (its token name), or "system" for start-up work.
/// </summary>
public sealed class CurrentActor(IHttpContextAccessor http, AuthenticationStateProvider authState) : ICurrentActor
{
    public const string System = "system";

    public async ValueTask<string> GetNameAsync()
    {
        var user = http.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated == true) return user.Identity.Name ?? System;
        try
        {
            var state = await authState.GetAuthenticationStateAsync();
            if (state.User.Identity?.IsAuthenticated == true) return state.User.Identity.Name ?? System;
        }
        catch (InvalidOperationException)
        {
            // Outside a circuit and outside an authenticated request (start-up, background work).
        }
        return System;
    }
}
