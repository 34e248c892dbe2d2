using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace OpsConsole.Data.Migrations.Sqlite;

[DbContext(typeof(SqliteOpsDbContext))]
[Migration("20261122064107_Roster")]
public sealed class Roster : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => SqlScript.Apply(migrationBuilder, "Sqlite.0005_Roster.sql");
}
