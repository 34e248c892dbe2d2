using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace OpsConsole.Data.Migrations.Postgres;

/// <summary>Queue prefixes of one or two letters: character(1) becomes character varying(2); existing letters are kept.</summary>
[DbContext(typeof(PostgresOpsDbContext))]
[Migration("20261122100000_TwoLetterPrefixes")]
public sealed class TwoLetterPrefixes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => SqlScript.Apply(migrationBuilder, "Postgres.0007_TwoLetterPrefixes.sql");
}
