using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Notifications;
using OpsConsole.Features.Queueing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Queueing;

/// <summary>Issue 10, the applicant's path: items by pinyin, ID checks and masking, the per-ID limit.</summary>
public sealed class KioskApplicantTests : IAsyncLifetime
{
    private const string Id = "371302199001050021";
    private QueueApp app = default!;

    public async Task InitializeAsync() => app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await app.DisposeAsync();

    private TicketIssuer Issuer => app.Service<TicketIssuer>();

    private async Task<KioskItems.KioskItem> ItemAsync(string name)
    {
        var items = await app.Service<KioskItems>().ItemsAsync();
        return items.First(i => i.Name == name);
    }

    [Theory]
    [InlineData("371302199001050022", IdNumberMessages.Checksum)]
    [InlineData("371302199002300021", IdNumberMessages.BirthDate)]
    [InlineData("991302199001010021", IdNumberMessages.Region)]
    [InlineData("37130219900105002", IdNumberMessages.Format)]
    public async Task AWrongIdNumberIsRefusedWithItsReason(string id, string reason)
    {
        var outcome = await Issuer.IssueAsync("BDC", TicketChannel.Kiosk, id);
        Assert.Equal(reason, outcome.Result.Error);
        Assert.Equal("invalid_id_number", KioskMenu.CodeOf(outcome.Result));
        await using var db = app.Context();
        Assert.Equal(0, await db.Set<Ticket>().CountAsync());
    }

    [Fact]
    public async Task ATicketKeepsOnlyTheMaskedIdAndAKeyedHash()
    {
        var outcome = await Issuer.IssueAsync("BDC", TicketChannel.Kiosk, "3713 0219 9001 0500 21");
        Assert.True(outcome.Result.Succeeded, outcome.Result.Error);
        Assert.Equal("3713**********0021", outcome.Ticket!.IdNumberMasked);
        var ticket = await app.TicketAsync(outcome.Ticket.TicketId);
        Assert.Equal("3713**********0021", ticket.IdNumberMasked);
        Assert.DoesNotContain("199001", ticket.IdNumberHash!);
        // Nowhere in the row: not in the hash, the masked form, or the public code.
        await using var db = app.Context();
        var row = await db.Database.SqlQueryRaw<string>(
            "SELECT COALESCE(\"IdNumberHash\", '') || COALESCE(\"IdNumberMasked\", '') || \"PublicCode\" AS \"Value\" FROM \"Tickets\"").SingleAsync();
        Assert.DoesNotContain(Id, row);
    }

    [Fact]
    public async Task OneIdTakesAtMostTheConfiguredTicketsPerQueueAndDay()
    {
        Assert.True((await Issuer.IssueAsync("BDC", TicketChannel.Kiosk, Id)).Result.Succeeded);
        Assert.True((await Issuer.IssueAsync("BDC", TicketChannel.Kiosk, Id)).Result.Succeeded);

        var third = await Issuer.IssueAsync("BDC", TicketChannel.Kiosk, Id);

        Assert.Equal(TicketIssuer.IdLimitReached, third.Result.Error);
        Assert.Equal("id_limit", KioskMenu.CodeOf(third.Result));
        // Another queue or another person are not limited; nor is a ticket without an ID.
        Assert.True((await Issuer.IssueAsync("CRJ", TicketChannel.Kiosk, Id)).Result.Succeeded);
        Assert.True((await Issuer.IssueAsync("BDC", TicketChannel.Kiosk, "11010519491231002X")).Result.Succeeded);
        Assert.True((await Issuer.IssueAsync("BDC", TicketChannel.Kiosk)).Result.Succeeded);
    }

