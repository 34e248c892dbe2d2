using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpsConsole.Auth.Devices;
using OpsConsole.Data.Seeding;
using OpsConsole.Features.Devices;
using OpsConsole.Realtime;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>Revoking a hall device stops its open page at once (issue 14, defect 9).</summary>
[Collection("browser")]
public sealed class DeviceRevocationTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    private T Service<T>() where T : notnull => fx.App.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    [Fact]
    public async Task ALobbyDisplayRevokedOnTheAdminPageLosesItsConnectionAndShowsDeviceStopped()
    {
        var admin = Service<DeviceAdmin>();
        var (registered, token) = await admin.RegisterAsync(new DeviceAdmin.NewDevice { Name = "待吊销的综合屏", Kind = DeviceKind.LobbyDisplay });
        Assert.True(registered.Succeeded, registered.Error);
        var id = (await admin.ListAsync()).Single(d => d.Name == "待吊销的综合屏").Id;
        var connections = fx.App.Services.GetRequiredService<DeviceConnections>();

        var display = await fx.NewPageAsync(1920, 1080);
        await display.GotoAsync(fx.BaseUrl + "/device/activate?token=" + token);
        await display.WaitForFunctionAsync("() => window.__lobby && window.__lobby.status.connected && window.__lobby.status.snapshots > 0");
        Assert.Equal(1, connections.OpenFor(id));

        var console = await fx.NewPageAsync();
        await console.SignInAsync(fx.BaseUrl, DemoSeeder.AdminUserName, DemoAccounts.Password);
        await console.GotoAsync(fx.BaseUrl + "/admin/devices");
        await console.WaitForCircuitAsync();
        await console.ClickAsync($"[data-testid=revoke-{id}]");

        await Assertions.Expect(display).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/device/stopped$"));
        await Assertions.Expect(display.Locator("[data-testid=device-stopped] h1")).ToHaveTextAsync("设备已停用");
        await Wait.UntilAsync(() => connections.OpenFor(id) == 0, () => "the revoked display's connection to close");
        // The hub refuses it from now on, and opening its page again shows the same screen: no JSON, no staff sign-in.
        Assert.Equal(401, await display.EvaluateAsync<int>("async () => (await fetch('/hubs/display/negotiate?negotiateVersion=1', { method: 'POST' })).status"));
        await display.GotoAsync(fx.BaseUrl + "/display/lobby");
        Assert.EndsWith("/device/stopped", display.Url);
        await display.GotoAsync(fx.BaseUrl + "/device/activate?token=" + token);
        Assert.EndsWith("/device/stopped", display.Url);
        await display.ScreenshotAsync("device-stopped");
        Assert.Equal(0, connections.OpenFor(id));

        await display.Context.CloseAsync();
        await console.Context.CloseAsync();
    }

    [Fact]
    public async Task ARevokedKioskPageShowsDeviceStoppedAtOnce()
    {
        var admin = Service<DeviceAdmin>();
        var (registered, token) = await admin.RegisterAsync(new DeviceAdmin.NewDevice { Name = "待吊销的取号机", Kind = DeviceKind.Kiosk });
        Assert.True(registered.Succeeded, registered.Error);
        var id = (await admin.ListAsync()).Single(d => d.Name == "待吊销的取号机").Id;

        var kiosk = await fx.NewPageAsync(1280, 1024);
        await kiosk.GotoAsync(fx.BaseUrl + "/device/activate?token=" + token);
        await kiosk.WaitForSelectorAsync("[data-testid=kiosk]");
        await kiosk.WaitForCircuitAsync();

        Assert.True((await admin.RevokeAsync(id)).Succeeded);

        await Assertions.Expect(kiosk).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/device/stopped$"));
        await Assertions.Expect(kiosk.Locator("[data-testid=device-stopped] h1")).ToHaveTextAsync("设备已停用");
        await kiosk.GotoAsync(fx.BaseUrl + "/kiosk");
        Assert.EndsWith("/device/stopped", kiosk.Url);
        await kiosk.Context.CloseAsync();
    }
}
