using System.Net;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Data.Seeding;
using OpsConsole.Domain.Catalog;
using OpsConsole.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace OpsConsole.Tests.Features;

/// <summary>First start on an empty database: migrate, seed the demo center, answer /health.</summary>
public sealed class StartupTests
{
    [Fact]
    public Task SqliteStartsMigratesSeedsAndIsHealthy() => StartAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task PostgresStartsMigratesSeedsAndIsHealthy() => StartAsync(DatabaseProvider.Postgres);

    private static async Task StartAsync(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = new OpsApp(db);
        var client = app.CreateClient();

        var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());

        await using var ctx = app.CreateDbContext();
        var departments = await ctx.Departments.Select(d => d.Name).ToListAsync();
        Assert.True(departments.Count >= 12, $"{departments.Count} departments");
        foreach (var key in new[] { "不动产登记", "出入境", "社会保险", "医疗保障", "公积金", "市场监督", "税务", "车辆管理", "住房和城乡建设", "民政", "人力资源", "卫生健康" })
        {
            Assert.Contains(departments, d => d.Contains(key, StringComparison.Ordinal));
        }
        Assert.True(await ctx.ServiceItems.CountAsync() >= 60);
        Assert.True(await ctx.Windows.CountAsync() >= 40);
        Assert.True(await ctx.Staff.CountAsync() >= 80);
        var types = await ctx.Windows.Select(w => w.Type).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<WindowType>().Length, types.Count);
        var item = await ctx.ServiceItems.OrderBy(i => i.Id).FirstAsync();
        Assert.True(item.Materials.Count >= 2 && item.ProcessSteps.Count >= 3, "guide content is loaded with the item");

        // Seeding never touches a database that already has data.
        var staffBefore = await ctx.Staff.CountAsync();
        using var scope = app.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync());
        Assert.Equal(staffBefore, await ctx.Staff.CountAsync());
    }

    [Fact]
    public async Task SecondStartOnTheSameFileKeepsItsData()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var first = new OpsApp(db))
        {
            _ = first.Server;
            await using var ctx = first.CreateDbContext();
            var w = await ctx.Windows.OrderBy(x => x.Number).FirstAsync();
            w.Name = "改过名的窗口";
            await ctx.SaveChangesAsync();
        }
        await using var second = new OpsApp(db);
        _ = second.Server;
        await using var ctx2 = second.CreateDbContext();
        Assert.Equal("改过名的窗口", (await ctx2.Windows.OrderBy(x => x.Number).FirstAsync()).Name);
    }

    [Fact]
    public async Task AnUnknownProviderStopsStartupNamingTheSetting()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db).WithWebHostBuilder(b => b.UseSetting("Database:Provider", "Oracle"));
        var ex = Assert.ThrowsAny<Exception>(() => app.Server);
        var message = ex.ToString();
        Assert.Contains("Database:Provider", message);
        Assert.Contains("Oracle", message);
        Assert.DoesNotContain("   at ", message); // a message for the operator, not a stack trace
    }

    private static OpsApp Production(TestDatabase db, params (string Key, string Value)[] settings) => new(db)
    {
        Settings = new Dictionary<string, string>(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))) { ["Setup:AllowDemoDefaults"] = "false" },
    };

    [Fact]
    public async Task OutsideDevelopmentTheDemoSeedStopsStartupNamingTheSetting()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = Production(db, ("Queueing:IdNumberSalt", "a-secret-of-this-center"));
        var message = Assert.ThrowsAny<Exception>(() => app.Server).ToString();
        Assert.Contains("Database:SeedDemoData", message);
        Assert.Contains("Setup:AllowDemoDefaults", message);
    }

    [Fact]
    public async Task OutsideDevelopmentTheDemoSaltStopsStartupNamingTheSetting()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = Production(db, ("Database:SeedDemoData", "false"), ("Setup:AdminPassword", "first-admin-2026"));
        var message = Assert.ThrowsAny<Exception>(() => app.Server).ToString();
        Assert.Contains("Queueing:IdNumberSalt", message);
    }

    [Fact]
    public async Task AnEmptyProductionDatabaseNeedsTheFirstAdminsPasswordFromTheOperator()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var refused = Production(db, ("Database:SeedDemoData", "false"), ("Queueing:IdNumberSalt", "a-secret-of-this-center")))
        {
            Assert.Contains("Setup:AdminPassword", Assert.ThrowsAny<Exception>(() => refused.Server).ToString());
        }

        await using var app = Production(db, ("Database:SeedDemoData", "false"), ("Queueing:IdNumberSalt", "a-secret-of-this-center"),
            ("Setup:AdminPassword", "first-admin-2026"));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/health")).StatusCode);
        await using var ctx = app.CreateDbContext();
        Assert.False(await ctx.Centers.AnyAsync());
        var admin = await ctx.Users.Include(u => u.Roles).ThenInclude(r => r.Role).SingleAsync();
        Assert.Equal(DemoSeeder.AdminUserName, admin.UserName);
        Assert.Equal([OpsConsole.Auth.Roles.Admin], admin.Roles.Select(r => r.Role!.Name));
        var hasher = app.Services.GetRequiredService<Microsoft.AspNetCore.Identity.IPasswordHasher<OpsConsole.Auth.AppUser>>();
        Assert.NotEqual(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(admin, admin.PasswordHash!, "first-admin-2026"));
        Assert.Equal(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(admin, admin.PasswordHash!, DemoSeeder.DemoPassword));
    }
}
