using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace OpsConsole.Data.Migrations.Postgres;

/// <summary>One open alert per key: a partial unique index (numbered 0009; 0008 is another change's).</summary>
[DbContext(typeof(PostgresOpsDbContext))]
[Migration("20261130201800_OneOpenAlertPerKey")]
public sealed class OneOpenAlertPerKey : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => SqlScript.Apply(migrationBuilder, "Postgres.0009_OneOpenAlertPerKey.sql");
}
