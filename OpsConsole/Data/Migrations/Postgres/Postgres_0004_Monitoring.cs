using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace OpsConsole.Data.Migrations.Postgres;

[DbContext(typeof(PostgresOpsDbContext))]
[Migration("20261122061458_Monitoring")]
public sealed class Monitoring : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => SqlScript.Apply(migrationBuilder, "Postgres.0004_Monitoring.sql");
}
