using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Auth;
using OpsConsole.Components.Layout;

namespace OpsConsole.Tests.Components;

/// <summary>The navigation: links by role (the same policies as the pages), and the current page's link marked.</summary>
public sealed class NavMenuTests(ComponentAppFixture fx) : IClassFixture<ComponentAppFixture>
{
    private static List<string> Links(IRenderedComponent<NavMenu> nav) =>
        nav.FindAll("a.app-nav-link").Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public async Task AManagerSeesTheCentersPagesAndNotHrsOrTheAdministrators()
    {
        using var culture = new CultureScope("zh-CN");
        await using var ctx = fx.NewContext(out var scope, "BJ0003", authorize: a => a.SetRoles(Roles.Manager).SetPolicies(Policies.Manager, Policies.Staff));
        using var _ = scope;

        var nav = ctx.Render<NavMenu>();

        var links = Links(nav);
        Assert.Contains("monitor", links);
        Assert.Contains("supervision/complaints", links);
        Assert.Contains("attendance/me", links);
        Assert.DoesNotContain("attendance/monthly", links);
        Assert.DoesNotContain("admin/accounts", links);
        Assert.DoesNotContain("counter", links);
        Assert.DoesNotContain("assessment/department", links);
        Assert.Equal(["中心管理", "监督考评", "考勤"], nav.FindAll(".nav-section").Select(s => s.TextContent));
    }

    [Fact]
    public async Task WindowStaffSeeTheCounterAndAChiefTheirDepartmentsAssessment()
    {
        using var culture = new CultureScope("zh-CN");
        await using var ctx = fx.NewContext(out var scope, "BJ0002",
            authorize: a => a.SetRoles(Roles.ChiefRepresentative).SetPolicies(Policies.Counter, Policies.ChiefRepresentative, Policies.Staff));
        using var _ = scope;

        var links = Links(ctx.Render<NavMenu>());

        Assert.Equal(["", "appointments", "counter", "cases/mine", "department", "cases/department", "my/ratings", "attendance/me", "assessment/me", "assessment/department"], links);
    }

    [Fact]
    public async Task NobodySignedInSeesNoLinks()
    {
        await using var ctx = fx.NewContext(out var scope, authorize: _ => { });
        using var _ = scope;

        Assert.Empty(Links(ctx.Render<NavMenu>()));
    }

    [Fact]
    public async Task TheCurrentPagesLinkIsMarkedAndFollowsNavigation()
    {
        using var culture = new CultureScope("zh-CN");
        await using var ctx = fx.NewContext(out var scope, "BJ0003", authorize: a => a.SetPolicies(Policies.Manager));
        using var _ = scope;
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("awards/ballot?round=3");

        var nav = ctx.Render<NavMenu>();
        string[] Active() => nav.FindAll("a.active").Select(a => a.GetAttribute("href")!).ToArray();

        // 评先树优 (awards) is matched exactly: it is not lit for its sub-pages.
        Assert.Equal(["awards/ballot"], Active());
        Assert.Equal("page", nav.Find("a.active").GetAttribute("aria-current"));

        // Only the closest link is lit: 电子监察 (supervision) is a parent of 投诉管理's address, not the page shown.
        navigation.NavigateTo("supervision/complaints");
        nav.WaitForAssertion(() => Assert.Equal(["supervision/complaints"], Active()));
        navigation.NavigateTo("supervision/inspections/12");
        nav.WaitForAssertion(() => Assert.Equal(["supervision/inspections"], Active()));
        navigation.NavigateTo("supervision");
        nav.WaitForAssertion(() => Assert.Equal(["supervision"], Active()));

        navigation.NavigateTo("");
        nav.WaitForAssertion(() => Assert.Equal([""], Active()));
    }
}
