using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Components.Pages.Counter;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Queueing;

namespace OpsConsole.Tests.Components;

/// <summary>The counter's current-ticket card over real window views from the app.</summary>
public sealed class CurrentTicketCardTests(ComponentAppFixture fx) : IClassFixture<ComponentAppFixture>
{
    private static async Task<QueueQueries.CounterView> ViewAsync(IServiceScope scope, int windowId) =>
        (await scope.ServiceProvider.GetRequiredService<QueueQueries>().CounterAsync(windowId))!;

    [Fact]
    public async Task AnIdleWindowSaysHowManyWaitAndHowToCall()
    {
        using var culture = new CultureScope("zh-CN");
        var window = (await fx.StaffedWindowsAsync())[2];
        await using var ctx = fx.NewContext(out var scope);
        using var _ = scope;
        var view = await ViewAsync(scope, window.WindowId);

        var card = ctx.Render<CurrentTicketCard>(p => p.Add(c => c.View, view).Add(c => c.Waiting, 3));

        Assert.Equal(window.Number.ToString(), card.Find("[data-testid=window-number]").TextContent);
        Assert.Equal("空闲", card.Find("[data-testid=window-state]").TextContent);
        Assert.Contains("3 人等候，按 F1 呼叫下一位", card.Find("[data-testid=no-ticket]").TextContent);

        card.Render(p => p.Add(c => c.Waiting, 0));
        Assert.Contains("暂无等候的群众", card.Find("[data-testid=no-ticket]").TextContent);
    }

