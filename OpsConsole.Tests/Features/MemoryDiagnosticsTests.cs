using System.Net;
using System.Text.Json;
using OpsConsole.Data;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features;

/// <summary>The benchmark's memory endpoint: off by default; when on, it reports open circuits and the heap.</summary>
public sealed class MemoryDiagnosticsTests
{
    [Fact]
    public async Task TheEndpointIsOffUnlessConfigured()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db, kestrelPort: 0);
        using var http = new HttpClient();

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(app.BaseUrl + "/diagnostics/memory")).StatusCode);
    }

    [Fact]
    public async Task OnLoopbackItReportsTheHeapAfterAFullCollection()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db, kestrelPort: 0) { Settings = new Dictionary<string, string> { ["Diagnostics:MemoryEndpoint"] = "true" } };
        using var http = new HttpClient();

        using var doc = JsonDocument.Parse(await http.GetStringAsync(app.BaseUrl + "/diagnostics/memory"));
        Assert.Equal(0, doc.RootElement.GetProperty("openCircuits").GetInt32());
        Assert.InRange(doc.RootElement.GetProperty("managedHeapBytes").GetInt64(), 1_000_000, 4_000_000_000);
    }
}
