using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Auth.Devices;
using OpsConsole.Data.Seeding;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features;

/// <summary>Hall devices authenticate with tokens, never staff cookies, and reach only device pages.</summary>
public sealed class DeviceAuthTests(SqliteAppFixture fx) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public async Task ActivationKeepsTheTokenInACookieAndOpensTheDevicePage()
    {
        var client = HttpSignIn.NewClient(fx.App);
        var activate = await client.GetAsync($"/device/activate?token={DemoDevices.ClockToken}");
        Assert.Equal(HttpStatusCode.Redirect, activate.StatusCode);
        Assert.Equal("/device", activate.Headers.Location?.OriginalString);
        Assert.Contains(activate.Headers.GetValues("Set-Cookie"), c => c.StartsWith(DeviceAuthenticationHandler.CookieName) && c.Contains("httponly"));

        var page = await client.GetAsync("/device");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("设备已激活", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ADeviceCannotOpenStaffPages()
    {
        var client = HttpSignIn.NewClient(fx.App);
        await client.GetAsync($"/device/activate?token={DemoDevices.KioskToken}");
        foreach (var url in new[] { "/", "/catalog/items", "/admin/accounts" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.Unauthorized,
                $"{url}: {(int)response.StatusCode}");
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task AnUnknownOrRevokedTokenIsRefusedWithAChineseProblem()
    {
        await using (var db = fx.App.CreateDbContext())
        {
            var device = await db.Set<Device>().SingleAsync(d => d.TokenHash == DeviceTokens.Hash("demo-clock-2"));
            device.RevokedAt = fx.App.Clock.GetUtcNow();
            await db.SaveChangesAsync();
        }
        foreach (var token in new[] { "no-such-token", "demo-clock-2" })
        {
            var client = HttpSignIn.NewClient(fx.App);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await client.GetAsync("/device");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("device_unauthorized", doc.RootElement.GetProperty("code").GetString());
            Assert.Contains("设备未授权", doc.RootElement.GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task AnApiCallWithoutATokenGetsAProblemNotAPage()
    {
        var response = await HttpSignIn.NewClient(fx.App).PostAsync("/api/attendance/punches",
            new StringContent("[]", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("device_unauthorized", doc.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task AStaffCookieOnADeviceApiIsTheDocumentedForbiddenProblem()
    {
        var staff = await HttpSignIn.SignedInClientAsync(fx.App, "BJ0004", DemoAccounts.Password);
        var response = await staff.PostAsync("/api/attendance/punches", new StringContent("[]", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("device_forbidden", doc.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task OnlyTheTokensHashIsStored()
    {
        await using var db = fx.App.CreateDbContext();
        var tokens = await db.Set<Device>().Select(d => d.TokenHash).ToListAsync();
        Assert.DoesNotContain(DemoDevices.KioskToken, tokens);
        Assert.Contains(DeviceTokens.Hash(DemoDevices.KioskToken), tokens);
    }
}

public sealed class DeviceAdminTests(SqliteAppFixture fx) : IClassFixture<SqliteAppFixture>
{
    private OpsConsole.Features.Devices.DeviceAdmin Admin() =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<OpsConsole.Features.Devices.DeviceAdmin>(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(fx.App.Services).ServiceProvider);

    [Fact]
    public async Task ARegisteredDeviceWorksWithItsTokenUntilRevoked()
    {
        var (result, token) = await Admin().RegisterAsync(new OpsConsole.Features.Devices.DeviceAdmin.NewDevice { Name = "2楼取号机", Kind = DeviceKind.Kiosk });
        Assert.True(result.Succeeded, result.Error);
        var client = HttpSignIn.NewClient(fx.App);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/device")).StatusCode);

        var id = (await Admin().ListAsync()).Single(d => d.Name == "2楼取号机").Id;
        Assert.True((await Admin().RevokeAsync(id)).Succeeded);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/device")).StatusCode);
    }

    [Fact]
    public async Task AWindowDeviceNeedsAWindowAndNamesAreUnique()
    {
        var (noWindow, _) = await Admin().RegisterAsync(new OpsConsole.Features.Devices.DeviceAdmin.NewDevice { Name = "评价器X", Kind = DeviceKind.Evaluator });
        Assert.Equal("窗口屏、评价器和叫号器必须绑定窗口。", noWindow.Error);
        var (duplicate, _) = await Admin().RegisterAsync(new OpsConsole.Features.Devices.DeviceAdmin.NewDevice { Name = "1楼取号机", Kind = DeviceKind.Kiosk });
        Assert.Equal("设备名称 {0} 已存在。", duplicate.Error);
    }
}
