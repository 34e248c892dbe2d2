using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpsConsole.Data;

namespace OpsConsole.Tests.Infrastructure;

/// <summary>
/// The real app over a real database. With <paramref name="kestrelPort"/> it listens on
/// loopback for a browser (port 0 = any free port).
/// </summary>
public sealed class OpsApp : WebApplicationFactory<Program>
{
    private readonly TestDatabase _db;
    private readonly int? _kestrelPort;
    private readonly Action<IServiceCollection>? _services;

    public OpsApp(TestDatabase db, int? kestrelPort = null, Action<IServiceCollection>? services = null)
    {
        Clock = new PinnedClock(PinnedClock.DefaultStart);
        _db = db;
        _kestrelPort = kestrelPort;
        _services = services;
        if (kestrelPort is { } port) UseKestrel(port);
    }

    public TestDatabase Database => _db;

    /// <summary>The app's clock when the test brings none: <see cref="PinnedClock.DefaultStart"/>, running.</summary>
    public PinnedClock Clock { get; }

    /// <summary>More configuration, applied last (set before the server starts). Default: none.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Generate the demo history too (default false; set before the server starts).</summary>
    public bool SeedHistory { get; init; }

    /// <summary>The server's address; starts the server on first use.</summary>
    public string BaseUrl
    {
        get
        {
            if (_kestrelPort is null) return "http://localhost";
            StartServer();
            return ClientOptions.BaseAddress.ToString().TrimEnd('/');
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", _db.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", _db.ConnectionString);
        // Sixty days of history take seconds to generate; tests that need it ask for it.
        builder.UseSetting("Database:SeedDemoHistory", SeedHistory ? "true" : "false");
        // Tests close days themselves; a run crossing the evening hour must not close a test's hall.
        builder.UseSetting("Hall:EndOfDayAt", "");
        // "Testing" is not Development: the demo center and the demo salt must be asked for, as run.sh does.
        builder.UseSetting("Setup:AllowDemoDefaults", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        // Every test client comes from one address; the tests of the anonymous limit set their own.
        builder.UseSetting("RateLimiting:PermitLimit", "1000000");
        // No log files from tests (the logging test asks for its own folder).
        builder.UseSetting("Logs:Directory", "");
        // Admins and HR sign in with a password only, unless a test of the second factor asks for it (TwoFactorTests).
        builder.UseSetting("Auth:TwoFactor:RequiredRoles", "");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        // Every app runs on a pinned date unless the test brings its own clock (next line wins).
        builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        if (_services is not null) builder.ConfigureServices(_services);
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        return host;
    }

    public OpsDbContext CreateDbContext()
    {
        var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<OpsDbContext>>().CreateDbContext();
    }
}
