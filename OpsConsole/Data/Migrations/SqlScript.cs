using Microsoft.EntityFrameworkCore.Migrations;

namespace OpsConsole.Data.Migrations;

/// <summary>
/// Runs an embedded, checked-in SQL script as migration operations, one statement each.
/// Statements are separated by a line that ends with ';' followed by a blank line, which is
/// how EF's create script (our starting point, ADR 0004) lays them out.
/// </summary>
internal static class SqlScript
{
    public static void Apply(MigrationBuilder migrationBuilder, string resourceSuffix)
    {
        foreach (var statement in Statements(Read(resourceSuffix)))
        {
            migrationBuilder.Sql(statement);
        }
    }

    public static string Read(string resourceSuffix)
    {
        var asm = typeof(SqlScript).Assembly;
        var name = asm.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(resourceSuffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Migration script {resourceSuffix} is not embedded.");
        using var reader = new StreamReader(asm.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }

    public static IEnumerable<string> Statements(string script) =>
        script.Replace("\r\n", "\n")
            .Split(";\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.TrimEnd(';').Trim())
            .Where(s => s.Length > 0);
}
