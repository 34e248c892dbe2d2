namespace OpsConsole.Auth;

/// <summary>A sign-in account. Staff accounts point at their <see cref="Domain.People.Staff"/> record.</summary>
public class AppUser
{
    public const int UserNameMaxLength = 40;

    public int Id { get; set; }
    /// <summary>The sign-in name: the employee number for staff (e.g. BJ0001), or a plain name for admins.</summary>
    public string UserName { get; set; } = "";
    public string NormalizedUserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public int? StaffId { get; set; }
    public Domain.People.Staff? Staff { get; set; }
    public string? PasswordHash { get; set; }
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
    public bool LockoutEnabled { get; set; } = true;
    public DateTimeOffset? LockoutEnd { get; set; }
    public int AccessFailedCount { get; set; }
    /// <summary>A disabled account cannot sign in, and its open pages stop within a minute.</summary>
    public bool IsDisabled { get; set; }
    public List<AppUserRole> Roles { get; set; } = [];
}

public class AppUserRole
{
    public int UserId { get; set; }
    public string Role { get; set; } = "";
}
