using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Auth;
using OpsConsole.Data;

namespace OpsConsole.Features.Supervision;

/// <summary>Who acts on supervision records: the account, the staff member behind it, and what their roles let them see.</summary>
public sealed record SupervisionActor(string UserName, int? StaffId, bool IsOffice, bool IsChief, int? DepartmentId)
{
    /// <summary>Managers and admins decide complaints, findings and appeals.</summary>
    public bool IsManager { get; init; }

    public static async Task<SupervisionActor> OfAsync(ClaimsPrincipal user, IDbContextFactory<OpsDbContext> dbFactory, CancellationToken ct = default)
    {
        int? staffId = int.TryParse(user.FindFirstValue(AppClaimsPrincipalFactory.StaffIdClaim), out var id) ? id : null;
        int? department = null;
        if (staffId is not null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            department = await db.Staff.Where(s => s.Id == staffId).Select(s => s.DepartmentId).FirstOrDefaultAsync(ct);
        }
        var manager = user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Admin);
        return new SupervisionActor(user.Identity?.Name ?? "", staffId, manager || user.IsInRole(Roles.HR),
            user.IsInRole(Roles.ChiefRepresentative), department) { IsManager = manager };
    }
}

/// <summary>Resolves the actor of the current circuit or request (scoped).</summary>
public sealed class SupervisionActors(Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider auth, IDbContextFactory<OpsDbContext> dbFactory)
{
    private SupervisionActor? _actor;

    public async Task<SupervisionActor> CurrentAsync()
    {
        if (_actor is not null) return _actor;
        var state = await auth.GetAuthenticationStateAsync();
        return _actor = await SupervisionActor.OfAsync(state.User, dbFactory);
    }
}
