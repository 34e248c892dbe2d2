using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace OpsConsole.Auth;

/// <summary>
/// Re-checks an open page's principal every <see cref="SessionSecurityOptions.RevalidationInterval"/>:
/// a disabled account, or one whose security stamp changed (password reset, roles changed, signed
/// out everywhere), loses its open pages; a hall device keeps its page as long as its token is not revoked.
/// </summary>
public sealed class RevalidatingAuthStateProvider(
    ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory, IOptions<SessionSecurityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var sessions = scope.ServiceProvider.GetRequiredService<SessionValidator>();
        return await sessions.IsStillValidAsync(authenticationState.User, cancellationToken);
    }
}
