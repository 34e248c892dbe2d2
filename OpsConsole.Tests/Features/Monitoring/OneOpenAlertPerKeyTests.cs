using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OpsConsole.Data;
using OpsConsole.Domain.Monitoring;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Monitoring;

/// <summary>Two nodes evaluating the same hall cannot both raise an alert: one open alert per key, on each provider.</summary>
public sealed class OneOpenAlertPerKeyTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public Task ASecondOpenAlertForAKeyIsRefusedOnSqlite() => SecondOpenIsRefusedAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ASecondOpenAlertForAKeyIsRefusedOnPostgres() => SecondOpenIsRefusedAsync(DatabaseProvider.Postgres);

    [Fact]
    public Task UpgradingResolvesDuplicatesKeepingTheOldestOnSqlite() => UpgradeAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task UpgradingResolvesDuplicatesKeepingTheOldestOnPostgres() => UpgradeAsync(DatabaseProvider.Postgres);

    private static Alert Waiting(string key) => new(new AlertCondition(key, AlertKind.QueueWaiting, AlertSeverity.Yellow, null, null, 16, 15), At);

    private static async Task SecondOpenIsRefusedAsync(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = DbContexts.Create(database.Resolved))
        {
            await db.Database.MigrateAsync();
            var resolved = Waiting("queue:1:waiting");
            resolved.Resolve(At.AddMinutes(5));
            db.AddRange(resolved, Waiting("queue:1:waiting"), Waiting("queue:2:waiting"));
            await db.SaveChangesAsync(); // a resolved alert never blocks a new one
        }
        await using (var db = DbContexts.Create(database.Resolved))
        {
            db.Add(Waiting("queue:1:waiting"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    private static async Task UpgradeAsync(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        int oldest;
        await using (var db = DbContexts.Create(database.Resolved))
        {
            // A database of the hand-written migrations (ADR 0004) up to 0007, as the builds before 0009/0010 left it.
            await LegacySchema.ApplyAsync(database.Resolved, to: LegacySchema.AfterTwoLetterPrefixes);
            var first = Waiting("queue:1:waiting");
            db.Add(first);
            await db.SaveChangesAsync();
            oldest = first.Id;
            db.AddRange(Waiting("queue:1:waiting"), Waiting("queue:1:waiting"));
            await db.SaveChangesAsync();
        }
        await using (var db = DbContexts.Create(database.Resolved))
        {
            await LegacySchema.UpgradeAsync(database.Resolved, db);
            var open = await db.Set<Alert>().Where(a => a.ResolvedAt == null).Select(a => a.Id).ToListAsync();
            Assert.Equal([oldest], open);
            Assert.Equal(3, await db.Set<Alert>().CountAsync());
        }
    }
}
