using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;

namespace OpsConsole;

public static class CommandLineTools
{
    /// <summary>
    /// <c>dotnet run -- schema-script</c> prints the model's CREATE script for the configured
    /// provider: the starting point of a hand-written migration (ADR 0004). Returns true when a
    /// tool ran, so the app does not start.
    /// </summary>
    public static async Task<bool> RunCommandLineToolsAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "schema-script") return false;
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        Console.WriteLine(db.Database.GenerateCreateScript());
        return true;
    }
}
