using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Data;
using OpsConsole.Data.Queueing;
using OpsConsole.Data.Seeding;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Monitoring;
using OpsConsole.Features.Queueing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Queueing;

/// <summary>Issues that share a transaction (group commit, ADR 0011) and the forecast they read, on both providers where it matters.</summary>
public sealed class TicketIssuerTests
{
    [Fact]
    public Task TheDailyCapHoldsUnderParallelKioskIssuesOnSqlite() => DailyCapAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task TheDailyCapHoldsUnderParallelKioskIssuesOnPostgres() => DailyCapAsync(DatabaseProvider.Postgres);

    [Fact]
    public Task AFailingIssueNeitherFailsTheOthersNorLeavesAGapOnSqlite() => FailingIssueAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task AFailingIssueNeitherFailsTheOthersNorLeavesAGapOnPostgres() => FailingIssueAsync(DatabaseProvider.Postgres);

    [Fact]
    public Task ABookingCodeScannedAtSeveralKiosksAtOnceGivesOneTicketOnSqlite() => ParallelCheckInsAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task ABookingCodeScannedAtSeveralKiosksAtOnceGivesOneTicketOnPostgres() => ParallelCheckInsAsync(DatabaseProvider.Postgres);

    [Fact]
    public Task TheSlipCountsThePeopleAheadInCallOrderOnSqlite() => PeopleAheadInCallOrderAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task TheSlipCountsThePeopleAheadInCallOrderOnPostgres() => PeopleAheadInCallOrderAsync(DatabaseProvider.Postgres);

    /// <summary>
    /// A green-channel slip once said "前面还有 12 人" for a ticket called first (issue 10): the count follows the
    /// call order (priority classes, then waiting time), as the status page and the calling pad do.
    /// </summary>
    private static async Task PeopleAheadInCallOrderAsync(DatabaseProvider provider)
    {
        await using var app = await QueueApp.StartAsync(provider);
        var issuer = app.Service<TicketIssuer>();
        for (var i = 0; i < 12; i++) Assert.True((await issuer.IssueAsync("BDC", TicketChannel.Kiosk)).Result.Succeeded);

        var green = (await issuer.IssueAsync("BDC", TicketChannel.ManagerIssued, priority: PriorityClass.GreenChannel)).Ticket!;
        Assert.Equal(0, green.PeopleAhead);
        var secondGreen = (await issuer.IssueAsync("BDC", TicketChannel.ManagerIssued, priority: PriorityClass.GreenChannel)).Ticket!;
        Assert.Equal(1, secondGreen.PeopleAhead);
        var normal = (await issuer.IssueAsync("BDC", TicketChannel.Kiosk)).Ticket!;
        Assert.Equal(14, normal.PeopleAhead);

        // The status page and the slip agree.
        var status = await app.Service<QueueQueries>().StatusAsync(secondGreen.PublicCode);
        Assert.Equal(secondGreen.PeopleAhead, status!.PeopleAhead);
    }

