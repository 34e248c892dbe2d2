using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Auth;
using OpsConsole.Features.Queueing;

namespace OpsConsole.Data.Seeding;

/// <summary>The "Setup" section of configuration: what a first start may do outside Development.</summary>
public sealed class SetupOptions
{
    public const string Section = "Setup";

    /// <summary>
    /// Outside Development, allow the demo center (public demo passwords) and the demo ID-number salt (default false).
    /// run.sh sets it: a demo on one machine. A real center leaves it off.
    /// </summary>
    public bool AllowDemoDefaults { get; set; }

    /// <summary>The first admin's password (account <c>admin</c>), used once, when the database has no accounts and no demo is seeded.</summary>
    public string? AdminPassword { get; set; }
}

/// <summary>
/// Refuses start-up settings that would put public secrets into a real center (the demo accounts' password, the
/// demo salt), and creates the first admin with the operator's password on an empty database.
/// </summary>
public sealed class FirstStart(SetupOptions setup, DatabaseOptions database, Microsoft.Extensions.Options.IOptions<QueueingOptions> queueingOptions, IHostEnvironment environment,
    IDbContextFactory<OpsDbContext> dbFactory, IPasswordHasher<AppUser> hasher, ILogger<FirstStart> log)
{
    private const int MinPasswordLength = 8;

    /// <summary>Throws, naming the setting, when a demo default would reach a real center.</summary>
    public void CheckSettings()
    {
        if (environment.IsDevelopment() || setup.AllowDemoDefaults) return;
        if (database.SeedDemoData)
            throw new InvalidOperationException(
                "配置项 Database:SeedDemoData 为 true：演示中心的账号密码是公开的，非开发环境不填入。请设 Database:SeedDemoData=false 并用 Setup:AdminPassword 设置首个管理员密码；仅作演示时设 Setup:AllowDemoDefaults=true。" +
                " (Database:SeedDemoData is true outside Development: the demo accounts' password is public. Set Database:SeedDemoData=false and Setup:AdminPassword, or Setup:AllowDemoDefaults=true for a demo.)");
        var salt = queueingOptions.Value.IdNumberSalt;
        if (string.IsNullOrWhiteSpace(salt) || salt == QueueingOptions.DemoIdNumberSalt)
            throw new InvalidOperationException(
                "配置项 Queueing:IdNumberSalt 仍为演示默认值：请为本中心设置一个保密的值（设置后不要再改）；仅作演示时设 Setup:AllowDemoDefaults=true。" +
                " (Queueing:IdNumberSalt is the public demo default: set a secret of your own, or Setup:AllowDemoDefaults=true for a demo.)");
    }

    /// <summary>On a database with no accounts, creates <c>admin</c> with <see cref="SetupOptions.AdminPassword"/>; returns whether it did.</summary>
    public async Task<bool> CreateFirstAdminIfNoAccountsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Users.AnyAsync(ct)) return false;
        if (setup.AdminPassword is not { Length: >= MinPasswordLength } password)
            throw new InvalidOperationException(
                $"数据库中还没有任何账号：请用配置项 Setup:AdminPassword 设置首个管理员（admin）的密码（至少 {MinPasswordLength} 个字符）。" +
                $" (The database has no accounts: set Setup:AdminPassword, at least {MinPasswordLength} characters, for the first admin account 'admin'.)");
        db.Users.Add(DemoSeeder.NewUser(DemoSeeder.AdminUserName, "系统管理员", null, hasher.HashPassword(new AppUser(), password), [Roles.Admin]));
        await db.SaveChangesAsync(ct);
        log.LogInformation("Created the first admin account '{UserName}' from Setup:AdminPassword.", DemoSeeder.AdminUserName);
        return true;
    }
}
