using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace OpsConsole.Data.Migrations.Postgres;

/// <summary>Catalog, staff, accounts and audit log.</summary>
[DbContext(typeof(PostgresOpsDbContext))]
[Migration("20261122000001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => SqlScript.Apply(migrationBuilder, "Postgres.0001_Initial.sql");
}
