using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using OpsConsole.Components.Pages.Awards;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Awards;
using OpsConsole.Features.Awards;

namespace OpsConsole.Tests.Components;

/// <summary>
/// 评选规则 in the app (ADR 0036 as amended): HR edits the quarterly red-flag windows' rule; a new version applies from next
/// month on and this month keeps the configured one; weights that do not add up to 100 % are refused in Chinese.
/// </summary>
public sealed class AwardRuleSettingsTests(ComponentAppFixture fx) : IClassFixture<ComponentAppFixture>
{
    [Fact]
    public async Task AnEditIsPublishedAsAVersionFromNextMonthAndARefusedEditSaysWhy()
    {
        using var culture = new CultureScope("zh-CN");
        var ctx = fx.NewContext(out var scope, "BJ0004", mudServices: true);
        await using var _ = ctx;
        await using var __ = (IAsyncDisposable)scope;
        var rules = scope.ServiceProvider.GetRequiredService<AwardRules>();
        var thisMonth = YearMonth.Of(DateOnly.FromDateTime(fx.Clock.GetUtcNow().AddHours(8).DateTime));
        var before = rules.Find("red-flag-quarter")!;
        Assert.Equal(5, before.TopN);
        Assert.Equal(30, before.Weights!.WindowScore);

        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<AwardRuleSettings>();
        Assert.Contains("红旗窗口", page.Find("[data-testid=rule-red-flag-quarter]").TextContent);
        page.Find("[data-testid=rule-edit-red-flag-quarter]").Click();
        page.WaitForElement("[data-testid=rule-form]");
        Assert.Contains("尚无修改记录", page.Find("[data-testid=rule-versions]").TextContent);

        // Refused: 40 + 30 + 20 + 20 = 110 %.
        page.Find("input[data-testid=rule-w-window]").Change("40");
        page.WaitForAssertion(() => Assert.Contains("110%", page.Find("[data-testid=rule-w-sum]").TextContent));
        page.Find("[data-testid=rule-publish]").Click();
        page.WaitForAssertion(() => Assert.Contains("各项权重之和须为 100%。", page.Find("[data-testid=rule-error]").TextContent));
        Assert.Contains("尚无修改记录", page.Find("[data-testid=rule-versions]").TextContent);
        Assert.Equal(30, rules.ForPeriod("red-flag-quarter", new AwardPeriod(AwardPeriodKind.Quarter, 2027, 1))!.Weights!.WindowScore);

        // Accepted: 40/20/20/20 and six places, from next month on.
        page.Find("input[data-testid=rule-w-staff]").Change("20");
        page.Find("input[data-testid=rule-topn]").Change("6");
        page.Find("[data-testid=rule-publish]").Click();
        page.WaitForAssertion(() => Assert.Contains(thisMonth.AddMonths(1).ToString(), page.Find("[data-testid=rule-versions]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=rule-error]"));
        // The table shows the rules in force this month, and under the edited one what comes next month.
        Assert.Contains(">5<", page.Find("[data-testid=rule-red-flag-quarter]").InnerHtml);
        var coming = page.Find("[data-testid=rule-upcoming-red-flag-quarter]").TextContent;
        Assert.Contains($"自 {thisMonth.AddMonths(1)} 起", coming);
        Assert.Contains("窗口 40%、人员 20%、值班长投票 20%、群众投票 20%", coming);
        Assert.Empty(page.FindAll("[data-testid=rule-upcoming-service-model-quarter]"));

        // The quarter beginning after the edit is judged by the new version; this month (and the current quarter) keep the old one.
        var next = rules.ForPeriod("red-flag-quarter", new AwardPeriod(AwardPeriodKind.Quarter, 2027, 1))!;
        Assert.Equal((6, 40, 20, 20, 20), (next.TopN, next.Weights!.WindowScore, next.Weights.StaffScore, next.Weights.DutyVote, next.Weights.PublicVote));
        Assert.Equal(5, rules.Find("red-flag-quarter")!.TopN);
        Assert.Equal(5, rules.ForPeriod("red-flag-quarter", AwardPeriod.Containing(AwardPeriodKind.Quarter, thisMonth.FirstDay))!.TopN);
        Assert.Equal(6, rules.InForceIn(thisMonth.AddMonths(1)).Single(r => r.Code == "red-flag-quarter").TopN);
    }

    [Fact]
    public async Task AVersionCannotStartInAMonthAlreadyPast()
    {
        await using var scope = fx.App.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<AwardRuleEditor>();
        var form = editor.Form("service-model-quarter")!;
        var last = editor.CurrentMonth.AddMonths(-1);
        form.Year = last.Year;
        form.Month = last.Month;

        var result = await editor.PublishAsync(form, "BJ0004");

        Assert.False(result.Succeeded);
        Assert.Equal("生效月份不能早于本月：已过去的期间始终按当时的规则评选。", result.Error);
        Assert.Empty(await editor.VersionsAsync("service-model-quarter"));

        form.Period = AwardPeriodKind.Year;
        form.Composite = true;
        form.WindowScore = 50;
        form.StaffScore = 50;
        form.PublicVote = 0;
        form.Year = editor.CurrentMonth.Year;
        form.Month = editor.CurrentMonth.Month;
        form.TopN = 0;
        var noPlaces = await editor.PublishAsync(form, "BJ0004");
        Assert.Equal("评选名额须至少为 1。", noPlaces.Error);
    }
}
