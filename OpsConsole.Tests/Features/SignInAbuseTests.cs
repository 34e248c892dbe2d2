using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Auth;
using OpsConsole.Data;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features;

/// <summary>
/// What an outside tester tried on the sign-in page: redirects to other sites, guessing across
/// accounts, locking an admin out, and learning an account's state from the message.
/// </summary>
public sealed class SignInAbuseTests(SignInAbuseTests.Fixture fx) : IClassFixture<SignInAbuseTests.Fixture>
{
    /// <summary>The class's own app: its tests fail many sign-ins from one (test) address, which the address limit would stop.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public TestDatabase Db { get; private set; } = default!;
        public OpsApp App { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            Db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            App = new OpsApp(Db) { Settings = new Dictionary<string, string> { ["Auth:SignIn:FailuresPerAddress"] = "1000" } };
            _ = App.Server;
        }

        public async Task DisposeAsync()
        {
            await App.DisposeAsync();
            await Db.DisposeAsync();
        }
    }

    private const string Wrong = "not-the-password-1";

    [Theory]
    [InlineData("/%5Cexample.com")]
    [InlineData("/%09/example.com")]
    [InlineData("/%5C%5Cexample.com")]
    [InlineData("//example.com")]
    [InlineData("%2F%2Fexample.com")]
    [InlineData("https://example.com/")]
    [InlineData("/%0D%0A/example.com")]
    public async Task SignInNeverRedirectsToAnotherSite(string returnUrl)
    {
        var client = HttpSignIn.NewClient(fx.App);
        var response = await HttpSignIn.PostLoginAsync(client, "BJ0031", DemoAccounts.Password, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignInReturnsToAPageOfThisSite()
    {
        var client = HttpSignIn.NewClient(fx.App);
        var response = await HttpSignIn.PostLoginAsync(client, "BJ0031", DemoAccounts.Password, "%2Fattendance%2Fmy%3Fmonth%3D2026-11");
        Assert.Equal("/attendance/my?month=2026-11", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("//x")]
    [InlineData("/%5Cexample.com")]
    [InlineData("https://example.com")]
    [InlineData("")]
    public async Task TheCultureSwitchStaysOnThisSite(string redirectUri)
    {
        var response = await HttpSignIn.NewClient(fx.App).GetAsync("/culture/set?culture=en-US&redirectUri=" + redirectUri);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ADisabledAccountIsNamedOnlyAfterItsPasswordIsRight()
    {
        await SetDisabledAsync("BJ0032", true);
        var client = HttpSignIn.NewClient(fx.App);

        var wrong = await (await HttpSignIn.PostLoginAsync(client, "BJ0032", Wrong)).Content.ReadAsStringAsync();
        Assert.Contains("工号或密码不正确", wrong);
        Assert.DoesNotContain("停用", wrong);

        var right = await (await HttpSignIn.PostLoginAsync(client, "BJ0032", DemoAccounts.Password)).Content.ReadAsStringAsync();
        Assert.Contains("该账号已停用", right);

        await using var db = fx.App.CreateDbContext();
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "SignInRefused" && a.Actor == "BJ0032"));
    }

    [Fact]
    public async Task ANameWithoutAnAccountAnswersLikeAnAccount()
    {
        var client = HttpSignIn.NewClient(fx.App);
        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await (await HttpSignIn.PostLoginAsync(client, "NOSUCH9", Wrong + i)).Content.ReadAsStringAsync());
        }
        Assert.All(answers.Take(4), a => Assert.Contains("工号或密码不正确", a));
        Assert.Contains("账号已锁定", answers[4]);

        // The same sequence on a real account gives the same answers.
        var real = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            real.Add(await (await HttpSignIn.PostLoginAsync(client, "BJ0033", Wrong + i)).Content.ReadAsStringAsync());
        }
        Assert.All(real.Take(4), a => Assert.Contains("工号或密码不正确", a));
        Assert.Contains("账号已锁定", real[4]);
    }

    [Fact]
    public async Task StrangersCannotLockAPersonOutOfTheBrowserTheyUse()
    {
        var own = HttpSignIn.NewClient(fx.App);
        Assert.Equal(HttpStatusCode.Redirect, (await HttpSignIn.PostLoginAsync(own, "admin", DemoAccounts.Password)).StatusCode);

        // Someone elsewhere guesses five times: the account is locked for every browser it never used.
        var stranger = HttpSignIn.NewClient(fx.App);
        for (var i = 0; i < 5; i++) await HttpSignIn.PostLoginAsync(stranger, "admin", Wrong + i);
        Assert.Contains("账号已锁定", await (await HttpSignIn.PostLoginAsync(stranger, "admin", DemoAccounts.Password)).Content.ReadAsStringAsync());
        Assert.Contains("账号已锁定", await (await HttpSignIn.PostLoginAsync(HttpSignIn.NewClient(fx.App), "admin", DemoAccounts.Password)).Content.ReadAsStringAsync());

        // The admin's own browser still signs in.
        var again = await HttpSignIn.PostLoginAsync(own, "admin", DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await using var db = fx.App.CreateDbContext();
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == "SignIn" && a.Actor == "admin" && a.Details.Contains("trustedBrowser")));
    }

    [Fact]
    public async Task ATrustedBrowserThatGuessesLosesItsTrust()
    {
        var own = HttpSignIn.NewClient(fx.App);
        Assert.Equal(HttpStatusCode.Redirect, (await HttpSignIn.PostLoginAsync(own, "BJ0034", DemoAccounts.Password)).StatusCode);
        var stranger = HttpSignIn.NewClient(fx.App);
        for (var i = 0; i < 5; i++) await HttpSignIn.PostLoginAsync(stranger, "BJ0034", Wrong + i);

        for (var i = 0; i < 5; i++)
        {
            Assert.Contains("工号或密码不正确", await (await HttpSignIn.PostLoginAsync(own, "BJ0034", Wrong + i)).Content.ReadAsStringAsync());
        }
        Assert.Contains("账号已锁定", await (await HttpSignIn.PostLoginAsync(own, "BJ0034", DemoAccounts.Password)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AResetPasswordEndsTheBrowsersTrust()
    {
        var own = HttpSignIn.NewClient(fx.App);
        Assert.Equal(HttpStatusCode.Redirect, (await HttpSignIn.PostLoginAsync(own, "BJ0035", DemoAccounts.Password)).StatusCode);
        await using (var scope = fx.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByNameAsync("BJ0035"))!);
        }
        var stranger = HttpSignIn.NewClient(fx.App);
        for (var i = 0; i < 5; i++) await HttpSignIn.PostLoginAsync(stranger, "BJ0035", Wrong + i);
        Assert.Contains("账号已锁定", await (await HttpSignIn.PostLoginAsync(own, "BJ0035", DemoAccounts.Password)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GuessingAcrossAccountsFromOneAddressIsSlowedDown()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db) { Settings = new Dictionary<string, string> { ["Auth:SignIn:FailuresPerAddress"] = "3" } };
        var client = HttpSignIn.NewClient(app);
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains("工号或密码不正确", await (await HttpSignIn.PostLoginAsync(client, $"BJ004{i}", Wrong)).Content.ReadAsStringAsync());
        }
        // The fourth try is refused before any password is checked, even a right one, and it is audited.
        var refused = await HttpSignIn.PostLoginAsync(client, "BJ0045", DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("这台电脑登录失败次数过多", await refused.Content.ReadAsStringAsync());
        await using var ctx = app.CreateDbContext();
        Assert.True(await ctx.AuditLog.AnyAsync(a => a.Action == "SignInThrottled" && a.Actor == "BJ0045"));
        Assert.False(await ctx.AuditLog.AnyAsync(a => a.Action == "SignIn" && a.Actor == "BJ0045"));
    }

    private async Task SetDisabledAsync(string userName, bool disabled)
    {
        await using var scope = fx.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        user.IsDisabled = disabled;
        await users.UpdateAsync(user);
    }
}
