using OpsConsole.Auth;
using OpsConsole.Data.Seeding;
using OpsConsole.Data.Seeding.Demo;

namespace OpsConsole.Tests.Infrastructure;

/// <summary>The demo accounts the seed creates, one per role (as listed in the README).</summary>
public static class DemoAccounts
{
    public const string Password = DemoSeeder.DemoPassword;

    public static readonly IReadOnlyDictionary<string, string> ByRole = new Dictionary<string, string>
    {
        [Roles.WindowStaff] = DemoCatalog.StaffEmployeeNo,
        [Roles.ChiefRepresentative] = DemoCatalog.ChiefEmployeeNo,
        [Roles.Manager] = DemoCatalog.ManagerEmployeeNo,
        [Roles.HR] = DemoCatalog.HrEmployeeNo,
        [Roles.Admin] = DemoSeeder.AdminUserName,
    };
}
