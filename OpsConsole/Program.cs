using OpsConsole;
using OpsConsole.Components;

var builder = WebApplication.CreateBuilder(args);
builder.AddOpsConsole();

var app = builder.Build();
if (await app.RunCommandLineToolsAsync(args)) return;
await app.InitializeDatabaseAsync();
app.UseOpsConsole();
app.Run();

/// <summary>Entry point type, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
