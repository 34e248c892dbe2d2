using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Auth;
using OpsConsole.Data;
using OpsConsole.Features.Accounts;
using OpsConsole.Tests.Infrastructure;
using OtpNet;

namespace OpsConsole.Tests.Features;

/// <summary>The app with a clock the tests move from one 30-second code to the next; admins and HR need a second factor.</summary>
public sealed class TwoFactorFixture : IAsyncLifetime
{
    public TestClock Clock { get; } = TestClock.MondayMorning();
    public OpsApp App { get; private set; } = default!;
    private TestDatabase _db = default!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        App = new OpsApp(_db, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)))
        {
            Settings = new Dictionary<string, string> { ["Auth:TwoFactor:RequiredRoles"] = "Admin,HR" },
        };
        _ = App.Server;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _db.DisposeAsync();
    }

    /// <summary>A new account of its own for each test (the fixture's database is shared).</summary>
    public async Task<string> NewAccountAsync(string employeeNo, string role)
    {
        using var scope = App.Services.CreateScope();
        var admin = scope.ServiceProvider.GetRequiredService<AccountAdmin>();
        var result = await admin.CreateAsync(new AccountAdmin.NewAccount
        {
            EmployeeNo = employeeNo, Name = "测试" + employeeNo, Roles = [role], Password = Password,
        });
        Assert.True(result.Succeeded, result.Error);
        // As if the person had already replaced the admin's password with their own (PasswordChangeTests cover that step).
        await using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContext();
        await db.Users.Where(u => u.UserName == employeeNo).ExecuteUpdateAsync(u => u.SetProperty(x => x.MustChangePassword, false));
        return employeeNo;
    }

    public const string Password = "hall-window-river-2026";

    /// <summary>The code an authenticator app would show now for the key on the enrolment page (Otp.NET, not our code).</summary>
    public string CodeNow(string key) =>
        new OtpNet.Totp(Base32Encoding.ToBytes(key.Replace(" ", "").ToUpperInvariant())).ComputeTotp(Clock.GetUtcNow().UtcDateTime);

    /// <summary>Moves to the next 30-second step, so that a new code is shown.</summary>
    public void NextCode() => Clock.Advance(TimeSpan.FromSeconds(30));
}

/// <summary>
/// The second factor (issue 14, ADR 0031): an authenticator app (TOTP) with recovery codes, required for
/// the roles configured (admins and HR by default) and optional for the rest; codes and recovery codes work
/// once; the key and the recovery codes are not readable in the database; lock-out applies to codes too.
/// </summary>
public sealed partial class TwoFactorTests(TwoFactorFixture fx) : IClassFixture<TwoFactorFixture>
{
    [Fact]
    public async Task An_HR_account_without_a_second_factor_enrols_before_it_reaches_any_page()
    {
        var name = await fx.NewAccountAsync("TF01", Roles.HR);
        var client = HttpSignIn.NewClient(fx.App);

        var login = await HttpSignIn.PostLoginAsync(client, name, TwoFactorFixture.Password, "%2Fstaff");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("/account/two-factor?ReturnUrl=%2Fstaff", login.Headers.Location!.OriginalString);

        // Half signed in: no page is reachable yet.
        var people = await client.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.Redirect, people.StatusCode);
        Assert.StartsWith("/account/login", people.Headers.Location!.AbsolutePath);

        var key = await EnrolmentKeyAsync(client, "/account/two-factor?ReturnUrl=%2Fstaff");
        var wrong = await HttpSignIn.PostFormAsync(client, "/account/two-factor?ReturnUrl=%2Fstaff", "enrol", new Dictionary<string, string> { ["Enrol.Code"] = "000000" == fx.CodeNow(key) ? "111111" : "000000" });
        Assert.Contains("验证码不正确或已使用", await wrong.Content.ReadAsStringAsync());

