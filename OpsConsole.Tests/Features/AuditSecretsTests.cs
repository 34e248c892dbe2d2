using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Auth.Devices;
using OpsConsole.Data;
using OpsConsole.Data.Auditing;
using OpsConsole.Data.Keys;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Devices;
using OpsConsole.Features.Queueing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features;

/// <summary>
/// The audit log never holds a secret: the data-protection key ring (whoever reads it can forge
/// any account's cookie), device token hashes, hashes of ID numbers. An upgraded database loses
/// what earlier versions leaked there, and its leaked keys.
/// </summary>
public sealed class AuditSecretsTests
{
    [Fact]
    public async Task NewKeysTokensAndIdNumbersAreAuditedWithoutTheirSecrets()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        // Make the key ring (it is made on first use) and a device, and issue a ticket with an ID number.
        app.Service<IDataProtectionProvider>().CreateProtector("test").Protect("x");
        var (registered, token) = await app.Service<DeviceAdmin>().RegisterAsync(new DeviceAdmin.NewDevice { Name = "测试取号机", Kind = DeviceKind.Kiosk });
        Assert.True(registered.Succeeded, registered.Error);
        var issued = await app.Service<TicketIssuer>().IssueAsync("BDC", TicketChannel.Kiosk, "110105199001011232");
        Assert.True(issued.Result.Succeeded, issued.Result.Error);

        await using var db = app.Context();
        var keyXml = (await db.Set<DataProtectionKey>().FirstAsync()).Xml;
        var tokenHash = DeviceTokens.Hash(token!);
        var idHash = (await db.Set<Ticket>().SingleAsync(t => t.Id == issued.Ticket!.TicketId)).IdNumberHash!;
        var audit = await db.AuditLog.Select(a => a.Details).ToListAsync();
        Assert.Contains(audit, d => d.Contains("测试取号机"));
        Assert.DoesNotContain(audit, d => d.Contains("masterKey") || d.Contains(keyXml[..40]));
        Assert.DoesNotContain(audit, d => d.Contains(tokenHash));
        Assert.DoesNotContain(audit, d => d.Contains(idHash));
    }

    [Fact]
    public Task UpgradingForgetsLeakedSecretsAndRetiresLeakedKeysOnSqlite() => UpgradeAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task UpgradingForgetsLeakedSecretsAndRetiresLeakedKeysOnPostgres() => UpgradeAsync(DatabaseProvider.Postgres);


    private static async Task UpgradeAsync(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        const string leakedKey = "<key id=\"1\"><descriptor><masterKey><value>c2VjcmV0</value></masterKey></descriptor></key>";
        await using (var db = DbContexts.Create(database.Resolved))
        {
            // A database of the hand-written migrations (ADR 0004) up to 0007, as the builds before 0009/0010 left it.
            await LegacySchema.ApplyAsync(database.Resolved, to: LegacySchema.AfterTwoLetterPrefixes);
            // What earlier versions wrote (DbContexts has no audit interceptor, so the rows are written as they were).
            db.Set<DataProtectionKey>().Add(new DataProtectionKey { FriendlyName = "key-1", Xml = leakedKey });
            db.AuditLog.AddRange(
                Entry("DataProtectionKey", $$"""{"FriendlyName":"key-1","Xml":"{{leakedKey.Replace("\"", "\\\"")}}"}"""),
                Entry("Device", """{"Kind":"Kiosk","Name":"取号机","TokenHash":"ab12cd34"}"""),
                Entry("Ticket", """{"IdNumberHash":"ef56","Number":"A001"}"""),
                Entry("Ticket", """{"IdNumberHash":null,"Number":"A002"}"""),
                Entry("Appointment", """{"PersonHash":"9876","Code":"X1"}"""),
                Entry("Account", """{"ip":"127.0.0.1"}"""));
            await db.SaveChangesAsync();
        }

        await using (var db = DbContexts.Create(database.Resolved))
        {
            await LegacySchema.UpgradeAsync(database.Resolved, db);
            Assert.Equal(0, await db.Set<DataProtectionKey>().CountAsync());
            var rows = await db.AuditLog.OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(["Device", "Ticket", "Ticket", "Appointment", "Account"], rows.Select(r => r.EntityType));
            Assert.DoesNotContain(rows, r => r.Details.Contains("masterKey") || r.Details.Contains("ab12cd34") || r.Details.Contains("ef56") || r.Details.Contains("9876"));
            Assert.All(rows.Take(4), r => Assert.Contains("取号机|A001|A002|X1".Split('|'), s => r.Details.Contains(s)));
            Assert.Contains("***", rows[0].Details);
            Assert.Contains("127.0.0.1", rows[4].Details);
        }
    }

    private static AuditEntry Entry(string type, string details) => new()
    {
        At = DateTimeOffset.UnixEpoch, Actor = "system", Action = "Added", EntityType = type, EntityId = "1", Details = details,
    };
}
