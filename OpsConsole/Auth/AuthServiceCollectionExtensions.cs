using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Auth.Devices;

namespace OpsConsole.Auth;

public static class AuthServiceCollectionExtensions
{
    public static IServiceCollection AddOpsAuth(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthStateProvider>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SelectorScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            // Staff carry the Identity cookie; hall devices a bearer token or the device cookie.
            // The selector picks per request, so a device's Blazor circuit keeps its identity too.
            .AddPolicyScheme(SelectorScheme, SelectorScheme, o => o.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, DeviceAuthenticationHandler>(DeviceAuthenticationHandler.SchemeName, null);
        services.AddAuthentication().AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = StaffCookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            // API callers get status codes, not redirects to the sign-in page. Replacing the events
            // must keep Identity's check of the account on every request (OpsSecurityStampValidator).
            o.Events = new CookieAuthenticationEvents
            {
                OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync,
                OnRedirectToLogin = ctx => RedirectOrStatus(ctx, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = ctx => RedirectOrStatus(ctx, StatusCodes.Status403Forbidden),
            };
        });
        // A disabled account or a reset password changes the security stamp; cookies are re-checked
        // every RevalidationInterval (default a minute), Blazor circuits by RevalidatingAuthStateProvider.
        services.AddOptions<SessionSecurityOptions>().BindConfiguration(SessionSecurityOptions.Section);
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<SessionSecurityOptions>>((o, session) => o.ValidationInterval = session.Value.RevalidationInterval);
        services.AddSingleton<SessionMetrics>();
        services.AddScoped<SessionValidator>();

        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._";
            })
            // Identity's stock EF stores over OpsDbContext (ADR 0017): users, roles, and the tokens a second factor needs.
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<Data.OpsDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders()
            // Authenticator codes usable once, on the server's clock; keys encrypted, recovery codes hashed (ADR 0031).
            .AddTokenProvider<TwoFactor.OneUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);
        services.Replace(ServiceDescriptor.Scoped<IUserStore<AppUser>, TwoFactor.OpsUserStore>());
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, OpsSecurityStampValidator>());
        services.AddOptions<PasswordContextOptions>().BindConfiguration(PasswordContextOptions.Section);
        services.AddOptions<TwoFactor.TwoFactorOptions>().BindConfiguration(TwoFactor.TwoFactorOptions.Section);
        services.AddScoped<Features.Accounts.AccountSecurity>();

        var authorization = services.AddAuthorizationBuilder()
            // Staff policies require a role: devices never have one.
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.All))
            .AddPolicy(Policies.Counter, p => p.RequireRole(Roles.WindowStaff, Roles.ChiefRepresentative))
            .AddPolicy(Policies.Manager, p => p.RequireRole(Roles.Manager, Roles.Admin))
            .AddPolicy(Policies.HR, p => p.RequireRole(Roles.HR, Roles.Manager, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.ChiefRepresentative, p => p.RequireRole(Roles.ChiefRepresentative))
            .AddPolicy(Policies.AnyDevice, p => p.RequireClaim(DeviceAuthenticationHandler.DeviceKindClaim));
        foreach (var kind in Enum.GetValues<DeviceKind>())
        {
            authorization.AddPolicy(DevicePrincipal.DevicePolicy(kind),
                p => p.RequireClaim(DeviceAuthenticationHandler.DeviceKindClaim, kind.ToString()));
        }

        services.AddOptions<SignInThrottleOptions>().BindConfiguration(SignInThrottleOptions.Section);
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<TrustedBrowsers>();
        services.AddScoped<StaffSignIn>();
        services.AddScoped<Data.Auditing.ICurrentActor, CurrentActor>();
        services.AddHttpContextAccessor();
        return services;
    }

    public const string SelectorScheme = "StaffOrDevice";

    private static string SelectScheme(HttpContext ctx)
    {
        if (ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return DeviceAuthenticationHandler.SchemeName;
        if (ctx.Request.Cookies.ContainsKey(DeviceAuthenticationHandler.CookieName) && !ctx.Request.Cookies.ContainsKey(StaffCookieName))
            return DeviceAuthenticationHandler.SchemeName;
        return IdentityConstants.ApplicationScheme;
    }

    public const string StaffCookieName = "OpsConsole.Auth";

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        // Every /api endpoint is a device API: answer with its documented codes.
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            return status == StatusCodes.Status401Unauthorized
                ? DeviceAuthenticationHandler.UnauthorizedAsync(ctx.HttpContext)
                : DeviceAuthenticationHandler.ForbiddenAsync(ctx.HttpContext);
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