    [PostgresFact]
    public async Task ABookingCodeScannedAtKiosksOnTwoNodesAtOnceGivesOneTicket()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Postgres);
        var other = app.AddNode();
        var book = app.Service<AppointmentBook>();
        var today = DateOnly.FromDateTime(app.Clock.Now.DateTime);
        const int rounds = 10;
        Assert.True((await book.AddSlotAsync("BDC", today, new TimeOnly(10, 15), new TimeOnly(10, 45), rounds)).Succeeded);
        var slot = (await book.SlotsAsync(today, "BDC")).Single();
        var issuerA = app.Service<TicketIssuer>();
        var issuerB = other.Services.CreateScope().ServiceProvider.GetRequiredService<TicketIssuer>();

        for (var round = 0; round < rounds; round++)
        {
            var booking = (await book.BookAsync(slot.SlotId, IdNumberOf(100 + round), BookingSource.Console)).Booking!;

            var outcomes = await Task.WhenAll(
                Task.Run(() => issuerA.CheckInAsync(booking.BookingCode)),
                Task.Run(() => issuerB.CheckInAsync(booking.BookingCode)));

            Assert.Single(outcomes, o => o.Result.Succeeded);
            Assert.Equal("该预约码已使用过，不能重复签到。", outcomes.Single(o => !o.Result.Succeeded).Result.Error);
        }
        await using var db = app.Context();
        Assert.Equal(rounds, await db.Set<Ticket>().CountAsync(t => t.AppointmentId != null));
    }

    [PostgresFact]
    public async Task ACommitWhoseAcknowledgementIsLostIssuesNoSecondNumber()
    {
        var lose = new LoseOneAcknowledgement();
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Postgres,
            services: s => s.ConfigureDbContext<PostgresOpsDbContext>((_, b) => b.AddInterceptors(lose)));
        var outcomes = new List<IssueOutcome>();

        for (var wave = 0; wave < 10 && !lose.Lost; wave++)
        {
            outcomes.AddRange(await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
                Task.Run(() => app.Service<TicketIssuer>().IssueAsync("BDC", TicketChannel.Kiosk)))));
        }

        Assert.True(lose.Lost, "no group of issues shared a commit");
        Assert.All(outcomes, o => Assert.True(o.Result.Succeeded, o.Result.Error));
        await using var db = app.Context();
        var stored = await db.Set<Ticket>().OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();
        Assert.Equal(outcomes.Select(o => o.Ticket!.TicketId).Order(), stored);
    }

    /// <summary>The group's commit succeeds, but the first one that wrote several tickets reports a failure, as a dropped connection would.</summary>
    private sealed class LoseOneAcknowledgement : DbTransactionInterceptor
    {
        private int _lost;
        public bool Lost => Volatile.Read(ref _lost) == 1;

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (eventData.Context?.ChangeTracker.Entries<Ticket>().Count() >= 2 && Interlocked.Exchange(ref _lost, 1) == 0)
                throw new TimeoutException("The commit's acknowledgement was lost.");
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task TheAuditLogNamesTheKioskThatIssuedTheTicket()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var client = HttpSignIn.NewClient(app.App);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DemoDevices.KioskToken);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            client.PostAsync("/api/kiosk/tickets", new StringContent("""{ "queue": "A" }""", Encoding.UTF8, "application/json"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        await using var db = app.Context();
        var actors = await db.AuditLog.Where(a => a.EntityType == nameof(Ticket) && a.Action == "Added").Select(a => a.Actor).ToListAsync();
        Assert.Equal(10, actors.Count);
        Assert.All(actors, a => Assert.StartsWith("device:", a));
    }

    [Fact]
    public async Task TheWaitForecastFollowsWindowsClosingAndTheKioskThenRefusesTheQueue()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var queue = await app.QueueAsync("BDC");
        Assert.NotNull((await app.IssueAsync("BDC")).EstimatedWait);
        List<int> windows;
        await using (var db = app.Context())
        {
            windows = await db.Set<WindowQueueRoute>().Where(r => r.QueueId == queue.Id).Select(r => r.WindowId).Distinct().ToListAsync();
        }

        foreach (var window in windows) Assert.True((await app.Service<HallActions>().CloseWindowAsync(window)).Succeeded);

        // No open window serves it now (ADR 0019): the kiosk refuses, a manager's ticket has no forecast.
        var kiosk = await app.Service<TicketIssuer>().IssueAsync("BDC", TicketChannel.Kiosk);
        Assert.Equal("no_window", KioskMenu.CodeOf(kiosk.Result));
        Assert.Null((await app.IssueAsync("BDC", TicketChannel.ManagerIssued)).EstimatedWait);
    }

    private static async Task DailyCapAsync(DatabaseProvider provider)
    {
        await using var app = await QueueApp.StartAsync(provider);
        await using (var db = app.Context())
        {
            var queue = await db.Set<ServiceQueue>().SingleAsync(q => q.Code == "BDC");
            queue.SetDailyCap(5);
            await db.SaveChangesAsync();
        }

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => app.Service<TicketIssuer>().IssueAsync("BDC", TicketChannel.Kiosk))));

        var numbers = outcomes.Where(o => o.Result.Succeeded).Select(o => o.Ticket!.Number).Order().ToList();
        Assert.Equal(["A001", "A002", "A003", "A004", "A005"], numbers);
        Assert.All(outcomes.Where(o => !o.Result.Succeeded), o => Assert.Equal(QueueingMessages.Of(IssueRefusal.DailyCapReached), o.Result.Error));
        await using var check = app.Context();
        Assert.Equal(5, await check.Set<TicketCounter>().Select(c => c.LastSequence).SingleAsync());
        Assert.Equal(5, await check.Set<Ticket>().CountAsync());
    }

    private static async Task ParallelCheckInsAsync(DatabaseProvider provider)
    {
        await using var app = await QueueApp.StartAsync(provider);
        var book = app.Service<AppointmentBook>();
        var today = DateOnly.FromDateTime(app.Clock.Now.DateTime);
        Assert.True((await book.AddSlotAsync("BDC", today, new TimeOnly(10, 15), new TimeOnly(10, 45), 1)).Succeeded);
        var slot = (await book.SlotsAsync(today, "BDC")).Single();
        var booking = (await book.BookAsync(slot.SlotId, "110105194912310011", BookingSource.Console)).Booking!;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => app.Service<TicketIssuer>().CheckInAsync(booking.BookingCode))));

        Assert.Single(outcomes, o => o.Result.Succeeded);
        Assert.All(outcomes.Where(o => !o.Result.Succeeded), o => Assert.Equal("该预约码已使用过，不能重复签到。", o.Result.Error));
        await using var db = app.Context();
        Assert.Equal(1, await db.Set<Ticket>().CountAsync());
        Assert.Equal(1, await db.Set<TicketCounter>().Select(c => c.LastSequence).SingleAsync());
    }

    private static async Task FailingIssueAsync(DatabaseProvider provider)
    {
        await using var app = await QueueApp.StartAsync(provider);
        var full = await app.QueueAsync("ZH");
        await using (var db = app.Context())
        {
            // The next number of this queue would be past the largest a ticket can carry: its issue fails in the domain.
            db.Add(new TicketCounter { QueueId = full.Id, Day = DateOnly.FromDateTime(app.Clock.Now.DateTime), LastSequence = TicketNumber.MaxSequence });
            await db.SaveChangesAsync();
        }

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            Task.Run(() => app.Service<TicketIssuer>().IssueAsync(i % 20 == 0 ? "ZH" : "BDC", TicketChannel.ManagerIssued))));

        var failed = outcomes.Where(o => !o.Result.Succeeded).ToList();
        Assert.Equal(3, failed.Count);
        var numbers = outcomes.Where(o => o.Result.Succeeded).Select(o => o.Ticket!.Number).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 57).Select(i => $"A{i:000}"), numbers);
        await using var check = app.Context();
        Assert.Equal(TicketNumber.MaxSequence, await check.Set<TicketCounter>().Where(c => c.QueueId == full.Id).Select(c => c.LastSequence).SingleAsync());
        Assert.Equal(57, await check.Set<Ticket>().CountAsync());
    }

    /// <summary>A valid ID number (born 1949-12-31 in Beijing) with sequence <paramref name="sequence"/> and its check character.</summary>
    private static string IdNumberOf(int sequence)
    {
        var body = $"11010519491231{sequence:000}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        return body + "10X98765432"[body.Select((c, i) => (c - '0') * weights[i]).Sum() % 11];
    }
}
