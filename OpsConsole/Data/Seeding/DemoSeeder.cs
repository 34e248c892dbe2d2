using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Auth;
using OpsConsole.Data.Seeding.Demo;

namespace OpsConsole.Data.Seeding;

/// <summary>
/// Fills an empty database with the fictional demo center. Never touches a database that
/// already holds a center.
/// </summary>
public sealed class DemoSeeder(IDbContextFactory<OpsDbContext> dbFactory, IPasswordHasher<AppUser> hasher, TimeProvider clock, ILogger<DemoSeeder> log)
{
    /// <summary>The password of every demo account (listed in the README).</summary>
    public const string DemoPassword = "opsdemo-2026";
    public const string AdminUserName = "admin";

    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Centers.AnyAsync(ct) || await db.Users.AnyAsync(ct))
        {
            return false;
        }

        var data = DemoCatalog.Build();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Centers.Add(data.Center);
        db.Floors.AddRange(data.Floors);
        db.Zones.AddRange(data.Zones);
        db.Departments.AddRange(data.Departments);
        db.ServiceItems.AddRange(data.Items);
        db.Windows.AddRange(data.Windows);
        db.Staff.AddRange(data.Staff);
        await db.SaveChangesAsync(ct);

        // One hash for all demo accounts: hashing ~100 passwords would slow every first start.
        var hash = hasher.HashPassword(new AppUser(), DemoPassword);
        foreach (var staff in data.Staff)
        {
            var roles = RolesFor(staff);
            db.Users.Add(NewUser(staff.EmployeeNo, staff.Name, staff.Id, hash, roles));
        }
        db.Users.Add(NewUser(AdminUserName, "系统管理员", null, hash, [Roles.Admin]));
        await db.SaveChangesAsync(ct);
        db.AddRange(DemoDevices.Build(data.Windows, clock.GetUtcNow()));
        var queues = DemoQueues.Queues(data.Departments, data.Items);
        db.AddRange(queues);
        await db.SaveChangesAsync(ct);
        db.AddRange(DemoQueues.Routes(data.Windows, data.Departments, queues));
        db.AddRange(DemoQueues.Sessions(data.Windows, data.Staff, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await AttendanceDemoSeeder.SeedAsync(db, data.Staff, clock, ct);
        await RosterDemoSeeder.SeedAsync(db, data.Windows, data.Departments, data.Staff, data.Items, new Features.Common.CenterClock(clock, new ConfigurationBuilder().Build()).Today, ct);
        await AwardsDemoSeeder.SeedAsync(db, data.Windows, data.Staff, new Features.Common.CenterClock(clock, new ConfigurationBuilder().Build()).Today, ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Seeded the demo center: {Departments} departments, {Items} items, {Windows} windows, {Staff} staff.",
            data.Departments.Count, data.Items.Count, data.Windows.Count, data.Staff.Count);
        return true;
    }

    // Department staff work at windows; the center office (no department) manages the hall,
    // except its assessment (考核) and IT people.
    private static string[] RolesFor(Domain.People.Staff staff) => staff switch
    {
        { EmployeeNo: DemoCatalog.AdminEmployeeNo } => [Roles.Admin],
        { EmployeeNo: DemoCatalog.HrEmployeeNo } => [Roles.HR],
        { DepartmentId: null } when staff.Title.Contains("考核") => [Roles.HR],
        { DepartmentId: null } => [Roles.Manager],
        { IsChiefRepresentative: true } => [Roles.WindowStaff, Roles.ChiefRepresentative],
        _ => [Roles.WindowStaff],
    };

    internal static AppUser NewUser(string userName, string displayName, int? staffId, string hash, string[] roles) => new()
    {
        UserName = userName,
        NormalizedUserName = userName.ToUpperInvariant(),
        DisplayName = displayName,
        StaffId = staffId,
        PasswordHash = hash,
        Roles = roles.Select(Roles.Of).ToList(),
    };
}
