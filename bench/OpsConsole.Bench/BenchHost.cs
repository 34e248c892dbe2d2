using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OpsConsole.Bench;

/// <summary>The real app, in process, over a fresh database of the given provider, at a fixed Monday 10:00.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    public WebApplication App { get; }
    private readonly string? _dir;
    private readonly string? _pgDatabase;
    private readonly string? _pgAdmin;

    private BenchHost(WebApplication app, string? dir, string? pgDatabase, string? pgAdmin)
    {
        App = app;
        _dir = dir;
        _pgDatabase = pgDatabase;
        _pgAdmin = pgAdmin;
    }

    public static async Task<BenchHost> StartAsync(string provider, bool history = false, bool startHostedServices = false,
        Dictionary<string, string?>? settings = null, bool serveHttp = false, string? webRoot = null)
    {
        string connection;
        string? dir = null, pgDb = null;
        var pgAdmin = Environment.GetEnvironmentVariable("OPSCONSOLE_BENCH_PG");
        if (provider == "Postgres")
        {
            if (string.IsNullOrEmpty(pgAdmin)) throw new InvalidOperationException("Set OPSCONSOLE_BENCH_PG to an admin connection string (bench/README.md).");
            pgDb = "bench_" + Guid.NewGuid().ToString("N")[..10];
            await using (var c = new Npgsql.NpgsqlConnection(pgAdmin))
            {
                await c.OpenAsync();
                await using var cmd = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{pgDb}\"", c);
                await cmd.ExecuteNonQueryAsync();
            }
            connection = new Npgsql.NpgsqlConnectionStringBuilder(pgAdmin) { Database = pgDb, MaxPoolSize = 400 }.ToString();
        }
        else
        {
            dir = Path.Combine(Path.GetTempPath(), "opsconsole-bench-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(dir);
            connection = $"Data Source={Path.Combine(dir, "bench.db")}";
        }
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory,
            // The app's static web assets manifests (copied next to the bench) are named after it.
            ApplicationName = serveHttp ? "OpsConsole" : null,
            WebRootPath = webRoot,
        });
        builder.Configuration["Database:Provider"] = provider;
        builder.Configuration["Database:ConnectionString"] = connection;
        builder.Configuration["Database:SeedDemoHistory"] = history ? "true" : "false";
        builder.Configuration["Setup:AllowDemoDefaults"] = "true";
        builder.Configuration["Hall:EndOfDayAt"] = "";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error";
        builder.Configuration["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None";
        builder.Configuration["Urls"] = "http://127.0.0.1:0";
        builder.Configuration["Logs:Directory"] = "";
        foreach (var (key, value) in settings ?? []) builder.Configuration[key] = value;
        OpsConsole.HostingExtensions.AddOpsConsole(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new RunningClock(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8)))));
        var app = builder.Build();
        await OpsConsole.HostingExtensions.InitializeDatabaseAsync(app);
        if (serveHttp) OpsConsole.HostingExtensions.UseOpsConsole(app);
        if (startHostedServices) await app.StartAsync();
        return new BenchHost(app, dir, pgDb, pgAdmin);
    }

    public async ValueTask DisposeAsync()
    {
        try { await App.StopAsync(); } catch (InvalidOperationException) { }
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (_dir is not null) try { Directory.Delete(_dir, true); } catch (IOException) { }
        if (_pgDatabase is not null)
        {
            await using var c = new Npgsql.NpgsqlConnection(_pgAdmin);
            await c.OpenAsync();
            await using var cmd = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgDatabase}\" WITH (FORCE)", c);
            await cmd.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Starts at a fixed local time (inside opening hours) and runs at real speed.</summary>
    private sealed class RunningClock(DateTimeOffset start) : TimeProvider
    {
        private readonly long _t0 = Stopwatch.GetTimestamp();
        public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + Stopwatch.GetElapsedTime(_t0);
    }
}

internal static class Stats
{
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
