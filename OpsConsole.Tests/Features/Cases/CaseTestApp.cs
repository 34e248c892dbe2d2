using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Cases;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Attendance;
using OpsConsole.Features.Cases;
using OpsConsole.Features.Queueing;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Cases;

/// <summary>Helpers for case tests on the seeded app: a served ticket at a staffed window, holidays, actors.</summary>
internal static class CaseTestApp
{
    /// <summary>Window 1's staff member serves and completes a ticket of the window's first queue.</summary>
    public static async Task<(int TicketId, int WindowId, int StaffId)> ServedTicketAsync(QueueApp app, int windowNumber = 1)
    {
        var (windowId, staffId) = await app.StaffedWindowAsync(windowNumber);
        await using (var db = app.Context())
        {
            var queueId = await db.Set<WindowQueueRoute>().Where(r => r.WindowId == windowId).OrderBy(r => r.Precedence).Select(r => r.QueueId).FirstAsync();
            var code = await db.Set<ServiceQueue>().Where(q => q.Id == queueId).Select(q => q.Code).SingleAsync();
            await app.IssueAsync(code);
        }
        var desk = app.Service<CounterDesk>();
        Assert.True((await desk.CallNextAsync(windowId, staffId)).Succeeded);
        Assert.True((await desk.CompleteAsync(windowId, staffId)).Succeeded);
        await using var check = app.Context();
        var ticketId = await check.Set<Ticket>().Where(t => t.WindowId == windowId && t.State == TicketState.Completed).OrderByDescending(t => t.Id).Select(t => t.Id).FirstAsync();
        return (ticketId, windowId, staffId);
    }

    public static async Task HolidayAsync(QueueApp app, DateOnly day) =>
        Assert.True((await app.Service<AttendanceSettings>().SetCalendarDayAsync(day, CalendarEntryKind.Holiday, "测试假日")).Succeeded);

    /// <summary>A promised case (承诺件) of <paramref name="days"/> working days from a served ticket at window 1.</summary>
    public static async Task<(long CaseId, int WindowId, int StaffId)> PromisedCaseAsync(QueueApp app, int days, int windowNumber = 1)
    {
        var (ticketId, windowId, staffId) = await ServedTicketAsync(app, windowNumber);
        var actor = new CaseActor(staffId, false, false);
        var desk = app.Service<CaseDesk>();
        var draft = await desk.DraftFromTicketAsync(ticketId, actor);
        Assert.NotNull(draft);
        var form = new CaseDesk.CaseForm { Kind = CaseKind.Promised, ServiceItemId = draft!.Items[0].Id, ApplicantName = "张三丰", ApplicantPhone = "13812345678", PromisedDays = days };
        var registered = await desk.RegisterFromTicketAsync(ticketId, form, actor);
        Assert.True(registered.Result.Succeeded, registered.Result.Error);
        return (registered.CaseId!.Value, windowId, staffId);
    }

    public static async Task<ServiceCase> CaseAsync(QueueApp app, long id)
    {
        await using var db = app.Context();
        return await db.Set<ServiceCase>().AsNoTracking().Include(c => c.History).SingleAsync(c => c.Id == id);
    }

    public static async Task<List<SupervisionCard>> CardsAsync(QueueApp app, long caseId)
    {
        await using var db = app.Context();
        return (await db.Set<SupervisionCard>().AsNoTracking().Where(c => c.CaseId == caseId).ToListAsync()).OrderBy(c => c.Level).ToList();
    }

    public static DateTimeOffset At(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));
}
