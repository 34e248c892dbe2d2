using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Components;
using OpsConsole.Components.Pages.Counter;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Queueing;

namespace OpsConsole.Tests.Components;

/// <summary>The counter's dialogs and waiting list: what they warn about, enable and hand back.</summary>
public sealed class CounterDialogsTests(ComponentAppFixture fx) : IClassFixture<ComponentAppFixture>
{
    private static readonly CounterChoices.QueueTarget Served = new(1, new QueuePrefix("A"), "不动产登记", OpenWindows: 2);
    private static readonly CounterChoices.QueueTarget Unserved = new(2, new QueuePrefix("Q"), "综合出件", OpenWindows: 0);

    [Fact]
    public async Task TransferWarnsBeforeSendingATicketToAQueueNoOpenWindowServesAndHandsOnTheNote()
    {
        using var culture = new CultureScope("zh-CN");
        await using var ctx = fx.NewContext(out var scope);
        using var _ = scope;
        TransferRequest? sent = null;
        var dialog = ctx.Render<TransferDialog>(p => p.Add(d => d.Visible, true).Add(d => d.Number, "A007").Add(d => d.CurrentQueueId, 9)
            .Add(d => d.Queues, [Served, Unserved]).Add(d => d.OnTransfer, r => sent = r));

        dialog.Find("[data-testid=transfer-queue]").Change("1");
        Assert.Empty(dialog.FindAll("[data-testid=transfer-warning]"));
        Assert.Equal("确认转移", dialog.Find("[data-testid=transfer-confirm]").TextContent.Trim());

        dialog.Find("[data-testid=transfer-queue]").Change("2");
        Assert.Contains("“综合出件”队列现在没有开放的窗口办理", dialog.Find("[data-testid=transfer-warning]").TextContent);
        Assert.Equal("仍要转移", dialog.Find("[data-testid=transfer-confirm]").TextContent.Trim());

        dialog.Find("[data-testid=transfer-note]").Change("  已核验身份证 ");
        dialog.Find("[data-testid=transfer-confirm]").Click();
        Assert.Equal(new TransferRequest(2, null, "已核验身份证"), sent);
    }

    [Fact]
    public async Task TheNoticeDialogIssuesOnlyWithSomethingTickedAndThenOffersThePrintView()
    {
        using var culture = new CultureScope("zh-CN");
        await using var ctx = fx.NewContext(out var scope);
        using var _ = scope;
        var guide = new MaterialNotices.ItemGuide(5, "370100-BDC-01", "不动产转移登记",
        [
            new RequiredMaterial { Order = 1, Name = "身份证", Form = MaterialForm.Original },
            new RequiredMaterial { Order = 2, Name = "不动产权证书", Form = MaterialForm.Original },
            new RequiredMaterial { Order = 3, Name = "购房合同", Form = MaterialForm.Copy, Copies = 2 },
        ]);
        (int ItemId, IReadOnlyCollection<string> Missing, string? Note)? issued = null;
        var dialog = ctx.Render<NoticeDialog>(p => p.Add(d => d.Visible, true).Add(d => d.Number, "A007").Add(d => d.Guides, [guide])
            .Add(d => d.OnIssue, x => issued = x));

        Assert.True(dialog.Find("[data-testid=notice-issue]").HasAttribute("disabled"));
        dialog.Find("[data-testid=notice-material-3]").Change(true);
        dialog.Find("[data-testid=notice-material-2]").Change(true);
        dialog.Find("[data-testid=notice-material-3]").Change(false);
        Assert.Equal("出具告知单（1 项）", dialog.Find("[data-testid=notice-issue]").TextContent.Trim());
        dialog.Find("[data-testid=notice-issue]").Click();
        Assert.Equal((5, "不动产权证书"), (issued!.Value.ItemId, issued.Value.Missing.Single()));

        dialog.Render(p => p.Add(d => d.IssuedId, 42));
        Assert.Equal("/print/notices/42", dialog.Find("[data-testid=print-notice]").GetAttribute("href"));
        Assert.Empty(dialog.FindAll("[data-testid=notice-issue]"));
    }

