using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Queueing;
using OpsConsole.Realtime;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Queueing;

/// <summary>Window actions through the real use case on a real SQLite file.</summary>
public sealed class CounterDeskTests : IAsyncLifetime
{
    private QueueApp app = default!;
    private (int WindowId, int StaffId) w1, w2;

    public async Task InitializeAsync()
    {
        app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        w1 = await app.StaffedWindowAsync(1);
        w2 = await app.StaffedWindowAsync(2);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private CounterDesk Desk => app.Service<CounterDesk>();

    [Fact]
    public async Task CallingNextTakesTheLongestWaitingTicketAndPublishesTheCall()
    {
        var first = await app.IssueAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.IssueAsync();
        var calls = new List<TicketCalled>();
        using var _ = app.Service<HallEvents>().SubscribeInline(e => { if (e is TicketCalled c) calls.Add(c); });

        var result = await Desk.CallNextAsync(w1.WindowId, w1.StaffId);

        Assert.True(result.Succeeded, result.Error);
        var ticket = await app.TicketAsync(first.TicketId);
        Assert.Equal((TicketState.Called, w1.WindowId), (ticket.State, ticket.WindowId!.Value));
        var call = Assert.Single(calls);
        Assert.Equal(("A001", 1), (call.Number, call.WindowNumber));
    }

    [Fact]
    public async Task OnlySigningInAndOutIsAStaffingChange()
    {
        // Pages choosing a window to sign in to reload only on staffing changes, not on every call in the hall.
        await app.IssueAsync();
        var changes = new List<WindowChanged>();
        using var _ = app.Service<HallEvents>().SubscribeInline(e => { if (e is WindowChanged w) changes.Add(w); });

        Assert.True((await Desk.CallNextAsync(w1.WindowId, w1.StaffId)).Succeeded);
        Assert.True((await Desk.CompleteAsync(w1.WindowId, w1.StaffId)).Succeeded);
        Assert.True((await Desk.PauseAsync(w1.WindowId, w1.StaffId, PauseReason.Meeting, null)).Succeeded);
        Assert.True((await Desk.ResumeAsync(w1.WindowId, w1.StaffId)).Succeeded);
        Assert.NotEmpty(changes);
        Assert.All(changes, w => Assert.False(w.Staffing));

        changes.Clear();
        Assert.True((await Desk.SignOutAsync(w1.WindowId, w1.StaffId)).Succeeded);
        Assert.True((await Desk.SignInAsync(w1.WindowId, w1.StaffId)).Succeeded);
        Assert.Equal([(w1.WindowId, true), (w1.WindowId, true)], changes.Select(w => (w.WindowId, w.Staffing)));
    }

    [Fact]
    public async Task ADoubleClickOnCallNextDoesNotTakeASecondTicket()
    {
        await app.IssueAsync();
        var second = await app.IssueAsync();
        Assert.True((await Desk.CallNextAsync(w1.WindowId, w1.StaffId)).Succeeded);

        var again = await Desk.CallNextAsync(w1.WindowId, w1.StaffId);

        Assert.Equal("请先办结或处理当前号。", again.Error);
        Assert.Equal(TicketState.Waiting, (await app.TicketAsync(second.TicketId)).State);
    }

    [Fact]
    public async Task NothingWaitingIsAMessageNotAnError()
    {
        var result = await Desk.CallNextAsync(w1.WindowId, w1.StaffId);
        Assert.Equal("当前没有等候的号。", result.Error);
    }

    [Fact]
    public async Task RecallingPastTheLimitMarksANoShowThatCanBeReinstated()
    {
        var t = await app.IssueAsync();
        await Desk.CallNextAsync(w1.WindowId, w1.StaffId);
        Assert.True((await Desk.RecallAsync(w1.WindowId, w1.StaffId)).Succeeded);
        Assert.True((await Desk.RecallAsync(w1.WindowId, w1.StaffId)).Succeeded);
        var third = await Desk.RecallAsync(w1.WindowId, w1.StaffId);

        Assert.True(third.Succeeded);
        Assert.Equal("已重呼 {0} 次仍未到，已按过号处理。", third.NoticeText);
        Assert.Equal(TicketState.NoShow, (await app.TicketAsync(t.TicketId)).State);

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True((await Desk.ReinstateAsync(w1.WindowId, w1.StaffId, t.TicketId)).Succeeded);
        Assert.Equal(TicketState.Waiting, (await app.TicketAsync(t.TicketId)).State);
    }

    [Fact]
    public async Task CompletingFreesTheWindowAndCountsAsServed()
    {
        await app.IssueAsync();
        await Desk.CallNextAsync(w1.WindowId, w1.StaffId);
        await Desk.StartAsync(w1.WindowId, w1.StaffId);
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.True((await Desk.CompleteAsync(w1.WindowId, w1.StaffId)).Succeeded);

        var view = await app.Service<QueueQueries>().CounterAsync(w1.WindowId);
        Assert.Equal(WindowState.Idle, view!.Session.State);
        Assert.Equal(1, view.ServedToday);
        Assert.Equal(TimeSpan.FromMinutes(6), view.MeanServiceToday);
    }

    [Fact]
    public async Task AParkedTicketIsResumedOnlyByTheWindowThatParkedIt()
    {
        var t = await app.IssueAsync();
        await Desk.CallNextAsync(w1.WindowId, w1.StaffId);
        await Desk.StartAsync(w1.WindowId, w1.StaffId);
        Assert.True((await Desk.ParkAsync(w1.WindowId, w1.StaffId)).Succeeded);

        var other = await Desk.ResumeParkedAsync(w2.WindowId, w2.StaffId, t.TicketId);
        Assert.Equal("该号由其他窗口挂起，只能由原窗口恢复。", other.Error);
        Assert.True((await Desk.ResumeParkedAsync(w1.WindowId, w1.StaffId, t.TicketId)).Succeeded);
    }

    [Fact]
    public async Task ATransferKeepsTheNumberAndReachesTheTargetWindowFirst()
    {
        var t = await app.IssueAsync();
        await app.IssueAsync();
        await Desk.CallNextAsync(w1.WindowId, w1.StaffId);
        await Desk.StartAsync(w1.WindowId, w1.StaffId);

        Assert.True((await Desk.TransferToWindowAsync(w1.WindowId, w1.StaffId, w2.WindowId)).Succeeded);
        Assert.True((await Desk.CallNextAsync(w2.WindowId, w2.StaffId)).Succeeded);

        var moved = await app.TicketAsync(t.TicketId);
        Assert.Equal(("A001", w2.WindowId, PriorityClass.Transferred), (moved.Number.ToString(), moved.WindowId!.Value, moved.Priority));
    }

    [Fact]
    public async Task APausedWindowDoesNotCallAndAStaffMemberHoldsOneWindowOnly()
    {
        await app.IssueAsync();
        Assert.True((await Desk.PauseAsync(w1.WindowId, w1.StaffId, PauseReason.Meeting, "科室例会")).Succeeded);
        Assert.Equal("窗口暂停中，请先恢复服务。", (await Desk.CallNextAsync(w1.WindowId, w1.StaffId)).Error);

        var elsewhere = await Desk.SignInAsync(w2.WindowId, w1.StaffId);
        Assert.False(elsewhere.Succeeded);
        Assert.Equal("您已登录 {0} 号窗口，请先在该窗口退出。", elsewhere.Error);
    }

    [Fact]
    public async Task AnotherWindowsTicketCannotBeActedOn()
    {
        await app.IssueAsync();
        await Desk.CallNextAsync(w1.WindowId, w1.StaffId);
        // Window 2 has no ticket at its counter: completing there changes nothing.
        Assert.Equal("窗口当前没有在办的号。", (await Desk.CompleteAsync(w2.WindowId, w2.StaffId)).Error);
        // And a person who is not signed in at window 1 cannot act for it.
        Assert.Equal("该窗口已由其他工作人员登录。", (await Desk.CompleteAsync(w1.WindowId, w2.StaffId)).Error);
    }

    [Fact]
    public async Task EveryStateChangeIsAudited()
    {
        var t = await app.IssueAsync();
        await Desk.CallNextAsync(w1.WindowId, w1.StaffId);
        await using var db = app.Context();
        var lines = await db.AuditLog.Where(a => a.EntityType == nameof(Ticket) && a.EntityId == t.TicketId.ToString()).ToListAsync();
        Assert.Contains(lines, a => a.Action == "Modified" && a.Details.Contains("Called"));
    }
}
