using Bunit;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Components.Pages.Monitor;
using OpsConsole.Domain.Monitoring;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Monitoring;

namespace OpsConsole.Tests.Components;

/// <summary>The monitor's alert feed: how alerts read, and a manager acknowledging one with a note.</summary>
public sealed class AlertFeedTests(ComponentAppFixture fx) : IClassFixture<ComponentAppFixture>
{
    private static QueueRow Row(int id, string code, string name) => new(id, code, QueuePrefix.Parse(code[..1]), name, 31, TimeSpan.FromMinutes(12), null,
        null, TimeSpan.FromMinutes(20), 40, 9, 1, [1], [], true, AlertSeverity.Red);

    private async Task<(Alert Alert, QueueRow Queue)> RaiseAsync(string key)
    {
        await using var db = fx.App.CreateDbContext();
        var queue = await db.Set<ServiceQueue>().FirstAsync(q => q.Code == "YB");
        var alert = new Alert(new AlertCondition(key, AlertKind.QueueWaiting, AlertSeverity.Red, queue.Id, null, 31, 30), fx.Clock.GetUtcNow());
        db.Add(alert);
        await db.SaveChangesAsync();
        return (alert, Row(queue.Id, queue.Code, queue.Name));
    }

    [Fact]
    public async Task NoAlertsSaysSo()
    {
        using var culture = new CultureScope("zh-CN");
        await using var ctx = fx.NewContext(out var scope, "BJ0003");
        using var _ = scope;

        var feed = ctx.Render<AlertFeed>(p => p.Add(c => c.Alerts, []).Add(c => c.Queues, []).Add(c => c.Windows, []));

        Assert.Contains("当前没有告警", feed.Find("[data-testid=alert-feed]").TextContent);
        Assert.Equal("0", feed.Find("[data-testid=alert-count]").TextContent);
    }

    [Fact]
    public async Task AnAlertNamesItsQueueAndAManagerAcknowledgesItWithANote()
    {
        using var culture = new CultureScope("zh-CN");
        var (alert, queue) = await RaiseAsync("test-ack-yb");
        await using var ctx = fx.NewContext(out var scope, "BJ0003");
        using var _ = scope;

        var feed = ctx.Render<AlertFeed>(p => p.Add(c => c.Alerts, [alert]).Add(c => c.Queues, [queue]).Add(c => c.Windows, []));
        Assert.Contains($"{queue.Name}：等候人数过多", feed.Markup);
        Assert.Contains("31 人等候（阈值 30）", feed.Markup);
        Assert.Contains("自 10:00", feed.Markup);

        feed.Find("[data-testid=ack]").Click();
        feed.Find("input[data-testid=ack-note]").Change("已增开 2 号窗口");
        await feed.Find("button[data-testid=ack-confirm]").ClickAsync(new());

        feed.WaitForAssertion(() => Assert.Empty(feed.FindAll("[data-testid=ack-form]")));
        await using var db = fx.App.CreateDbContext();
        var saved = await db.Set<Alert>().SingleAsync(a => a.Id == alert.Id);
        Assert.Equal("BJ0003", saved.AcknowledgedBy);
        Assert.Equal("已增开 2 号窗口", saved.Note);
    }
}