    [Fact]
    public async Task TheWaitingListShowsTheCallOrderAndCallsANumberOnlyWhenTheWindowMayCall()
    {
        using var culture = new CultureScope("zh-CN");
        var window = (await fx.StaffedWindowsAsync())[2];
        await using var ctx = fx.NewContext(out var scope);
        using var _ = scope;
        var view = (await scope.ServiceProvider.GetRequiredService<QueueQueries>().CounterAsync(window.WindowId))!;
        var issuedAt = new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.FromHours(8));
        CounterChoices.WaitingEntry[] entries =
        [
            new(11, "A012", "不动产登记", PriorityClass.GreenChannel, issuedAt, ForThisWindow: false, Reinstated: false, HasNotes: true),
            new(12, "A003", "不动产登记", PriorityClass.Normal, issuedAt, ForThisWindow: false, Reinstated: true, HasNotes: false),
        ];
        string? called = null;
        var panel = ctx.Render<WaitingPanel>(p => p.Add(c => c.View, view).Add(c => c.Entries, entries).Add(c => c.TotalInList, 60)
            .Add(c => c.CanCall, false).Add(c => c.OnCall, n => called = n));

        Assert.Equal(["A012", "A003"], panel.FindAll("[data-testid=waiting-list] .cw-wnum").Select(e => e.TextContent));
        Assert.Contains("绿色通道", panel.Find("[data-testid=waiting-entry-A012]").TextContent);
        Assert.Contains("过号恢复", panel.Find("[data-testid=waiting-entry-A003]").TextContent);
        Assert.Contains("另有 58 人未列出", panel.Markup);
        Assert.True(panel.Find("[data-testid=call-entry-A003]").HasAttribute("disabled"));

        panel.Render(p => p.Add(c => c.CanCall, true));
        panel.Find("[data-testid=call-entry-A003]").Click();
        Assert.Equal("A003", called);
    }

    [Fact]
    public async Task TheWindowPickerSelectsAFreeTileOnAClickSignsInOnADoubleClickAndIgnoresTakenWindows()
    {
        using var culture = new CultureScope("zh-CN");
        await using var ctx = fx.NewContext(out var scope);
        using var _ = scope;
        int? signedIn = null;
        CounterChoices.WindowChoice[] choices =
        [
            new(11, 1, "不动产登记 1号窗口", "市不动产登记中心", OwnDepartment: true, OccupiedBy: null),
            new(12, 2, "不动产登记 2号窗口", "市不动产登记中心", OwnDepartment: true, OccupiedBy: "王建军"),
            new(17, 7, "公安出入境 7号窗口", "市公安局出入境管理支队", OwnDepartment: false, OccupiedBy: null),
        ];
        var picker = ctx.Render<WindowPicker>(p => p.Add(c => c.Choices, choices).Add(c => c.OnSignIn, id => signedIn = id));
        var tiles = picker.Find("[data-testid=window-picker] .cw-picker-body");
        string Pressed(int number) => picker.Find($"[data-testid=pick-window-{number}]").GetAttribute("aria-pressed")!;

        // The first free window of one's department is proposed; each tile names its window for the one handler.
        Assert.Equal("true", Pressed(1));
        Assert.Equal("17", picker.Find("[data-testid=pick-window-7]").GetAttribute("data-cell"));

        await tiles.TriggerEventAsync("oncellclick", new CellClickEventArgs { Cell = "17" });
        Assert.Equal("true", Pressed(7));
        Assert.Equal("false", Pressed(1));
        Assert.Contains("将登录 7 号窗口", picker.Find("[data-testid=picker-choice]").TextContent);

        // A window someone is signed in to, or a click beside the tiles, changes nothing.
        await tiles.TriggerEventAsync("oncellclick", new CellClickEventArgs { Cell = "12" });
        await tiles.TriggerEventAsync("oncellclick", new CellClickEventArgs { Cell = "" });
        Assert.Equal("true", Pressed(7));
        await tiles.TriggerEventAsync("oncelldblclick", new CellClickEventArgs { Cell = "12" });
        Assert.Null(signedIn);

        picker.Find("[data-testid=sign-in-window]").Click();
        Assert.Equal(17, signedIn);

        await tiles.TriggerEventAsync("oncelldblclick", new CellClickEventArgs { Cell = "11" });
        Assert.Equal(11, signedIn);
        Assert.Equal("true", Pressed(1));
    }
}
