using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Queueing;
using OpsConsole.Features.Satisfaction;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Satisfaction;

/// <summary>Rating a completed ticket on the evaluator: once, at its own window, bad ratings open a rectification.</summary>
public sealed class EvaluationDeskTests
{
    [Fact]
    public async Task ATicketIsRatedOnceAtItsOwnWindow()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var (windowId, staffId) = await app.StaffedWindowAsync(1);
        var (otherWindowId, _) = await app.StaffedWindowAsync(2);
        await using (var db = app.Context())
        {
            var queueId = await db.Set<OpsConsole.Domain.Windows.WindowQueueRoute>().Where(r => r.WindowId == windowId).OrderBy(r => r.Precedence).Select(r => r.QueueId).FirstAsync();
            var code = await db.Set<ServiceQueue>().Where(q => q.Id == queueId).Select(q => q.Code).SingleAsync();
            await app.IssueAsync(code);
        }
        var desk = app.Service<CounterDesk>();
        Assert.True((await desk.CallNextAsync(windowId, staffId)).Succeeded);
        var evaluations = app.Service<EvaluationDesk>();
        Assert.Null(await evaluations.PendingAsync(windowId));
        Assert.True((await desk.CompleteAsync(windowId, staffId)).Succeeded);

        var pending = await evaluations.PendingAsync(windowId);
        Assert.NotNull(pending);
        Assert.Null(await evaluations.PendingAsync(otherWindowId));

        var elsewhere = await evaluations.SubmitAsync(otherWindowId, pending!.TicketId, SatisfactionLevel.Satisfied, [], null);
        Assert.Equal("该号不是在本窗口办理的，不能在此评价。", elsewhere.Error);
        var noReason = await evaluations.SubmitAsync(windowId, pending.TicketId, SatisfactionLevel.Dissatisfied, [], null);
        Assert.Equal("请选择不满意的原因。", noReason.Error);

        Assert.True((await evaluations.SubmitAsync(windowId, pending.TicketId, SatisfactionLevel.Satisfied, [], "  很好  ")).Succeeded);
        var twice = await evaluations.SubmitAsync(windowId, pending.TicketId, SatisfactionLevel.VeryDissatisfied, [EvaluationReason.LongWait], null);
        Assert.Equal("该号已评价过，感谢您的参与。", twice.Error);
        Assert.Null(await evaluations.PendingAsync(windowId));

        await using var check = app.Context();
        var saved = await check.Set<Evaluation>().Include(e => e.Rectification).SingleAsync();
        Assert.Equal(SatisfactionLevel.Satisfied, saved.Level);
        Assert.Equal("很好", saved.Comment);
        Assert.Null(saved.Rectification);
        Assert.Equal(0, await check.Set<Rectification>().CountAsync());
    }

    [Fact]
    public async Task DeadlinesCountTheCentersWorkCalendarAsSoonAsItChanges()
    {
        await using var app = await QueueApp.StartAsync(DatabaseProvider.Sqlite);
        var calendar = app.Service<OpsConsole.Domain.Common.IWorkingDayCalendar>();
        var settings = app.Service<OpsConsole.Features.Attendance.AttendanceSettings>();
        var friday = new DateOnly(2026, 11, 27);
        Assert.Equal(new DateOnly(2026, 11, 30), calendar.AddWorkingDays(friday, 1));

        Assert.True((await settings.SetCalendarDayAsync(new DateOnly(2026, 11, 30), OpsConsole.Domain.Attendance.CalendarEntryKind.Holiday, "测试假日")).Succeeded);
        Assert.Equal(new DateOnly(2026, 12, 1), calendar.AddWorkingDays(friday, 1));
        Assert.Equal(new DateOnly(2026, 12, 21), calendar.AddWorkingDays(friday, 15));

        Assert.True((await settings.SetCalendarDayAsync(new DateOnly(2026, 11, 28), OpsConsole.Domain.Attendance.CalendarEntryKind.Workday, "调休上班")).Succeeded);
        Assert.Equal(new DateOnly(2026, 11, 28), calendar.AddWorkingDays(friday, 1));
        Assert.True((await settings.RemoveCalendarDayAsync(new DateOnly(2026, 11, 28))).Succeeded);
        Assert.False(calendar.IsWorkday(new DateOnly(2026, 11, 28)));
    }
}
