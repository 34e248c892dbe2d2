using System.Net;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OpsConsole.Diagnostics;

/// <summary>How many Blazor circuits this node holds open right now.</summary>
public sealed class OpenCircuits
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    internal void Opened() => Interlocked.Increment(ref _count);

    internal void Closed() => Interlocked.Decrement(ref _count);
}

internal sealed class CircuitCountingHandler(OpenCircuits open) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        open.Opened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        open.Closed();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Memory figures for the benchmark (memory per open circuit): open circuits and the managed heap after a full,
/// compacting collection. Off unless <c>Diagnostics:MemoryEndpoint</c> is true, and then answered on loopback only,
/// because a forced full GC pauses the node.
/// </summary>
public static class MemoryDiagnostics
{
    public const string Path = "/diagnostics/memory";

    public static IServiceCollection AddMemoryDiagnostics(this IServiceCollection services)
    {
        services.AddSingleton<OpenCircuits>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitCountingHandler>());
        return services;
    }

    public static IEndpointRouteBuilder MapMemoryDiagnostics(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        if (!configuration.GetValue<bool>("Diagnostics:MemoryEndpoint")) return app;
        app.MapGet(Path, (HttpContext http, OpenCircuits circuits) =>
        {
            if (http.Connection.RemoteIpAddress is not { } ip || !IPAddress.IsLoopback(ip)) return Results.NotFound();
            System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            return Results.Json(new
            {
                openCircuits = circuits.Count,
                managedHeapBytes = GC.GetTotalMemory(forceFullCollection: false),
                workingSetBytes = Environment.WorkingSet,
            });
        }).AllowAnonymous();
        return app;
    }
}
