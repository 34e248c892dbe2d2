using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Notifications;
using OpsConsole.Features.Queueing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Notifications;

/// <summary>Near-turn notices (issue 10): told when two are ahead, a failing gateway never blocks a call, numbers kept for the day.</summary>
public sealed class NearTurnNoticeTests
{
    private sealed record Setup(QueueApp App, IssuedTicket Mine, int QueueId, (int WindowId, int StaffId) W1, (int WindowId, int StaffId) W2);

    private static async Task<Setup> FourAheadAsync(
        Action<IServiceCollection>? services = null)
    {
        var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite, services: services);
        for (var i = 0; i < 4; i++) await app.IssueAsync();
        var mine = await app.IssueAsync();
        Assert.Equal(4, mine.PeopleAhead);
        return new Setup(app, mine, (await app.QueueAsync("BDC")).Id, await app.StaffedWindowAsync(1), await app.StaffedWindowAsync(2));
    }

    [Fact]
    public async Task TheLogAdapterRecordsTheNoticeWhenTwoAreAhead()
    {
        var (app, mine, queueId, w1, w2) = await FourAheadAsync();
        await using var _ = app;
        var log = app.App.Services.GetRequiredService<LogNearTurnNotifier>();
        var desk = app.Service<NearTurnDesk>();

        Assert.Equal(NearTurnDesk.InvalidPhone, (await desk.SubscribeAsync(mine.PublicCode, "1381234567")).Result.Error);
        var (ok, subscription) = await desk.SubscribeAsync(mine.PublicCode, "138 1234 5678");
        Assert.True(ok.Succeeded, ok.Error);
        Assert.Equal(("138****5678", 2), (subscription!.PhoneMasked, subscription.WhenAhead));

        var counter = app.Service<CounterDesk>();
        Assert.True((await counter.CallNextAsync(w1.WindowId, w1.StaffId)).Succeeded);
        // Three ahead: nothing is due yet.
        Assert.Equal(0, await app.App.Services.GetRequiredService<NearTurnWatcher>().CheckQueueAsync(queueId));
        Assert.DoesNotContain(log.Sent, m => m.Number == mine.Number);

        Assert.True((await counter.CallNextAsync(w2.WindowId, w2.StaffId)).Succeeded);

        await Wait.UntilAsync(() => log.Sent.Any(m => m.Number == mine.Number), () => "the near-turn notice in the log adapter");
        var sent = log.Sent.Single(m => m.Number == mine.Number);
        Assert.Equal((2, "13812345678", "138****5678"), (sent.PeopleAhead, sent.Phone, sent.PhoneMasked));
        Assert.Contains("/t/" + mine.PublicCode, sent.Text);
        await using var db = app.Context();
        var notice = await db.Set<NearTurnNotice>().SingleAsync();
        Assert.Equal((NearTurnState.Sent, 1), (notice.State, notice.Attempts));
        Assert.Equal(("138****5678", NearTurnState.Sent), (await desk.CurrentAsync(mine.PublicCode))!.Value);
    }

    [Fact]
    public async Task AGatewayThatFailsNeverBlocksACallAndIsTriedAtMostThreeTimes()
    {
        // A real HTTP gateway that refuses connections (the discard port on loopback).
        var (app, mine, queueId, w1, w2) = await FourAheadAsync(s => s.Configure<NotificationOptions>(o =>
        {
            o.Channel = "Sms";
            o.Sms.Url = "http://127.0.0.1:9/sms";
            o.WhenAhead = 4;
        }));
        await using var _ = app;
        Assert.IsType<SmsGatewayNotifier>(app.App.Services.GetRequiredService<INearTurnNotifier>());
        Assert.True((await app.Service<NearTurnDesk>().SubscribeAsync(mine.PublicCode, "13812345678")).Result.Succeeded);

        var counter = app.Service<CounterDesk>();
        Assert.True((await counter.CallNextAsync(w1.WindowId, w1.StaffId)).Succeeded);
        Assert.True((await counter.CallNextAsync(w2.WindowId, w2.StaffId)).Succeeded);

        var watcher = app.App.Services.GetRequiredService<NearTurnWatcher>();
        async Task<NearTurnNotice> NoticeAsync()
        {
            await using var db = app.Context();
            return await db.Set<NearTurnNotice>().AsNoTracking().SingleAsync();
        }
        // Each look at the queue (a move of it) is one more try, until the third; then it is given up.
        await Wait.UntilAsync(async () =>
        {
            await watcher.CheckQueueAsync(queueId);
            return (await NoticeAsync()).State == NearTurnState.Failed;
        }, () => "the notice given up");
        await watcher.CheckQueueAsync(queueId);
        var notice = await NoticeAsync();
        Assert.Equal((NearTurnState.Failed, NearTurnNotice.MaxAttempts), (notice.State, notice.Attempts));
        Assert.StartsWith("sms: HttpRequestException", notice.LastError);
    }

    [Fact]
    public async Task PhoneNumbersAreKeptOnlyForTheDay()
    {
        var (app, mine, _, _, _) = await FourAheadAsync();
        await using var __ = app;
        Assert.True((await app.Service<NearTurnDesk>().SubscribeAsync(mine.PublicCode, "13812345678")).Result.Succeeded);
        var watcher = app.App.Services.GetRequiredService<NearTurnWatcher>();
        Assert.Equal(0, await watcher.PurgeAsync());

        app.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(1, await watcher.PurgeAsync());
        await using var db = app.Context();
        var notice = await db.Set<NearTurnNotice>().SingleAsync();
        Assert.Equal(("", "138****5678"), (notice.Phone, notice.PhoneMasked));
        Assert.Equal(0, await db.Set<NearTurnNotice>().CountAsync(n => n.Phone.Contains("1381234")));
    }

    [Fact]
    public async Task ACalledTicketTakesNoNumber()
    {
        var (app, _, _, w1, _) = await FourAheadAsync();
        await using var __ = app;
        await using var db = app.Context();
        var first = await db.Set<Ticket>().OrderBy(t => t.Id).FirstAsync();
        Assert.True((await app.Service<CounterDesk>().CallNextAsync(w1.WindowId, w1.StaffId)).Succeeded);
        Assert.Equal(NearTurnDesk.NotWaiting, (await app.Service<NearTurnDesk>().SubscribeAsync(first.PublicCode, "13812345678")).Result.Error);
    }
}