    [Fact]
    public async Task ParallelIssuesWithOneIdStillStopAtTheLimit()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => app.Service<TicketIssuer>().IssueAsync("BDC", TicketChannel.Kiosk, Id))));
        Assert.Equal(2, outcomes.Count(o => o.Result.Succeeded));
        Assert.All(outcomes.Where(o => !o.Result.Succeeded), o => Assert.Equal(TicketIssuer.IdLimitReached, o.Result.Error));
    }

    [Fact]
    public async Task ItemsAreFoundByPinyinInitialsAndTheTicketCarriesTheItem()
    {
        var items = await app.Service<KioskItems>().ItemsAsync();
        var found = KioskItems.Search(items, "bdcdj", null, 12);
        Assert.Contains(found, i => i.Name == "不动产登记资料查询");
        Assert.All(found, i => Assert.True(PinyinInitials.Matches(i.Name, "BDCDJ")));
        var item = found.First(i => i.Name == "不动产登记资料查询");
        var queues = await app.Service<KioskMenu>().QueuesAsync();
        var queue = KioskItems.QueueFor(item, queues)!;
        Assert.Equal("BDC", queue.Code);

        var outcome = await Issuer.IssueAsync(queue.Code, TicketChannel.Kiosk, serviceItemId: item.Id);

        Assert.True(outcome.Result.Succeeded, outcome.Result.Error);
        Assert.Equal((item.Name, item.Code), (outcome.Ticket!.ItemName, outcome.Ticket.ItemCode));
        Assert.Equal(item.Id, (await app.TicketAsync(outcome.Ticket.TicketId)).ServiceItemId);
        // What the status page and the counter read: the item, its guide's code and where the queue is served.
        var extras = (await app.Service<TicketExtras>().ByPublicCodeAsync(outcome.Ticket.PublicCode))!;
        Assert.Equal((item.Name, item.Code), (extras.ItemName, extras.ItemCode));
        Assert.Equal(queue.ZoneCode, extras.Place!.ZoneCode);
        var wrongQueue = await Issuer.IssueAsync("CRJ", TicketChannel.Kiosk, serviceItemId: item.Id);
        Assert.Equal(TicketIssuer.ItemNotInQueue, wrongQueue.Result.Error);
    }

    [Fact]
    public async Task ChoosingAnItemCountsTowardsItsFrequency()
    {
        var passport = await ItemAsync("普通护照签发");
        for (var i = 0; i < 3; i++)
            Assert.True((await Issuer.IssueAsync("CRJ", TicketChannel.Kiosk, serviceItemId: passport.Id)).Result.Succeeded);

        var items = await app.Service<KioskItems>().ItemsAsync();

        Assert.Equal(passport.Frequency + 3, items.Single(i => i.Id == passport.Id).Frequency);
    }

    [Fact]
    public void TheMostFrequentItemsComeFirstAndPrefixMatchesLead()
    {
        KioskItems.KioskItem Item(int id, string name, int department, int frequency) =>
            new(id, $"C{id}", name, PinyinInitials.Of(name), department, $"部门{department}", department, frequency, ["Q"]);
        var items = new[]
        {
            Item(1, "不动产登记资料查询", 1, 5), Item(2, "抵押权首次登记", 1, 40), Item(3, "普通护照签发", 2, 90), Item(4, "不动产权证书补发", 1, 1),
        };

        Assert.Equal(new[] { 3, 2, 1, 4 }, KioskItems.Search(items, null, null, 12).Select(i => i.Id));
        Assert.Equal(new[] { 2, 1, 4 }, KioskItems.Search(items, null, 1, 12).Select(i => i.Id));
        // "BDC" starts items 1 and 4; "DJ" is inside item 2's initials and item 1's: prefix matches first, then frequency.
        Assert.Equal(new[] { 1, 4 }, KioskItems.Search(items, "bdc", null, 12).Select(i => i.Id));
        Assert.Equal(new[] { 2, 1 }, KioskItems.Search(items, "DJ", null, 12).Select(i => i.Id));
        Assert.Equal(new[] { 3 }, KioskItems.Search(items, "护照", null, 12).Select(i => i.Id));
        Assert.Equal(new[] { 3 }, KioskItems.Search(items, null, null, 1).Select(i => i.Id));
    }

    [Fact]
    public async Task EveryCharacterOfTheDemoCatalogHasAnInitial()
    {
        await using var db = app.Context();
        var names = await db.ServiceItems.Select(i => i.Name).Concat(db.Departments.Select(d => d.Name)).ToListAsync();
        var missing = names.SelectMany(n => n).Where(c => c is >= '\u4e00' and <= '\u9fff')
            .Where(c => PinyinInitials.Of(c.ToString()).Length == 0).Distinct().ToList();
        Assert.True(missing.Count == 0, "no initial for: " + new string([.. missing]));
    }

    [Fact]
    public async Task AGuideListsTheMaterialsToBring()
    {
        var item = await ItemAsync("普通护照签发");
        var guide = await app.Service<KioskItems>().GuideAsync(item.Id);
        Assert.NotNull(guide);
        Assert.NotEmpty(guide.Materials);
        Assert.Equal(guide.Materials.OrderBy(m => m.Order).Select(m => m.Name), guide.Materials.Select(m => m.Name));
    }
}
