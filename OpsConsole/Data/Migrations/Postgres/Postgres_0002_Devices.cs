using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace OpsConsole.Data.Migrations.Postgres;

[DbContext(typeof(PostgresOpsDbContext))]
[Migration("20261122055113_Devices")]
public sealed class Devices : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => SqlScript.Apply(migrationBuilder, "Postgres.0002_Devices.sql");
}
