using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace OpsConsole.Data.Migrations.Postgres;

[DbContext(typeof(PostgresOpsDbContext))]
[Migration("20261122090000_ScheduleValidity")]
public sealed class ScheduleValidity : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => SqlScript.Apply(migrationBuilder, "Postgres.0006_ScheduleValidity.sql");
}
