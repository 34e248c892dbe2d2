using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using OpsConsole.Auth;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features;

/// <summary>
/// Every routable page × every role, against a table of who may open what. A new page that is
/// missing from the table fails <see cref="EveryRoutablePageIsInTheAccessTable"/>.
/// </summary>
public sealed class AccessTests(SqliteAppFixture fx) : IClassFixture<SqliteAppFixture>
{
    private const string Anyone = "anonymous";
    private const string DeviceOnly = "device";
    private static readonly string[] AllRoles = [.. Roles.All];
    private static readonly string[] ManagerRoles = [Roles.Manager, Roles.Admin];

    /// <summary>Route template → roles allowed (an empty array means anonymous access).</summary>
    private static readonly Dictionary<string, string[]> Table = new()
    {
        ["/"] = AllRoles,
        ["/account/login"] = [Anyone],
        ["/account/access-denied"] = [Anyone],
        ["/account/login/two-factor"] = [Anyone],
        ["/account/two-factor"] = [Anyone],
        ["/account/password"] = [Anyone],
        ["/not-found"] = [Anyone],
        ["/error"] = [Anyone],
        ["/catalog/departments"] = ManagerRoles,
        ["/catalog/items"] = ManagerRoles,
        ["/catalog/items/new"] = ManagerRoles,
        ["/catalog/items/{Id:int}"] = ManagerRoles,
        ["/catalog/windows"] = ManagerRoles,
        ["/catalog/queues"] = ManagerRoles,
        ["/monitor"] = ManagerRoles,
        ["/monitor/staffing"] = ManagerRoles,
        ["/windows/routes"] = ManagerRoles,
        ["/windows/skills"] = ManagerRoles,
        ["/windows/roster"] = ManagerRoles,
        ["/staff"] = [Roles.HR, Roles.Manager, Roles.Admin],
        ["/reports/daily"] = [Roles.HR, Roles.Manager, Roles.Admin],
        ["/wait"] = [Anyone],
        ["/admin/accounts"] = [Roles.Admin],
        ["/admin/audit"] = [Roles.Admin],
        ["/admin/devices"] = [Roles.Admin],
        ["/device"] = [DeviceOnly],
        ["/attendance/me"] = AllRoles,
        ["/attendance/monthly"] = [Roles.HR, Roles.Manager, Roles.Admin],
        ["/attendance/imports"] = [Roles.HR, Roles.Manager, Roles.Admin],
        ["/attendance/settings"] = [Roles.Admin],
        ["/display/lobby"] = [DeviceOnly],
        ["/display/window"] = [DeviceOnly],
        ["/evaluator"] = [DeviceOnly],
        ["/counter"] = [Roles.WindowStaff, Roles.ChiefRepresentative],
        ["/kiosk"] = [DeviceOnly],
        ["/t/{Code}"] = [Anyone],
        ["/device/stopped"] = [Anyone],
        ["/appointments"] = AllRoles,
        ["/green-channel"] = ManagerRoles,
        ["/assessment/me"] = AllRoles,
        ["/assessment/department"] = [Roles.ChiefRepresentative],
        ["/assessment/manage"] = [Roles.HR, Roles.Manager, Roles.Admin],
        ["/assessment/ranking"] = [Roles.HR, Roles.Manager, Roles.Admin],
        ["/assessment/scheme"] = [Roles.HR, Roles.Manager, Roles.Admin],
        ["/assessment/postings"] = [Roles.HR, Roles.Manager, Roles.Admin],
        ["/awards/certificates"] = ManagerRoles,
        ["/awards"] = ManagerRoles,
        ["/awards/ballot"] = ManagerRoles,
        ["/awards/rules"] = [Roles.HR, Roles.Manager, Roles.Admin],
        ["/awards/bulletins"] = [Roles.HR, Roles.Manager, Roles.Admin],
        ["/vote/{Code}"] = [Anyone],
        ["/guide/{Code}"] = [Anyone],
        ["/verify/{Code}"] = [Anyone],
        ["/cases/new"] = [Roles.WindowStaff, Roles.ChiefRepresentative],
        ["/cases/mine"] = [Roles.WindowStaff, Roles.ChiefRepresentative],
        ["/cases/department"] = [Roles.ChiefRepresentative],
        ["/department"] = [Roles.ChiefRepresentative],
        ["/cases/{Id:long}"] = AllRoles,
        ["/supervision"] = ManagerRoles,
        ["/supervision/rectifications"] = ManagerRoles,
        ["/supervision/complaints"] = ManagerRoles,
        ["/supervision/complaints/{Id:long}"] = ManagerRoles,
        ["/supervision/inspections"] = ManagerRoles,
        ["/supervision/commendations"] = ManagerRoles,
        ["/my/ratings"] = AllRoles,
    };

    public static IEnumerable<(string Template, Type Page)> RoutablePages() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (r.Template, t)));

    [Fact]
    public void EveryRoutablePageIsInTheAccessTable()
    {
        var missing = RoutablePages().Select(p => p.Template).Where(t => !Table.ContainsKey(t)).ToList();
        Assert.True(missing.Count == 0, "Pages without an access rule in AccessTests.Table: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryPageDeclaresItsAuthorization()
    {
        var undeclared = RoutablePages()
            .Where(p => p.Page.GetCustomAttribute<AuthorizeAttribute>() is null && p.Page.GetCustomAttribute<AllowAnonymousAttribute>() is null)
            .Select(p => p.Template).ToList();
        Assert.True(undeclared.Count == 0, "Pages with neither [Authorize] nor [AllowAnonymous]: " + string.Join(", ", undeclared));
    }

    public static TheoryData<string> Accounts() => new(DemoAccounts.ByRole.Keys);

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task EachRoleOpensExactlyThePagesTheTableAllows(string role)
    {
        var client = await HttpSignIn.SignedInClientAsync(fx.App, DemoAccounts.ByRole[role], DemoAccounts.Password);
        var failures = new List<string>();
        foreach (var (template, allowed) in Table)
        {
            if (allowed.Contains(Anyone)) continue;
            var url = template.Replace("{Id:int}", "1").Replace("{Id:long}", "1");
            var response = await client.GetAsync(url);
            var mayOpen = allowed.Contains(role);
            var opened = response.StatusCode == HttpStatusCode.OK;
            var refused = response.StatusCode == HttpStatusCode.Redirect
                && response.Headers.Location?.ToString().Contains("/account/access-denied") == true;
            if (mayOpen && !opened) failures.Add($"{url}: expected 200, got {(int)response.StatusCode} {response.Headers.Location}");
            if (!mayOpen && !refused) failures.Add($"{url}: expected a refusal, got {(int)response.StatusCode}");
        }
        Assert.True(failures.Count == 0, $"{role}:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task AnonymousPagesOpenWithoutSigningIn()
    {
        var client = HttpSignIn.NewClient(fx.App);
        foreach (var (template, allowed) in Table.Where(t => t.Value.Contains(Anyone)))
        {
            var response = await client.GetAsync(template);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{template}: {(int)response.StatusCode}");
        }
    }
}
