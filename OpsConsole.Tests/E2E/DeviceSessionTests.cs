using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using OpsConsole.Auth;
using OpsConsole.Auth.Devices;
using OpsConsole.Data.Seeding;
using OpsConsole.Features.Devices;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.E2E;

/// <summary>The app with open pages checked again every 200 ms instead of every minute.</summary>
public sealed class FastRevalidationFixture : BrowserFixture
{
    public TestClock Clock { get; } = TestClock.MondayMorning();

    protected override IReadOnlyDictionary<string, string> Settings =>
        new Dictionary<string, string> { ["Auth:RevalidationInterval"] = "00:00:00.200" };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
}

/// <summary>
/// Hall devices run for days: their pages outlive many revalidation periods (they used to fall to
/// the staff login page after the first), and a revoked device's page stops.
/// </summary>
[Collection("browser")]
public sealed class DeviceSessionTests(FastRevalidationFixture fx) : IClassFixture<FastRevalidationFixture>
{
    private async Task<IPage> DevicePageAsync(string token, string path)
    {
        var page = await fx.NewPageAsync(1280, 800);
        await page.GotoAsync(fx.BaseUrl + $"/device/activate?token={token}");
        Assert.EndsWith(path, page.Url);
        await page.WaitForCircuitAsync();
        return page;
    }

    [Fact]
    public async Task AKioskAndAnEvaluatorStayUpAcrossManyRevalidationsAndARevokedKioskStops()
    {
        using var checks = new RevalidationCounter(fx.App.Services.GetRequiredService<IMeterFactory>());
        var kiosk = await DevicePageAsync(DemoDevices.KioskToken, "/kiosk");
        await kiosk.ShowQueueTilesAsync();
        var evaluator = await DevicePageAsync("demo-eval-w1", "/evaluator");
        await evaluator.WaitForSelectorAsync("[data-testid=evaluator-idle]");

        // 25 device checks each (both pages are checked every 200 ms): 50 periods of one minute.
        await checks.WaitForAsync(device: true, valid: true, count: 50);
        Assert.Equal(0, checks.Count(device: true, valid: false));
        Assert.EndsWith("/kiosk", kiosk.Url);
        Assert.EndsWith("/evaluator", evaluator.Url);
        await Assertions.Expect(evaluator.Locator("[data-testid=evaluator-idle]")).ToBeVisibleAsync();
        // The kiosk still serves applicants: choosing a queue opens the keypad.
        await kiosk.ClickAsync("[data-testid=queue-tile][data-queue=BDC]");
        await kiosk.WaitForSelectorAsync("[data-testid=keypad]");

        await using (var db = fx.App.CreateDbContext())
        {
            var hash = DeviceTokens.Hash(DemoDevices.KioskToken);
            var id = await db.Set<Device>().Where(d => d.TokenHash == hash).Select(d => d.Id).SingleAsync();
            using var scope = fx.App.Services.CreateScope();
            Assert.True((await scope.ServiceProvider.GetRequiredService<DeviceAdmin>().RevokeAsync(id)).Succeeded);
        }
        // The revoked kiosk stops — at once through the hall's DeviceRevoked event, or at its next check, whichever
        // comes first — and says so; the evaluator goes on.
        // Both ways may navigate, the second aborting the first: poll the address (WaitForURL fails on the aborted one).
        await Assertions.Expect(kiosk).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/device/stopped"), new() { Timeout = 15000 });
        await Assertions.Expect(kiosk.Locator("body")).ToContainTextAsync("设备已停用");
        Assert.EndsWith("/evaluator", evaluator.Url);
        await kiosk.Context.CloseAsync();
        await evaluator.Context.CloseAsync();
    }
}
