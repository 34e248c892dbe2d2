using Microsoft.AspNetCore.Identity;
using OpsConsole.Auth;

namespace OpsConsole;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app)
    {
        // Sign-out is a POST with an antiforgery token (a GET link could be forged).
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn, SignInAudit audit, HttpContext http) =>
        {
            if (http.User.Identity?.IsAuthenticated == true)
            {
                await audit.RecordAsync("SignOut", http.User.Identity.Name ?? "", "");
            }
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        });

        // Ends every session of the account: a new security stamp fails every other cookie at its
        // next check and every open page at its next revalidation (SessionSecurityOptions).
        app.MapPost("/account/logout-everywhere", async (SignInManager<AppUser> signIn, SignInAudit audit, HttpContext http) =>
        {
            if (http.User.Identity?.IsAuthenticated == true && await signIn.UserManager.GetUserAsync(http.User) is { } user)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(user);
                await audit.RecordAsync("SignOutEverywhere", http.User.Identity.Name ?? "", "");
            }
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        });
    }
}