    [Fact]
    public async Task ACalledTicketShowsItsNumberAndServingCountsFromTheStartOfService()
    {
        using var culture = new CultureScope("zh-CN");
        var window = (await fx.StaffedWindowsAsync()).Single(w => w.Number == 1);
        await using var ctx = fx.NewContext(out var scope);
        using var _ = scope;
        var issued = await scope.ServiceProvider.GetRequiredService<TicketIssuer>().IssueAsync("BDC", TicketChannel.Kiosk);
        Assert.True(issued.Result.Succeeded, issued.Result.Error);
        var desk = scope.ServiceProvider.GetRequiredService<CounterDesk>();
        Assert.True((await desk.CallNextAsync(window.WindowId, window.StaffId)).Succeeded);

        var called = await ViewAsync(scope, window.WindowId);
        var card = ctx.Render<CurrentTicketCard>(p => p.Add(c => c.View, called)
            .Add(c => c.ServiceItems, ["不动产首次登记", "抵押登记", "查封登记", "更正登记"]));
        Assert.Equal(issued.Ticket!.Number, card.Find("[data-testid=current-number]").TextContent);
        Assert.Equal("已呼叫", card.Find("[data-testid=ticket-state]").TextContent.Trim());
        // The header says 已呼叫 too until service starts (not 办理中 from the moment of the call).
        Assert.Equal("已呼叫", card.Find("[data-testid=window-state]").TextContent.Trim());
        Assert.Contains("等 4 项", card.Markup);
        Assert.Equal(3, card.FindAll(".cw-items .ops-chip").Count);

        Assert.True((await desk.StartAsync(window.WindowId, window.StaffId)).Succeeded);
        fx.Clock.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(12));
        try
        {
            var serving = await ViewAsync(scope, window.WindowId);
            card.Render(p => p.Add(c => c.View, serving));
            Assert.Equal("办理中", card.Find("[data-testid=ticket-state]").TextContent.Trim());
            Assert.Equal("办理中", card.Find("[data-testid=window-state]").TextContent.Trim());
            Assert.Equal("04:12", card.Find("[data-testid=ticket-elapsed]").TextContent);
            Assert.Contains("办理用时", card.Markup);
        }
        finally
        {
            Assert.True((await desk.CompleteAsync(window.WindowId, window.StaffId)).Succeeded);
        }
    }

    [Fact]
    public async Task AKioskTicketShowsTheChosenItemWithItsGuideAndOnlyTheMaskedId()
    {
        using var culture = new CultureScope("zh-CN");
        var window = (await fx.StaffedWindowsAsync()).Single(w => w.Number == 1);
        await using var ctx = fx.NewContext(out var scope);
        using var _ = scope;
        await using var db = await scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<OpsConsole.Data.OpsDbContext>>().CreateDbContextAsync();
        var item = (from qi in db.Set<ServiceQueueItem>()
                    join q in db.Set<ServiceQueue>() on qi.ServiceQueueId equals q.Id
                    join i in db.ServiceItems on qi.ServiceItemId equals i.Id
                    where q.Code == "BDC" && i.Active
                    orderby i.Id
                    select i).First();
        var issued = await scope.ServiceProvider.GetRequiredService<TicketIssuer>()
            .IssueAsync("BDC", TicketChannel.Kiosk, idNumber: "371302199001050021", serviceItemId: item.Id);
        Assert.True(issued.Result.Succeeded, issued.Result.Error);
        var desk = scope.ServiceProvider.GetRequiredService<CounterDesk>();
        Assert.True((await desk.CallNumberAsync(window.WindowId, window.StaffId, issued.Ticket!.Number)).Succeeded);
        try
        {
            var view = await ViewAsync(scope, window.WindowId);
            var chosen = await scope.ServiceProvider.GetRequiredService<CounterChoices>().ChosenItemAsync(view.Current!.ServiceItemId);
            var card = ctx.Render<CurrentTicketCard>(p => p.Add(c => c.View, view).Add(c => c.Item, chosen)
                .Add(c => c.ServiceItems, ["不动产首次登记", "抵押登记"]));

            Assert.Equal(issued.Ticket.Number, card.Find("[data-testid=current-number]").TextContent);
            Assert.Equal(item.Name, card.Find("[data-testid=ticket-item]").TextContent);
            Assert.Equal("/guide/" + Uri.EscapeDataString(item.Code), card.Find("[data-testid=ticket-item-guide]").GetAttribute("href"));
            Assert.Equal("3713**********0021", card.Find("[data-testid=ticket-id]").TextContent);
            Assert.DoesNotContain("371302199001050021", card.Markup);
            // The chosen item replaces the list of the queue's items.
            Assert.Empty(card.FindAll(".cw-items"));
        }
        finally
        {
            Assert.True((await desk.StartAsync(window.WindowId, window.StaffId)).Succeeded);
            Assert.True((await desk.CompleteAsync(window.WindowId, window.StaffId)).Succeeded);
        }
    }

    [Fact]
    public async Task ATicketWithoutItemOrIdShowsTheQueuesItemsAndNoApplicantLine()
    {
        using var culture = new CultureScope("zh-CN");
        var window = (await fx.StaffedWindowsAsync()).Single(w => w.Number == 1);
        await using var ctx = fx.NewContext(out var scope);
        using var _ = scope;
        var issued = await scope.ServiceProvider.GetRequiredService<TicketIssuer>().IssueAsync("BDC", TicketChannel.Kiosk);
        Assert.True(issued.Result.Succeeded, issued.Result.Error);
        var desk = scope.ServiceProvider.GetRequiredService<CounterDesk>();
        Assert.True((await desk.CallNumberAsync(window.WindowId, window.StaffId, issued.Ticket!.Number)).Succeeded);
        try
        {
            var view = await ViewAsync(scope, window.WindowId);
            var card = ctx.Render<CurrentTicketCard>(p => p.Add(c => c.View, view).Add(c => c.ServiceItems, ["不动产首次登记", "抵押登记"]));
            Assert.Empty(card.FindAll("[data-testid=ticket-applicant]"));
            Assert.Equal(2, card.FindAll(".cw-items .ops-chip").Count);
        }
        finally
        {
            Assert.True((await desk.StartAsync(window.WindowId, window.StaffId)).Succeeded);
            Assert.True((await desk.CompleteAsync(window.WindowId, window.StaffId)).Succeeded);
        }
    }

    [Fact]
    public async Task APausedWindowSaysWhyAndHowToResume()
    {
        using var culture = new CultureScope("zh-CN");
        var window = (await fx.StaffedWindowsAsync())[1];
        await using var ctx = fx.NewContext(out var scope);
        using var _ = scope;
        var desk = scope.ServiceProvider.GetRequiredService<CounterDesk>();
        Assert.True((await desk.PauseAsync(window.WindowId, window.StaffId, PauseReason.Meeting, "科室例会")).Succeeded);

        var paused = await ViewAsync(scope, window.WindowId);
        var card = ctx.Render<CurrentTicketCard>(p => p.Add(c => c.View, paused));

        Assert.Equal("暂停服务", card.Find("[data-testid=window-state]").TextContent);
        Assert.Contains("科室例会", card.Markup);
        Assert.Contains("按 F9 恢复服务", card.Markup);
        Assert.Empty(card.FindAll("[data-testid=no-ticket]"));
    }
}
