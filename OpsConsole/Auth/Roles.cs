namespace OpsConsole.Auth;

/// <summary>The roles of the console; role names are stored in the database as written here.</summary>
public static class Roles
{
    public const string WindowStaff = nameof(WindowStaff);
    public const string ChiefRepresentative = nameof(ChiefRepresentative);
    public const string Manager = nameof(Manager);
    public const string HR = nameof(HR);
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyList<string> All = [WindowStaff, ChiefRepresentative, Manager, HR, Admin];

    /// <summary>The row id of a role: its place in <see cref="All"/>, from 1 (the rows are seeded by the model).</summary>
    public static int IdOf(string role)
    {
        var i = All.ToList().IndexOf(role);
        return i >= 0 ? i + 1 : throw new InvalidOperationException($"Unknown role {role}");
    }

    /// <summary>The account's role with this name, for a new account.</summary>
    public static AppUserRole Of(string role) => new() { RoleId = IdOf(role) };

    public const int MaxLength = 30;
}

/// <summary>Authorization policies; every page names one (an access test checks each page against a table).</summary>
public static class Policies
{
    /// <summary>Any signed-in staff account.</summary>
    public const string Staff = nameof(Staff);
    /// <summary>
    /// Who may staff a window and call tickets: window staff and chief representatives. HR and admins
    /// may not (a manager who also serves at a window is given the window-staff role as well).
    /// </summary>
    public const string Counter = nameof(Counter);
    /// <summary>Managers and admins: catalog, monitoring.</summary>
    public const string Manager = nameof(Manager);
    /// <summary>HR, managers and admins: staff directory, exports.</summary>
    public const string HR = nameof(HR);
    /// <summary>Admins only: accounts and system settings.</summary>
    public const string Admin = nameof(Admin);
    /// <summary>Chief representatives only: their department's cases and supervision cards.</summary>
    public const string ChiefRepresentative = nameof(ChiefRepresentative);
    /// <summary>Any registered hall device (per-kind policies: DevicePrincipal.DevicePolicy).</summary>
    public const string AnyDevice = nameof(AnyDevice);
}
