using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Data;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Queueing;
using OpsConsole.Realtime;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Queueing;

/// <summary>
/// Two app nodes on one PostgreSQL database, as a city deploys them: a ticket issued on one reaches the other's
/// subscribers (dashboards, displays) through LISTEN/NOTIFY, once, and the numbers stay one sequence.
/// </summary>
public sealed class TwoNodeTests
{
    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition(), what);
    }

    [PostgresFact]
    public async Task AnEventOnOneNodeReachesTheOtherOnceAndNumbersStayOneSequence()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var clock = TestClock.MondayMorning();
        void Services(IServiceCollection s) => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        await using var a = new OpsApp(db, services: Services);
        _ = a.Server; // migrates and seeds
        await using var b = new OpsApp(db, services: Services);
        _ = b.Server;
        var backplaneA = a.Services.GetRequiredService<PostgresHallBackplane>();
        var backplaneB = b.Services.GetRequiredService<PostgresHallBackplane>();
        await WaitForAsync(() => backplaneA.Listening && backplaneB.Listening, "both nodes listen");

        var seenOnA = new ConcurrentQueue<HallEvent>();
        var seenOnB = new ConcurrentQueue<HallEvent>();
        using var subA = a.Services.GetRequiredService<HallEvents>().SubscribeInline(e => { seenOnA.Enqueue(e); });
        using var subB = b.Services.GetRequiredService<HallEvents>().SubscribeInline(e => { seenOnB.Enqueue(e); });

        var first = await a.Services.CreateScope().ServiceProvider.GetRequiredService<TicketIssuer>().IssueAsync("BDC", TicketChannel.Kiosk);
        var second = await b.Services.CreateScope().ServiceProvider.GetRequiredService<TicketIssuer>().IssueAsync("BDC", TicketChannel.Kiosk);
        Assert.Equal(("A001", "A002"), (first.Ticket!.Number, second.Ticket!.Number));

        await WaitForAsync(() => seenOnB.OfType<TicketIssued>().Any(t => t.TicketId == first.Ticket.TicketId), "node B hears node A's ticket");
        await WaitForAsync(() => seenOnA.OfType<TicketIssued>().Any(t => t.TicketId == second.Ticket.TicketId), "node A hears node B's ticket");
        await Task.Delay(300); // time for a wrong echo to arrive
        Assert.Single(seenOnA.OfType<TicketIssued>(), t => t.TicketId == first.Ticket.TicketId);
        Assert.Single(seenOnB.OfType<TicketIssued>(), t => t.TicketId == first.Ticket.TicketId);
        var heard = seenOnB.OfType<TicketIssued>().Single(t => t.TicketId == first.Ticket.TicketId);
        Assert.Equal(("A001", first.Ticket.IssuedAt), (heard.Number, heard.At));
    }
}