        var enrolled = await HttpSignIn.PostFormAsync(client, "/account/two-factor?ReturnUrl=%2Fstaff", "enrol", new Dictionary<string, string> { ["Enrol.Code"] = fx.CodeNow(key) });
        var html = await enrolled.Content.ReadAsStringAsync();
        Assert.Contains("两步验证已启用", html);
        Assert.Equal(10, RecoveryCodes(html).Count);
        Assert.Contains("href=\"/staff\"", html);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff")).StatusCode);
        Assert.Contains(await AuditActionsAsync(name), a => a == "TwoFactorEnabled");
    }

    [Fact]
    public async Task Once_enrolled_a_sign_in_takes_a_code_and_a_code_works_only_once()
    {
        var name = await fx.NewAccountAsync("TF02", Roles.Admin);
        var (key, _) = await EnrolAsync(name);

        // The code just used to enrol is refused, though it is still on the phone's screen (ASVS 6.5.1).
        var client = await PasswordStepAsync(name);
        var replay = await CodeStepAsync(client, fx.CodeNow(key));
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("验证码不正确或已使用", await replay.Content.ReadAsStringAsync());

        fx.NextCode();
        var code = fx.CodeNow(key);
        var ok = await CodeStepAsync(client, code);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal("/admin/accounts", ok.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/accounts")).StatusCode);

        // The same code in another browser within its 30 seconds: refused.
        var other = await PasswordStepAsync(name);
        Assert.Contains("验证码不正确或已使用", await (await CodeStepAsync(other, code)).Content.ReadAsStringAsync());

        // A code two steps old (a minute) and one from the next step are refused (30-second codes; ASVS 6.5.5).
        fx.NextCode();
        var past = new OtpNet.Totp(Base32Encoding.ToBytes(key.Replace(" ", "").ToUpperInvariant())).ComputeTotp(fx.Clock.GetUtcNow().UtcDateTime.AddSeconds(-60));
        var future = new OtpNet.Totp(Base32Encoding.ToBytes(key.Replace(" ", "").ToUpperInvariant())).ComputeTotp(fx.Clock.GetUtcNow().UtcDateTime.AddSeconds(30));
        Assert.Contains("验证码不正确或已使用", await (await CodeStepAsync(other, past)).Content.ReadAsStringAsync());
        Assert.Contains("验证码不正确或已使用", await (await CodeStepAsync(other, future)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var name = await fx.NewAccountAsync("TF03", Roles.HR);
        var (_, codes) = await EnrolAsync(name);

        var client = await PasswordStepAsync(name);
        var ok = await RecoveryStepAsync(client, codes[3]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/accounts".Replace("/admin/accounts", "/staff"))).StatusCode);

        var again = await PasswordStepAsync(name);
        var refused = await RecoveryStepAsync(again, codes[3]);
        Assert.Contains("恢复码不正确或已用过", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await RecoveryStepAsync(again, codes[4])).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_account_and_then_the_right_code_is_refused_too()
    {
        var name = await fx.NewAccountAsync("TF04", Roles.Admin);
        var (key, _) = await EnrolAsync(name);
        fx.NextCode();
        var client = await PasswordStepAsync(name);
        var right = fx.CodeNow(key);
        var wrong = right == "123456" ? "654321" : "123456";
        for (var i = 0; i < 5; i++) await CodeStepAsync(client, wrong);
        var locked = await CodeStepAsync(client, right);
        Assert.Contains("账号已锁定", await locked.Content.ReadAsStringAsync());

        // A right password in between does not give more guesses: its failure count is not reset by the password.
        Assert.Contains("账号已锁定", await (await HttpSignIn.PostLoginAsync(HttpSignIn.NewClient(fx.App), name, TwoFactorFixture.Password)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_key_and_the_recovery_codes_cannot_be_read_from_the_database_or_the_audit_log()
    {
        var name = await fx.NewAccountAsync("TF05", Roles.HR);
        var (key, codes) = await EnrolAsync(name);
        var plainKey = key.Replace(" ", "").ToUpperInvariant();

        await using var db = fx.App.Services.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.UserName == name);
        var tokens = await db.UserTokens.Where(t => t.UserId == user.Id).ToListAsync();
        var stored = string.Join("\n", tokens.Select(t => t.Value));
        Assert.Contains(tokens, t => t.Name == "AuthenticatorKey");
        Assert.Contains(tokens, t => t.Name == "RecoveryCodes");
        Assert.DoesNotContain(plainKey, stored, StringComparison.OrdinalIgnoreCase);
        Assert.All(codes, c => Assert.DoesNotContain(c, stored));
        // Salted: ten entries, each with its own salt.
        var entries = tokens.Single(t => t.Name == "RecoveryCodes").Value!.Split(';');
        Assert.Equal(10, entries.Select(e => e.Split(':')[0]).Distinct().Count());

        var audit = string.Join("\n", await db.AuditLog.Select(a => a.Details).ToListAsync());
        Assert.DoesNotContain(plainKey, audit, StringComparison.OrdinalIgnoreCase);
        Assert.All(codes, c => Assert.DoesNotContain(c, audit));
    }

    [Fact]
    public async Task Window_staff_sign_in_with_a_password_and_may_enrol_and_leave_again_while_HR_may_not_leave()
    {
        var staff = await fx.NewAccountAsync("TF06", Roles.WindowStaff);
        var client = HttpSignIn.NewClient(fx.App);
        var login = await HttpSignIn.PostLoginAsync(client, staff, TwoFactorFixture.Password);
        Assert.Equal("/", login.Headers.Location!.OriginalString);

        var key = await EnrolmentKeyAsync(client, "/account/two-factor");
        var enrolled = await HttpSignIn.PostFormAsync(client, "/account/two-factor", "enrol", new Dictionary<string, string> { ["Enrol.Code"] = fx.CodeNow(key) });
        Assert.Contains("两步验证已启用", await enrolled.Content.ReadAsStringAsync());
        fx.NextCode();
        var off = await HttpSignIn.PostFormAsync(client, "/account/two-factor", "disable", new Dictionary<string, string> { ["Off.Code"] = fx.CodeNow(key) });
        Assert.Contains("enrol-code", await off.Content.ReadAsStringAsync());
        Assert.Equal("/", (await HttpSignIn.PostLoginAsync(HttpSignIn.NewClient(fx.App), staff, TwoFactorFixture.Password)).Headers.Location!.OriginalString);

        var hr = await fx.NewAccountAsync("TF07", Roles.HR);
        var (hrKey, _, hrClient) = await EnrolSignedInAsync(hr);
        fx.NextCode();
        var page = await hrClient.GetStringAsync("/account/two-factor");
        Assert.Contains("两步验证已启用", page);
        Assert.DoesNotContain("data-testid=\"disable-two-factor\"", page);
        Assert.Contains("您的角色必须使用两步验证，不能停用。", page);
        // A forged post of the form the page does not show is refused, and the second factor stays.
        var forged = await HttpSignIn.PostFormAsync(hrClient, "/account/two-factor", "disable", new Dictionary<string, string> { ["Off.Code"] = fx.CodeNow(hrKey) });
        Assert.NotEqual(HttpStatusCode.OK, forged.StatusCode);
        using var scope = fx.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.GetTwoFactorEnabledAsync((await users.FindByNameAsync(hr))!));
    }

    [Fact]
    public async Task An_admin_resets_a_lost_second_factor_and_the_person_enrols_again_at_the_next_sign_in()
    {
        var name = await fx.NewAccountAsync("TF08", Roles.HR);
        await EnrolAsync(name);
        using (var scope = fx.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByNameAsync(name);
            var result = await scope.ServiceProvider.GetRequiredService<AccountAdmin>().ResetTwoFactorAsync(user!.Id, "admin");
            Assert.True(result.Succeeded, result.Error);
            // Resetting the password keeps the second factor (ASVS 6.4.3); only this reset removes it.
        }
        var login = await HttpSignIn.PostLoginAsync(HttpSignIn.NewClient(fx.App), name, TwoFactorFixture.Password);
        Assert.StartsWith("/account/two-factor", login.Headers.Location!.OriginalString);
        Assert.Contains(await AuditActionsAsync(name), a => a == "TwoFactorReset");
    }

    [Fact]
    public async Task A_password_reset_by_an_admin_keeps_the_second_factor()
    {
        var name = await fx.NewAccountAsync("TF09", Roles.Admin);
        await EnrolAsync(name);
        using (var scope = fx.App.Services.CreateScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(name);
            var result = await scope.ServiceProvider.GetRequiredService<AccountAdmin>().ResetPasswordAsync(user!.Id, "another-long-passphrase-9");
            Assert.True(result.Succeeded, result.Error);
        }
        // The admin knows that password: the person sets their own first (ASVS 6.4.1), then gives the code (6.4.3).
        var client = HttpSignIn.NewClient(fx.App);
        var login = await HttpSignIn.PostLoginAsync(client, name, "another-long-passphrase-9", "%2Fstaff");
        Assert.StartsWith("/account/password?ReturnUrl=%2Fstaff", login.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/staff")).StatusCode);
        var changed = await HttpSignIn.PostFormAsync(client, "/account/password?ReturnUrl=%2Fstaff", "password", new Dictionary<string, string>
        {
            ["Input.Current"] = "another-long-passphrase-9", ["Input.Next"] = "my own words for the hall", ["Input.Confirm"] = "my own words for the hall",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.StartsWith("/account/login/two-factor?ReturnUrl=%2Fstaff", changed.Headers.Location!.OriginalString);
        Assert.StartsWith("/account/login/two-factor", (await HttpSignIn.PostLoginAsync(HttpSignIn.NewClient(fx.App), name, "my own words for the hall")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_new_account_sets_its_own_password_at_its_first_sign_in_and_then_works()
    {
        using (var scope = fx.App.Services.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<AccountAdmin>().CreateAsync(new AccountAdmin.NewAccount
            {
                EmployeeNo = "TF10", Name = "新同事", Roles = [Roles.WindowStaff], Password = "chosen by the admin 1",
            });
            Assert.True(result.Succeeded, result.Error);
        }
        var client = HttpSignIn.NewClient(fx.App);
        var login = await HttpSignIn.PostLoginAsync(client, "TF10", "chosen by the admin 1");
        Assert.StartsWith("/account/password", login.Headers.Location!.OriginalString);
        Assert.Contains("您的密码由管理员设置", await client.GetStringAsync(login.Headers.Location!.OriginalString));

        var same = await HttpSignIn.PostFormAsync(client, "/account/password?ReturnUrl=%2F", "password", new Dictionary<string, string>
        {
            ["Input.Current"] = "chosen by the admin 1", ["Input.Next"] = "chosen by the admin 1", ["Input.Confirm"] = "chosen by the admin 1",
        });
        Assert.Contains("新密码不能与当前密码相同。", await same.Content.ReadAsStringAsync());
        var done = await HttpSignIn.PostFormAsync(client, "/account/password?ReturnUrl=%2F", "password", new Dictionary<string, string>
        {
            ["Input.Current"] = "chosen by the admin 1", ["Input.Next"] = "only I know this one", ["Input.Confirm"] = "only I know this one",
        });
        Assert.Equal("/", done.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/attendance/me")).StatusCode);
        Assert.Equal("/", (await HttpSignIn.PostLoginAsync(HttpSignIn.NewClient(fx.App), "TF10", "only I know this one")).Headers.Location!.OriginalString);
    }

    // --- steps -------------------------------------------------------------------------------

    private async Task<(string Key, IReadOnlyList<string> Codes)> EnrolAsync(string name)
    {
        var (key, codes, _) = await EnrolSignedInAsync(name);
        return (key, codes);
    }

    private async Task<(string Key, IReadOnlyList<string> Codes, HttpClient Client)> EnrolSignedInAsync(string name)
    {
        var client = HttpSignIn.NewClient(fx.App);
        var (key, codes) = await EnrolWithAsync(client, name);
        return (key, codes, client);
    }

    private async Task<(string Key, IReadOnlyList<string> Codes)> EnrolWithAsync(HttpClient client, string name)
    {
        var login = await HttpSignIn.PostLoginAsync(client, name, TwoFactorFixture.Password);
        var url = login.Headers.Location!.OriginalString;
        if (!url.StartsWith("/account/two-factor")) url = "/account/two-factor";
        var key = await EnrolmentKeyAsync(client, url);
        var page = await (await HttpSignIn.PostFormAsync(client, url, "enrol", new Dictionary<string, string> { ["Enrol.Code"] = fx.CodeNow(key) })).Content.ReadAsStringAsync();
        var codes = RecoveryCodes(page);
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    private async Task<HttpClient> PasswordStepAsync(string name)
    {
        var client = HttpSignIn.NewClient(fx.App);
        var login = await HttpSignIn.PostLoginAsync(client, name, TwoFactorFixture.Password, "%2Fadmin%2Faccounts");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("/account/login/two-factor", login.Headers.Location!.OriginalString);
        return client;
    }

    private static Task<HttpResponseMessage> CodeStepAsync(HttpClient client, string code) =>
        HttpSignIn.PostFormAsync(client, "/account/login/two-factor?ReturnUrl=%2Fadmin%2Faccounts", "two-factor", new Dictionary<string, string> { ["Input.Code"] = code });

    private static Task<HttpResponseMessage> RecoveryStepAsync(HttpClient client, string code) =>
        HttpSignIn.PostFormAsync(client, "/account/login/two-factor?ReturnUrl=%2Fstaff&recovery=true", "two-factor", new Dictionary<string, string> { ["Input.Code"] = code });

    private static async Task<string> EnrolmentKeyAsync(HttpClient client, string url)
    {
        var page = await client.GetStringAsync(url);
        var match = KeyField().Match(page);
        Assert.True(match.Success, "the enrolment page shows the key");
        return match.Groups[1].Value;
    }

    private static List<string> RecoveryCodes(string html) => [.. RecoveryCode().Matches(html).Select(m => m.Groups[1].Value)];

    private async Task<List<string>> AuditActionsAsync(string name)
    {
        await using var db = fx.App.Services.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContext();
        return await db.AuditLog.Where(a => a.Actor == name).Select(a => a.Action).ToListAsync();
    }

    [GeneratedRegex("data-testid=\"authenticator-key\">([a-z2-7 ]+)<")]
    private static partial Regex KeyField();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();
}
