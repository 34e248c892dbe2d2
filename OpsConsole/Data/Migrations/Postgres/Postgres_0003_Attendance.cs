using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace OpsConsole.Data.Migrations.Postgres;

[DbContext(typeof(PostgresOpsDbContext))]
[Migration("20261122055630_Attendance")]
public sealed class Attendance : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => SqlScript.Apply(migrationBuilder, "Postgres.0003_Attendance.sql");
}
