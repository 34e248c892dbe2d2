using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;

namespace OpsConsole.Tests.Infrastructure;

/// <summary>Extra queues for tests that need one the demo center does not have (two-letter prefixes…).</summary>
public static class TestQueues
{
    /// <summary>A queue open 9–12 and 13–17; with <paramref name="routeToWindow"/>, that window serves it last.</summary>
    public static async Task<ServiceQueue> AddAsync(OpsApp app, string code, string prefix, string name, int? routeToWindow = null)
    {
        await using var db = app.CreateDbContext();
        var queue = new ServiceQueue(code, new QueuePrefix(prefix), name,
            [new OpeningPeriod(new(9, 0), new(12, 0)), new OpeningPeriod(new(13, 0), new(17, 0))]);
        db.Add(queue);
        await db.SaveChangesAsync();
        if (routeToWindow is { } number)
        {
            var window = await db.Windows.SingleAsync(w => w.Number == number);
            db.Add(new WindowQueueRoute(window.Id, queue.Id, WindowQueueRoute.MaxPrecedence));
            await db.SaveChangesAsync();
        }
        return queue;
    }
}
