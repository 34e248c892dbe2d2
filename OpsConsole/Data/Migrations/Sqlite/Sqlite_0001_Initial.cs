using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace OpsConsole.Data.Migrations.Sqlite;

/// <summary>Catalog, staff, accounts and audit log.</summary>
[DbContext(typeof(SqliteOpsDbContext))]
[Migration("20261122000001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => SqlScript.Apply(migrationBuilder, "Sqlite.0001_Initial.sql");
}
