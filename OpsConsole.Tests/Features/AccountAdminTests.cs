using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpsConsole.Auth;
using OpsConsole.Features.Accounts;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features;

public sealed class AccountAdminTests(SqliteAppFixture fx) : IClassFixture<SqliteAppFixture>
{
    private (AccountAdmin Admin, IServiceProvider Services) Scope()
    {
        var sp = fx.App.Services.CreateScope().ServiceProvider;
        return (sp.GetRequiredService<AccountAdmin>(), sp);
    }

    [Fact]
    public async Task CreatesStaffAndAccountTogetherAndTheNewAccountCanSignIn()
    {
        var (admin, _) = Scope();
        var result = await admin.CreateAsync(new AccountAdmin.NewAccount
        {
            EmployeeNo = "NEW001", Name = "新同事", Roles = [Roles.WindowStaff], Password = "a long passphrase",
        });
        Assert.True(result.Succeeded, result.Error);
        var response = await HttpSignIn.PostLoginAsync(HttpSignIn.NewClient(fx.App), "NEW001", "a long passphrase");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task ADuplicateEmployeeNumberIsRefusedAndNothingIsWritten()
    {
        var (admin, _) = Scope();
        await using var db = fx.App.CreateDbContext();
        var before = await db.Staff.CountAsync();
        var result = await admin.CreateAsync(new AccountAdmin.NewAccount
        {
            EmployeeNo = DemoAccounts.ByRole[Roles.WindowStaff], Name = "重复", Password = "another passphrase",
        });
        Assert.Equal("工号 {0} 已存在。", result.Error);
        Assert.Equal(before, await db.Staff.CountAsync());
    }

    [Theory]
    [InlineData("short", "密码至少需要 8 个字符。")]
    [InlineData("12345678", "该密码过于常见或与工号相同，请换一个更难猜的密码。")]
    [InlineData("password", "该密码过于常见或与工号相同，请换一个更难猜的密码。")]
    public async Task WeakPasswordsAreRefused(string password, string expected)
    {
        var (admin, _) = Scope();
        var result = await admin.CreateAsync(new AccountAdmin.NewAccount { EmployeeNo = "WEAK01", Name = "弱密码", Password = password });
        Assert.Equal(expected, result.Error);
    }

    [Fact]
    public async Task ADisabledAccountCannotSignInAndItsSessionsFailRevalidation()
    {
        var (admin, sp) = Scope();
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var signIn = sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        var user = (await users.FindByNameAsync("BJ0010"))!;
        var principal = await signIn.CreateAsync(user);
        Assert.True(await sp.GetRequiredService<SessionValidator>().IsStillValidAsync(principal));

        var result = await admin.SetDisabledAsync(user.Id, disabled: true, actingUserName: "admin");

        Assert.True(result.Succeeded, result.Error);
        Assert.False(await sp.GetRequiredService<SessionValidator>().IsStillValidAsync(principal));
        var response = await HttpSignIn.PostLoginAsync(HttpSignIn.NewClient(fx.App), "BJ0010", DemoAccounts.Password);
        Assert.Contains("该账号已停用", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnAdminCannotDisableTheirOwnAccount()
    {
        var (admin, sp) = Scope();
        var me = (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("admin"))!;
        var result = await admin.SetDisabledAsync(me.Id, true, "admin");
        Assert.Equal("不能停用自己正在使用的账号。", result.Error);
    }

    [Fact]
    public async Task ResettingAPasswordInvalidatesOpenSessionsAndTheNewPasswordWorks()
    {
        var (admin, sp) = Scope();
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByNameAsync("BJ0011"))!;
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);

        Assert.True((await admin.ResetPasswordAsync(user.Id, "brand new secret")).Succeeded);

        Assert.False(await sp.GetRequiredService<SessionValidator>().IsStillValidAsync(principal));
        var response = await HttpSignIn.PostLoginAsync(HttpSignIn.NewClient(fx.App), "BJ0011", "brand new secret");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task ChangingRolesChangesWhatTheAccountMayDo()
    {
        var (admin, sp) = Scope();
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByNameAsync("BJ0012"))!;
        Assert.True((await admin.SetRolesAsync(user.Id, [Roles.WindowStaff, Roles.HR])).Succeeded);
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync((await users.FindByNameAsync("BJ0012"))!);
        Assert.Contains(principal.FindAll(ClaimTypes.Role), c => c.Value == Roles.HR);
        Assert.Equal("请至少选择一个角色。", (await admin.SetRolesAsync(user.Id, [])).Error);
    }
}
