using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Accounts;
using OpsConsole.Features.Queueing;
using OpsConsole.Realtime;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Windows;

/// <summary>A disabled person stops calling at once: their window closes and the applicant at it waits again.</summary>
public sealed class DisabledStaffTests : IAsyncLifetime
{
    private QueueApp app = default!;

    public async Task InitializeAsync() => app = await QueueApp.StartAsync(DatabaseProvider.Sqlite, TestClock.MondayMorning());

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task DisablingClosesTheirWindowAndReturnsTheirTicketToItsPlace()
    {
        var w1 = await app.StaffedWindowAsync(1);
        var w2 = await app.StaffedWindowAsync(2);
        var first = await app.IssueAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await app.IssueAsync();
        var desk = app.Service<CounterDesk>();
        Assert.True((await desk.CallNextAsync(w1.WindowId, w1.StaffId)).Succeeded);
        Assert.True((await desk.StartAsync(w1.WindowId, w1.StaffId)).Succeeded);
        var changes = new List<HallEvent>();
        using var _ = app.Service<HallEvents>().SubscribeInline(changes.Add);

        int userId;
        await using (var db = app.Context()) userId = await db.Users.Where(u => u.StaffId == w1.StaffId).Select(u => u.Id).SingleAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await app.Service<AccountAdmin>().SetDisabledAsync(userId, true, "admin")).Succeeded);

        await using (var db = app.Context())
        {
            var session = await db.Set<WindowSession>().SingleAsync(s => s.WindowId == w1.WindowId);
            Assert.Equal((WindowState.Closed, null, null), (session.State, session.StaffId, session.CurrentTicketId));
            var audit = await db.AuditLog.SingleAsync(a => a.Action == "WindowTakenOff");
            Assert.Equal(("admin", w1.WindowId.ToString()), (audit.Actor, audit.EntityId));
            Assert.Contains("\"returnedTicket\":\"A001\"", audit.Details);
        }
        var returned = await app.TicketAsync(first.TicketId);
        Assert.Equal((TicketState.Waiting, (int?)null, (int?)null), (returned.State, returned.WindowId, returned.StaffId));
        await using (var db = app.Context())
        {
            var leg = Assert.Single(await db.Set<Ticket>().Where(t => t.Id == first.TicketId).SelectMany(t => t.Transfers).ToListAsync());
            Assert.Equal((w1.WindowId, w1.StaffId), (leg.FromWindowId, leg.FromStaffId));
        }
        Assert.Contains(changes, e => e is TicketChanged t && t.TicketId == first.TicketId);
        Assert.Contains(changes, e => e is WindowChanged { Staffing: true } w && w.WindowId == w1.WindowId);

        // Their window can call no more (a calling pad acts as the person signed in there) ...
        Assert.Equal("请先登录窗口。", (await desk.CallNextAsync(w1.WindowId, w1.StaffId)).Error);
        // ... and the applicant keeps their place: the next call anywhere takes them before the later ticket.
        Assert.True((await desk.CallNextAsync(w2.WindowId, w2.StaffId)).Succeeded);
        Assert.Equal((TicketState.Called, (int?)w2.WindowId), ((await app.TicketAsync(first.TicketId)).State, (await app.TicketAsync(first.TicketId)).WindowId));
        Assert.Equal(TicketState.Waiting, (await app.TicketAsync(second.TicketId)).State);
    }

    [Fact]
    public async Task DisablingSomeoneOffDutyChangesNoWindow()
    {
        await using var db = app.Context();
        var signedIn = await db.Set<WindowSession>().Where(s => s.StaffId != null).Select(s => s.StaffId).ToListAsync();
        var offDuty = await db.Users.Where(u => u.StaffId != null && !signedIn.Contains(u.StaffId)).Select(u => u.Id).FirstAsync();
        var before = await db.Set<WindowSession>().CountAsync(s => s.State != WindowState.Closed);

        Assert.True((await app.Service<AccountAdmin>().SetDisabledAsync(offDuty, true, "admin")).Succeeded);

        Assert.Equal(before, await db.Set<WindowSession>().CountAsync(s => s.State != WindowState.Closed));
        Assert.False(await db.AuditLog.AnyAsync(a => a.Action == "WindowTakenOff"));
    }
}
