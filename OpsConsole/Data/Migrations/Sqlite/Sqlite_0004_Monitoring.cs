using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace OpsConsole.Data.Migrations.Sqlite;

[DbContext(typeof(SqliteOpsDbContext))]
[Migration("20261122061458_Monitoring")]
public sealed class Monitoring : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => SqlScript.Apply(migrationBuilder, "Sqlite.0004_Monitoring.sql");
}
