using System.Net;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features;

/// <summary>Sign-in over HTTP through the real form: messages, lock-out, audit, headers.</summary>
public sealed class AuthTests(SqliteAppFixture fx) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public async Task WrongPasswordShowsAChineseMessageAndIsAudited()
    {
        var client = HttpSignIn.NewClient(fx.App);
        var response = await HttpSignIn.PostLoginAsync(client, "BJ0020", "not-the-password");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("工号或密码不正确", await response.Content.ReadAsStringAsync());

        await using var db = fx.App.CreateDbContext();
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == "SignInFailed" && a.Actor == "BJ0020"));
    }

    [Fact]
    public async Task FiveFailuresLockTheAccountEvenForTheRightPassword()
    {
        var client = HttpSignIn.NewClient(fx.App);
        for (var i = 0; i < 5; i++)
        {
            await HttpSignIn.PostLoginAsync(client, "BJ0021", "wrong-password-" + i);
        }
        var response = await HttpSignIn.PostLoginAsync(client, "BJ0021", DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("账号已锁定", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RightPasswordSignsInRedirectsHomeAndIsAudited()
    {
        var client = HttpSignIn.NewClient(fx.App);
        var response = await HttpSignIn.PostLoginAsync(client, "BJ0022", DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var cookie = string.Join(";", response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("OpsConsole.Auth", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        await using var db = fx.App.CreateDbContext();
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == "SignIn" && a.Actor == "BJ0022"));
    }

    [Fact]
    public async Task EmptyAndOverlongInputGetsAMessageNotAnError()
    {
        var client = HttpSignIn.NewClient(fx.App);
        var empty = await HttpSignIn.PostLoginAsync(client, "", "");
        Assert.Contains("请输入工号和密码", await empty.Content.ReadAsStringAsync());
        var longName = await HttpSignIn.PostLoginAsync(client, new string('x', 300), "whatever1");
        Assert.Contains("工号或密码过长", await longName.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task APostWithoutAntiforgeryTokenIsRejected()
    {
        var client = HttpSignIn.NewClient(fx.App);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.UserName"] = "BJ0023", ["Input.Password"] = DemoAccounts.Password,
        });
        var response = await client.PostAsync("/account/login", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ResponsesCarrySecurityHeaders()
    {
        var response = await HttpSignIn.NewClient(fx.App).GetAsync("/account/login");
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task AnonymousVisitorsAreSentToTheLoginPage()
    {
        var response = await HttpSignIn.NewClient(fx.App).GetAsync("/catalog/items");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/login", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task TheExtractedBlazorScriptIsServed()
    {
        var response = await HttpSignIn.NewClient(fx.App).GetAsync("/_framework/blazor.web.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Length > 100_000, $"blazor.web.js is {body.Length} characters");
        Assert.Contains("components-reconnect-modal", body);
    }
}
