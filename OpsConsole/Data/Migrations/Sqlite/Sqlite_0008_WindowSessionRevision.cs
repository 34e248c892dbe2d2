using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace OpsConsole.Data.Migrations.Sqlite;

/// <summary>A revision on each window session, a concurrency token: a desk action never overwrites another's change (ADR 0007).</summary>
[DbContext(typeof(SqliteOpsDbContext))]
[Migration("20261123090000_WindowSessionRevision")]
public sealed class WindowSessionRevision : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => SqlScript.Apply(migrationBuilder, "Sqlite.0008_WindowSessionRevision.sql");
}
