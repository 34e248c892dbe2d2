using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Auth;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Queueing;
using OpsConsole.Features.Satisfaction;
using OpsConsole.Features.Supervision;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Supervision;

/// <summary>People and records of the demo center for supervision tests: actors built from real claims, a bad rating made through the counter and the evaluator.</summary>
internal static class SupervisionTestData
{
    public static async Task<SupervisionActor> ActorAsync(QueueApp app, int staffId, params string[] roles)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, $"staff{staffId}"), new(AppClaimsPrincipalFactory.StaffIdClaim, staffId.ToString()) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return await SupervisionActor.OfAsync(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")),
            app.App.Services.GetRequiredService<IDbContextFactory<OpsConsole.Data.OpsDbContext>>());
    }

    /// <summary>A manager of the center office (no department) of the demo seed.</summary>
    public static async Task<SupervisionActor> ManagerAsync(QueueApp app)
    {
        await using var db = app.Context();
        var id = await db.Staff.Where(s => s.EmployeeNo == "BJ0003").Select(s => s.Id).SingleAsync();
        return await ActorAsync(app, id, Roles.Manager);
    }

    /// <summary>Serves a ticket at window <paramref name="windowNumber"/> and rates it 非常不满意: returns its rectification and the window's staff.</summary>
    public static async Task<(int RectificationId, int WindowId, int StaffId)> BadRatingAsync(QueueApp app, int windowNumber = 1)
    {
        var (windowId, staffId) = await app.StaffedWindowAsync(windowNumber);
        await using (var db = app.Context())
        {
            var queueId = await db.Set<OpsConsole.Domain.Windows.WindowQueueRoute>().Where(r => r.WindowId == windowId).OrderBy(r => r.Precedence).Select(r => r.QueueId).FirstAsync();
            var code = await db.Set<ServiceQueue>().Where(q => q.Id == queueId).Select(q => q.Code).SingleAsync();
            await app.IssueAsync(code);
        }
        var desk = app.Service<CounterDesk>();
        Assert.True((await desk.CallNextAsync(windowId, staffId)).Succeeded);
        Assert.True((await desk.CompleteAsync(windowId, staffId)).Succeeded);
        var evaluations = app.Service<EvaluationDesk>();
        var pending = await evaluations.PendingAsync(windowId);
        Assert.NotNull(pending);
        var rated = await evaluations.SubmitAsync(windowId, pending!.TicketId, SatisfactionLevel.VeryDissatisfied, [EvaluationReason.PoorAttitude], "态度生硬");
        Assert.True(rated.Succeeded, rated.Error);
        await using var check = app.Context();
        var id = await check.Set<Rectification>().Where(r => r.TicketId == pending.TicketId).Select(r => r.Id).SingleAsync();
        return (id, windowId, staffId);
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Evidence", name);
}
