using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace OpsConsole.Data.Migrations.Sqlite;

[DbContext(typeof(SqliteOpsDbContext))]
[Migration("20261122055113_Devices")]
public sealed class Devices : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => SqlScript.Apply(migrationBuilder, "Sqlite.0002_Devices.sql");
}
