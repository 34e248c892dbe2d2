using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace OpsConsole.Data.Migrations.Sqlite;

/// <summary>Removes secrets that earlier versions audited and retires the leaked data-protection keys (no schema change).</summary>
[DbContext(typeof(SqliteOpsDbContext))]
[Migration("20261130210000_ForgetLeakedSecrets")]
public sealed class ForgetLeakedSecrets : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => SqlScript.Apply(migrationBuilder, "Sqlite.0010_ForgetLeakedSecrets.sql");
}
