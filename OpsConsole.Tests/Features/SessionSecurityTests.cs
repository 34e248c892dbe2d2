using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Auth;
using OpsConsole.Data;
using OpsConsole.Features.Accounts;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features;

/// <summary>The app with a clock the tests move past the cookie check interval (one minute).</summary>
public sealed class SessionSecurityFixture : IAsyncLifetime
{
    public TestClock Clock { get; } = TestClock.MondayMorning();
    public OpsApp App { get; private set; } = default!;
    private TestDatabase _db = default!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        App = new OpsApp(_db, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        _ = App.Server;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _db.DisposeAsync();
    }
}

/// <summary>
/// A staff cookie ends when the account is disabled, its password reset, or it signs out
/// everywhere: plain HTTP requests (exports, the staff directory) are refused within a minute,
/// as open pages are.
/// </summary>
public sealed partial class SessionSecurityTests(SessionSecurityFixture fx) : IClassFixture<SessionSecurityFixture>
{
    private static readonly string[] HrPaths = ["/staff", "/attendance/monthly/export.xlsx?month=2026-10", "/reports/daily/export.xlsx?from=2026-11-02&to=2026-11-06"];

    private async Task<(HttpClient Client, AppUser User)> SignedInAsync(string userName)
    {
        var client = await HttpSignIn.SignedInClientAsync(fx.App, userName, DemoAccounts.Password);
        foreach (var path in HrPaths)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {response.StatusCode} before the change");
        }
        using var scope = fx.App.Services.CreateScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName))!;
        return (client, user);
    }

    private async Task AssertRefusedEverywhereAsync(HttpClient client)
    {
        // Still inside the check interval: the cookie is not looked at again yet.
        fx.Clock.Advance(TimeSpan.FromSeconds(61));
        foreach (var path in HrPaths)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized,
                $"{path} answered {response.StatusCode} after the change");
            if (response.StatusCode == HttpStatusCode.Redirect) Assert.Contains("/account/login", response.Headers.Location!.ToString());
        }
    }

    private AccountAdmin Admin() => fx.App.Services.CreateScope().ServiceProvider.GetRequiredService<AccountAdmin>();

    [Fact]
    public async Task ADisabledAccountsCookieIsRefusedWithinAMinute()
    {
        var (client, user) = await SignedInAsync("BJ0004");
        Assert.True((await Admin().SetDisabledAsync(user.Id, true, "admin")).Succeeded);
        await AssertRefusedEverywhereAsync(client);
        Assert.True((await Admin().SetDisabledAsync(user.Id, false, "admin")).Succeeded);
    }

    [Fact]
    public async Task AResetPasswordEndsTheOldCookieWithinAMinute()
    {
        var (client, user) = await SignedInAsync("BJ0008");
        Assert.True((await Admin().ResetPasswordAsync(user.Id, "a fresh passphrase")).Succeeded);
        await AssertRefusedEverywhereAsync(client);
    }

    [Fact]
    public async Task SigningOutEverywhereEndsTheOtherBrowsersSessions()
    {
        var (other, _) = await SignedInAsync("BJ0003");
        var (client, _) = await SignedInAsync("BJ0003");
        var home = await client.GetStringAsync("/");
        var form = home.IndexOf("action=\"/account/logout-everywhere\"", StringComparison.Ordinal);
        Assert.True(form >= 0, "the shell has a sign-out-everywhere form");
        var token = AntiforgeryValue().Match(home, form);
        Assert.True(token.Success, "the form carries an antiforgery token");
        var response = await client.PostAsync("/account/logout-everywhere", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await AssertRefusedEverywhereAsync(other);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryValue();
}
