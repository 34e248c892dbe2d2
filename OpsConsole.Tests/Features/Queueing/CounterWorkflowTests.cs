using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Queueing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Queueing;

/// <summary>
/// The counter's own steps on a real SQLite file: calling a named number, the waiting list in call order, notes that
/// travel with a ticket, where a reinstated no-show stands, transfer targets without an open window, 一次性告知单.
/// </summary>
public sealed class CounterWorkflowTests : IAsyncLifetime
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
    private CounterChoices Choices => app.Service<CounterChoices>();

    [Fact]
    public async Task ANamedNumberIsCalledAheadOfItsTurn()
    {
        var first = await app.IssueAsync();
        await app.IssueAsync();
        var third = await app.IssueAsync();

        var result = await Desk.CallNumberAsync(w1.WindowId, w1.StaffId, third.Number.ToLowerInvariant());

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("已呼叫 {0}。", result.NoticeText);
        var called = await app.TicketAsync(third.TicketId);
        Assert.Equal((TicketState.Called, w1.WindowId), (called.State, called.WindowId!.Value));
        Assert.Equal(TicketState.Waiting, (await app.TicketAsync(first.TicketId)).State);
    }

    [Fact]
    public async Task ANumberThatCannotBeCalledIsRefusedWithTheReason()
    {
        var atW1 = await app.IssueAsync();
        Assert.True((await Desk.CallNextAsync(w1.WindowId, w1.StaffId)).Succeeded);

        var badFormat = await Desk.CallNumberAsync(w2.WindowId, w2.StaffId, "12");
        var unknown = await Desk.CallNumberAsync(w2.WindowId, w2.StaffId, "A099");
        var busy = await Desk.CallNumberAsync(w2.WindowId, w2.StaffId, atW1.Number);

        Assert.Equal("请输入完整的号码，如 A007。", badFormat.Error);
        Assert.Equal(("今天没有 {0} 号。", "A099"), (unknown.Error, unknown.Args![0]));
        Assert.Equal("{0} 号正在 {1} 号窗口，不能再呼叫。", busy.Error);
        Assert.Equal(new object[] { atW1.Number, 1 }, busy.Args!);
        var ticket = await app.TicketAsync(atW1.TicketId);
        Assert.Equal((TicketState.Called, w1.WindowId), (ticket.State, ticket.WindowId!.Value));
    }

    [Fact]
    public async Task ANoShowWhoComesBackIsCalledAtOnceWithinThirtyMinutes()
    {
        var late = await app.IssueAsync();
        var later = await app.IssueAsync();
        await app.IssueAsync();
        await Desk.CallNextAsync(w1.WindowId, w1.StaffId);
        Assert.True((await Desk.NoShowAsync(w1.WindowId, w1.StaffId)).Succeeded);
        await Desk.CallNextAsync(w1.WindowId, w1.StaffId);
        Assert.True((await Desk.NoShowAsync(w1.WindowId, w1.StaffId)).Succeeded);

        app.Clock.Advance(TimeSpan.FromMinutes(12));
        var back = await Desk.CallNumberAsync(w1.WindowId, w1.StaffId, late.Number);
        Assert.Equal("已恢复过号并呼叫 {0}。", back.NoticeText);
        Assert.Equal(TicketState.Called, (await app.TicketAsync(late.TicketId)).State);
        Assert.True((await Desk.CompleteAsync(w1.WindowId, w1.StaffId)).Succeeded);

        app.Clock.Advance(TimeSpan.FromMinutes(19));
        var tooLate = await Desk.CallNumberAsync(w1.WindowId, w1.StaffId, later.Number);
        Assert.Equal("{0} 号过号已超过 {1} 分钟，请重新取号。", tooLate.Error);
        Assert.Equal(TicketState.NoShow, (await app.TicketAsync(later.TicketId)).State);
    }

    [Fact]
    public async Task AReinstatedNoShowIsToldWhereItStands()
    {
        var t = await app.IssueAsync();
        for (var i = 0; i < 5; i++)
        {
            // Applicants arrive one after another: sort times differ, as in a real hall.
            app.Clock.Advance(TimeSpan.FromSeconds(30));
            await app.IssueAsync();
        }
        await Desk.CallNextAsync(w1.WindowId, w1.StaffId);
        await Desk.NoShowAsync(w1.WindowId, w1.StaffId);

        var result = await Desk.ReinstateAsync(w1.WindowId, w1.StaffId, t.TicketId);

        Assert.Equal("{0} 号已恢复，在“{1}”队列排第 {2} 位（前面 {3} 人）。", result.NoticeText);
        Assert.Equal(t.Number, result.Args![0]);
        Assert.Equal((4, 3), ((int)result.Args[2], (int)result.Args[3]));
    }

    [Fact]
    public async Task TheWaitingListFollowsTheCallOrder()
    {
        var normal = await app.IssueAsync();
        var green = await app.IssueAsync(channel: TicketChannel.ManagerIssued);

        var (entries, total) = await Choices.WaitingListAsync(w1.WindowId);

        Assert.Equal(2, total);
        Assert.Equal([green.Number, normal.Number], entries.Select(e => e.Number));
        Assert.Equal(PriorityClass.GreenChannel, entries[0].Priority);
        Assert.True((await Desk.CallNextAsync(w1.WindowId, w1.StaffId)).Succeeded);
        Assert.Equal(TicketState.Called, (await app.TicketAsync(green.TicketId)).State);
    }

    [Fact]
    public async Task NotesOnParkAndTransferTravelWithTheTicketToTheNextCounter()
    {
        var t = await app.IssueAsync();
        await Desk.CallNextAsync(w1.WindowId, w1.StaffId);
        await Desk.StartAsync(w1.WindowId, w1.StaffId);
        Assert.True((await Desk.ParkAsync(w1.WindowId, w1.StaffId, "  去复印户口簿  ")).Succeeded);
        Assert.True((await Desk.ResumeParkedAsync(w1.WindowId, w1.StaffId, t.TicketId)).Succeeded);
        Assert.True((await Desk.TransferToWindowAsync(w1.WindowId, w1.StaffId, w2.WindowId, "已核验身份证")).Succeeded);
        Assert.True((await Desk.CallNextAsync(w2.WindowId, w2.StaffId)).Succeeded);

        var notes = await Choices.NotesAsync(t.TicketId);

        Assert.Equal([(TicketNoteKind.Park, "去复印户口簿", 1), (TicketNoteKind.Transfer, "已核验身份证", 1)],
            notes.Select(n => (n.Kind, n.Text, n.WindowNumber)));
        var waiting = await app.IssueAsync();
        Assert.False((await Choices.WaitingListAsync(w1.WindowId)).Entries.Single(e => e.Number == waiting.Number).HasNotes);
    }

    [Fact]
    public async Task ATooLongNoteIsRefusedAndTheTicketStaysAtTheCounter()
    {
        var t = await app.IssueAsync();
        await Desk.CallNextAsync(w1.WindowId, w1.StaffId);

        var result = await Desk.ParkAsync(w1.WindowId, w1.StaffId, new string('字', TicketNote.TextMaxLength + 1));

        Assert.Equal("备注不能超过 200 个字符。", result.Error);
        Assert.Equal(TicketState.Called, (await app.TicketAsync(t.TicketId)).State);
    }

    [Fact]
    public async Task TransferTargetsSayWhichQueuesNoOpenWindowServes()
    {
        await app.AddQueueAsync("NOWIN", "N", "无窗口队列");
        var bdc = await app.QueueAsync("BDC");

        var (queues, _) = await Choices.TransferTargetsAsync(w1.WindowId);

        Assert.Equal(0, queues.Single(q => q.Name == "无窗口队列").OpenWindows);
        Assert.True(queues.Single(q => q.QueueId == bdc.Id).OpenWindows > 0);
    }

    [Fact]
    public async Task ANoticeOfMissingMaterialsIsRecordedAsIssued()
    {
        var t = await app.IssueAsync();
        var notices = app.Service<MaterialNotices>();
        var noTicket = await notices.IssueAsync(w1.WindowId, w1.StaffId, 1, ["x"], null);
        Assert.Equal("窗口当前没有在办的号。", noTicket.Result.Error);
        await Desk.CallNextAsync(w1.WindowId, w1.StaffId);
        var guide = (await notices.GuidesAsync((await app.QueueAsync("BDC")).Id)).First();
        var missing = guide.Materials.Take(2).Select(m => m.Name).Reverse().ToList();

        Assert.Equal("请勾选至少一项缺少的材料。", (await notices.IssueAsync(w1.WindowId, w1.StaffId, guide.ItemId, [], null)).Result.Error);
        var (result, id) = await notices.IssueAsync(w1.WindowId, w1.StaffId, guide.ItemId, missing, "请于十日内补齐");

        Assert.True(result.Succeeded, result.Error);
        var printed = (await notices.FindAsync(id!.Value))!;
        Assert.Equal(guide.Materials.Take(2).Select(m => m.Name), printed.Notice.Materials);
        Assert.Equal((t.TicketId, t.Number, w1.StaffId, 1, guide.Name), (printed.Notice.TicketId, printed.Notice.TicketNumber, printed.Notice.StaffId, printed.WindowNumber, printed.Notice.ItemName));
        Assert.Equal(app.Clock.GetUtcNow(), printed.Notice.IssuedAt.ToUniversalTime());
        await using var db = app.Context();
        Assert.True(await db.AuditLog.AnyAsync(a => a.EntityType == nameof(MissingMaterialsNotice)));
    }
}
