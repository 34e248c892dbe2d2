using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using OpsConsole.Data;
using OpsConsole.Domain.Windows;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Components;

/// <summary>
/// The real app over a fresh SQLite file with the clock at Monday 10:00, for component tests:
/// components get the app's own services (use cases, localizer, clock), no stand-ins.
/// </summary>
public sealed class ComponentAppFixture : IAsyncLifetime
{
    public TestClock Clock { get; } = TestClock.MondayMorning();
    public TestDatabase Db { get; private set; } = default!;
    public OpsApp App { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        App = new OpsApp(Db, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        _ = App.Server;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Db.DisposeAsync();
    }

    /// <summary>A bUnit context whose services fall back to a scope of the app; optionally signed in as <paramref name="userName"/>.</summary>
    /// <param name="mudServices">MudBlazor's own services (the snackbar follows navigation) on bUnit's navigation
    /// manager rather than the app scope's, which is not initialized outside a circuit.</param>
    /// <param name="authorize">Roles and policies of the signed-in person (bUnit's authorization); implies signed in.</param>
    public BunitContext NewContext(out IServiceScope scope, string? userName = null, bool mudServices = false, Action<Bunit.TestDoubles.BunitAuthorizationContext>? authorize = null)
    {
        scope = App.Services.CreateScope();
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        // Before anything reads a service (bUnit refuses registrations after that).
        if (mudServices) ctx.Services.AddMudServices();
        ctx.Services.AddFallbackServiceProvider(scope.ServiceProvider);
        if (userName is not null || authorize is not null)
        {
            var authorization = ctx.AddAuthorization();
            if (userName is not null) authorization.SetAuthorized(userName);
            authorize?.Invoke(authorization);
        }
        // As prerendered (not interactive): clocks such as the counter's Elapsed do not tick on their own.
        ctx.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: false));
        return ctx;
    }

    /// <summary>The staffed windows of the demo center (the seed signs people in), by number.</summary>
    public async Task<IReadOnlyList<(int WindowId, int Number, int StaffId)>> StaffedWindowsAsync()
    {
        await using var db = App.CreateDbContext();
        return db.Windows.AsEnumerable()
            .Join(db.Set<WindowSession>().Where(s => s.StaffId != null).AsEnumerable(), w => w.Id, s => s.WindowId, (w, s) => (w.Id, w.Number, s.StaffId!.Value))
            .OrderBy(x => x.Number).ToList();
    }
}
