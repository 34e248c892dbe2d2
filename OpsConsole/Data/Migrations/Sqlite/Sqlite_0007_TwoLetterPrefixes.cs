using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace OpsConsole.Data.Migrations.Sqlite;

/// <summary>
/// Queue prefixes of one or two letters. The SQLite columns are already TEXT, which holds any
/// length, so there is nothing to alter; the migration keeps both providers' histories in step.
/// </summary>
[DbContext(typeof(SqliteOpsDbContext))]
[Migration("20261122100000_TwoLetterPrefixes")]
public sealed class TwoLetterPrefixes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
    }
}
