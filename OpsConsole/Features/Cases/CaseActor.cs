using System.Security.Claims;
using OpsConsole.Auth;

namespace OpsConsole.Features.Cases;

/// <summary>Who acts on a case: window staff act on their own cases, a chief representative on the department's, a manager on any.</summary>
public sealed record CaseActor(int StaffId, bool IsChief, bool IsManager)
{
    /// <summary>The signed-in user as an actor; null when the account has no staff record.</summary>
    public static CaseActor? Of(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(AppClaimsPrincipalFactory.StaffIdClaim), out var id)
            ? new CaseActor(id, user.IsInRole(Roles.ChiefRepresentative), user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Admin))
            : null;
}
