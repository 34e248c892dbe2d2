using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using OpsConsole.Data;

namespace OpsConsole.Tests.Features;

/// <summary>
/// What can be checked of SQL Server without an engine (none runs here, ADR 0016): its migrations, replayed
/// operation by operation, give every column the type, length and nullability the model says; the idempotent
/// script generates; the schema avoids what SQL Server refuses at DDL time (indexes over nvarchar(max),
/// several cascade paths to one table). <see cref="MigrationSchemaTests"/> checks there are no pending changes.
/// </summary>
public sealed class SqlServerMigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void ReplayedMigrationsGiveEveryColumnTheModelsTypeLengthAndNullability(DatabaseProvider provider)
    {
        using var db = MigrationSchemaTests.Offline(provider);
        var expected = Model(db).Tables
            .SelectMany(t => t.Columns.Select(c => $"{t.Name}.{c.Name} {c.StoreType} {(c.IsNullable ? "NULL" : "NOT NULL")}"))
            .Order(StringComparer.Ordinal).ToList();
        var replayed = Replay(db).Select(kv => $"{kv.Key} {kv.Value.Type} {(kv.Value.Nullable ? "NULL" : "NOT NULL")}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.Count > 300, $"{expected.Count} columns");
        Assert.Equal(expected, replayed);
    }

    [Fact]
    public void SqlServerColumnsHaveTheModelsTypes()
    {
        using var db = MigrationSchemaTests.Offline(DatabaseProvider.SqlServer);
        var columns = Replay(db);
        // A few that the model decides and that a wrong mapping would break: enums by name (40), the
        // partial-index key (60), instants with their offset, wall-clock punch times, two-letter prefixes.
        Assert.Equal(("nvarchar(40)", false), columns["Alerts.Kind"]);
        Assert.Equal(("nvarchar(60)", false), columns["Alerts.Key"]);
        Assert.Equal(("datetimeoffset", true), columns["Alerts.ResolvedAt"]);
        Assert.Equal(("datetime2", false), columns["Punches.Time"]);
        Assert.Equal(("nvarchar(2)", false), columns["Tickets.Prefix"]);
        Assert.Equal(("date", false), columns["Tickets.ServiceDay"]);
    }

    [Fact]
    public void TheIdempotentSqlServerScriptGenerates()
    {
        using var db = MigrationSchemaTests.Offline(DatabaseProvider.SqlServer);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        foreach (var id in db.Database.GetMigrations())
        {
            Assert.Contains($"WHERE [MigrationId] = N'{id}'", script);
        }
        foreach (var table in Model(db).Tables)
        {
            Assert.Contains($"CREATE TABLE [{table.Name}]", script);
        }
        // The one open alert per key: a filtered unique index, which SQL Server has too.
        Assert.Contains("CREATE UNIQUE INDEX [IX_Alerts_Key_Open] ON [Alerts] ([Key]) WHERE \"ResolvedAt\" IS NULL", script);
        Assert.DoesNotContain("nvarchar(max) NOT NULL PRIMARY", script);
    }

    [Fact]
    public void SqlServerIndexesNoUnboundedText()
    {
        using var db = MigrationSchemaTests.Offline(DatabaseProvider.SqlServer);
        var model = Model(db);
        var indexed = model.Tables.SelectMany(t =>
                t.Indexes.SelectMany(i => i.Columns).Concat(t.UniqueConstraints.SelectMany(u => u.Columns))
                 .Concat(t.ForeignKeyConstraints.SelectMany(f => f.Columns)))
            .Where(c => c.StoreType.Contains("(max)", StringComparison.OrdinalIgnoreCase))
            .Select(c => $"{c.Table.Name}.{c.Name} {c.StoreType}")
            .Distinct().ToList();
        Assert.True(indexed.Count == 0, "SQL Server cannot index these columns (give them a maximum length): " + string.Join(", ", indexed));
    }

    /// <summary>SQL Server refuses a foreign key that opens a second cascading path (or a cycle) between two tables.</summary>
    [Fact]
    public void SqlServerHasAtMostOneCascadePathBetweenTwoTables()
    {
        using var db = MigrationSchemaTests.Offline(DatabaseProvider.SqlServer);
        var edges = Model(db).Tables
            .SelectMany(t => t.ForeignKeyConstraints)
            .Where(f => f.OnDeleteAction is ReferentialAction.Cascade or ReferentialAction.SetNull or ReferentialAction.SetDefault)
            .GroupBy(f => f.PrincipalTable.Name)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Table.Name).ToList());
        var problems = new List<string>();
        foreach (var start in edges.Keys)
        {
            var paths = new Dictionary<string, int>();
            void Walk(string table, int depth)
            {
                if (depth > 20) { problems.Add($"cycle through {start}"); return; }
                foreach (var next in edges.GetValueOrDefault(table) ?? [])
                {
                    paths[next] = paths.GetValueOrDefault(next) + 1;
                    Walk(next, depth + 1);
                }
            }
            Walk(start, 0);
            problems.AddRange(paths.Where(p => p.Value > 1 || p.Key == start).Select(p => $"{start} -> {p.Key}: {p.Value} cascading paths"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    private static IRelationalModel Model(OpsDbContext db) => db.GetService<IDesignTimeModel>().Model.GetRelationalModel();

    /// <summary>The columns the migrations leave, replaying their table and column operations in order.</summary>
    private static Dictionary<string, (string Type, bool Nullable)> Replay(OpsDbContext db)
    {
        var assembly = db.GetService<IMigrationsAssembly>();
        var provider = db.Database.ProviderName!;
        var columns = new Dictionary<string, (string Type, bool Nullable)>(StringComparer.Ordinal);
        void Set(ColumnOperation c) => columns[$"{c.Table}.{c.Name}"] = (c.ColumnType ?? throw new InvalidOperationException($"{c.Table}.{c.Name} has no type"), c.IsNullable);
        foreach (var (_, type) in assembly.Migrations.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            foreach (var op in assembly.CreateMigration(type, provider).UpOperations)
            {
                switch (op)
                {
                    case CreateTableOperation t: t.Columns.ForEach(Set); break;
                    case AddColumnOperation c: Set(c); break;
                    case AlterColumnOperation c: Set(c); break;
                    case DropColumnOperation c: columns.Remove($"{c.Table}.{c.Name}"); break;
                    case DropTableOperation t:
                        foreach (var key in columns.Keys.Where(k => k.StartsWith(t.Name + ".", StringComparison.Ordinal)).ToList()) columns.Remove(key);
                        break;
                    case RenameColumnOperation c:
                        columns[$"{c.Table}.{c.NewName}"] = columns[$"{c.Table}.{c.Name}"];
                        columns.Remove($"{c.Table}.{c.Name}");
                        break;
                    case RenameTableOperation t:
                        foreach (var key in columns.Keys.Where(k => k.StartsWith(t.Name + ".", StringComparison.Ordinal)).ToList())
                        {
                            columns[t.NewName + key[t.Name.Length..]] = columns[key];
                            columns.Remove(key);
                        }
                        break;
                }
            }
        }
        return columns;
    }
}
