using Microsoft.AspNetCore.Identity;

namespace OpsConsole.Auth;

/// <summary>
/// A sign-in account, kept by Identity's stock EF stores (ADR 0017). Staff accounts point at their
/// <see cref="Domain.People.Staff"/> record. UserName, NormalizedUserName and the stamps are required here
/// (the model says so), though Identity's base class lets them be null.
/// </summary>
public class AppUser : IdentityUser<int>
{
    public const int UserNameMaxLength = 40;

    public AppUser()
    {
        SecurityStamp = Guid.NewGuid().ToString("N");
        ConcurrencyStamp = Guid.NewGuid().ToString("N");
        LockoutEnabled = true;
    }

    public string DisplayName { get; set; } = "";
    public int? StaffId { get; set; }
    public Domain.People.Staff? Staff { get; set; }
    /// <summary>A disabled account cannot sign in, and its open pages stop within a minute.</summary>
    public bool IsDisabled { get; set; }
    /// <summary>
    /// Set when an admin chose the password (a new account, a reset): the person sets one of their own at the
    /// next sign-in before anything else (ASVS 6.4.1, ADR 0031).
    /// </summary>
    public bool MustChangePassword { get; set; }
    public List<AppUserRole> Roles { get; set; } = [];
}

/// <summary>One of the console's roles (<see cref="Auth.Roles"/>); the rows are part of the model (ids 1–5).</summary>
public class AppRole : IdentityRole<int>;

/// <summary>An account's role.</summary>
public class AppUserRole : IdentityUserRole<int>
{
    public AppRole? Role { get; set; }
}
