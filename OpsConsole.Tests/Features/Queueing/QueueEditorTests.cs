using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Data;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Queueing;
using OpsConsole.Realtime;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Queueing;

/// <summary>Managers set up queues over a real database: typed input is read kindly, clashes are refused, changes reach the hall.</summary>
public sealed class QueueEditorTests
{
    [Fact]
    public async Task AQueueIsAddedFromTypedInputAndItsNumbersFollow()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var editor = app.Service<QueueEditor>();
        var items = (await editor.ItemsAsync()).Take(2).Select(i => i.Id).ToList();
        var changed = new ConcurrentQueue<QueueChanged>();
        using var _ = app.App.Services.GetRequiredService<HallEvents>().SubscribeInline(e => { if (e is QueueChanged q) changed.Enqueue(q); });

        var saved = await editor.SaveAsync(new QueueForm
        {
            Code = " BDDY ", Prefix = "bd", Name = "不动产抵押", OpeningHours = "9:00-12:00，13:30～17:00", TargetWaitMinutes = 25, DailyCap = 150, ItemIds = items,
        });

        Assert.True(saved.Succeeded, saved.Error);
        var row = (await editor.QueuesAsync()).Single(r => r.Queue.Code == "BDDY");
        Assert.Equal(("BD", "09:00-12:00;13:30-17:00", 25, (int?)150, 2),
            (row.Queue.Prefix.Value, QueueEditor.FormatOpeningHours(row.Queue.OpeningPeriods), (int)row.Queue.TargetWait.TotalMinutes, row.Queue.DailyCap, row.ItemNames.Count));
        Assert.Contains(changed, c => c.QueueId == row.Queue.Id);
        // No window serves the new queue yet, so the kiosk would refuse it (ADR 0019); a manager's ticket takes the first number.
        Assert.Equal("BD001", (await app.IssueAsync("BDDY", TicketChannel.ManagerIssued)).Number);
    }

    [Theory]
    [InlineData("B1", "09:00-12:00", 20, "Prefix", "队列前缀应为 1 至 2 个大写英文字母（A–Z），如 A、BD。")]
    [InlineData("A", "09:00-12:00", 20, "Prefix", "前缀 {0} 已被其他队列使用。")]
    [InlineData("ZZ", "12:00-09:00", 20, "OpeningHours", "办理时间应按先后排列、互不重叠，每段结束晚于开始，如 09:00-12:00;13:00-17:00。")]
    [InlineData("ZZ", "全天", 20, "OpeningHours", "办理时间应按先后排列、互不重叠，每段结束晚于开始，如 09:00-12:00;13:00-17:00。")]
    [InlineData("ZZ", "09:00-12:00", 0, "TargetWaitMinutes", "目标等候时间应在 1 到 480 分钟之间。")]
    public async Task BadInputIsRefusedFieldByFieldAndNothingIsSaved(string prefix, string hours, int target, string field, string error)
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var before = await CountAsync(app);

        var result = await app.Service<QueueEditor>().SaveAsync(new QueueForm { Code = "NEW", Prefix = prefix, Name = "新队列", OpeningHours = hours, TargetWaitMinutes = target });

        Assert.Equal((error, field), (result.Error, result.Field));
        Assert.Equal(before, await CountAsync(app));
    }

    [Fact]
    public async Task OverlappingPeriodsAndATakenCodeAreRefused()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var editor = app.Service<QueueEditor>();
        Assert.Equal("办理时间应按先后排列、互不重叠，每段结束晚于开始，如 09:00-12:00;13:00-17:00。",
            (await editor.SaveAsync(new QueueForm { Code = "NEW", Prefix = "ZZ", Name = "新队列", OpeningHours = "09:00-12:00;11:00-17:00" })).Error);
        Assert.Equal("队列编码 {0} 已被使用。", (await editor.SaveAsync(new QueueForm { Code = "BDC", Prefix = "ZZ", Name = "新队列" })).Error);
    }

    [Fact]
    public async Task ChangingAPrefixKeepsIssuedNumbersAndNumbersNewTicketsWithIt()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var editor = app.Service<QueueEditor>();
        var issued = await app.IssueAsync("BDC");
        var form = QueueForm.From((await editor.QueuesAsync()).Single(r => r.Queue.Code == "BDC").Queue);
        form.Prefix = "BC";

        Assert.True((await editor.SaveAsync(form)).Succeeded);

        Assert.Equal(issued.Number, (await app.TicketAsync(issued.TicketId)).Number.ToString());
        Assert.StartsWith("BC", (await app.IssueAsync("BDC")).Number);
    }

    private static async Task<int> CountAsync(QueueApp app)
    {
        await using var db = app.Context();
        return await db.Set<ServiceQueue>().CountAsync();
    }
}
