using Microsoft.AspNetCore.Components;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Awards;
using OpsConsole.Features.Awards;
using OpsConsole.Features.Common;
using OpsConsole.Printing;

namespace OpsConsole.Components.Pages.Awards;

public partial class AwardRounds
{
    [Inject] private AwardRules Rules { get; set; } = default!;
    [Inject] private AwardDesk Desk { get; set; } = default!;
    [Inject] private CenterClock Clock { get; set; } = default!;
    [Inject] private PublicLinks Links { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    /// <summary>The rule to open with (its code); default: the first configured.</summary>
    [SupplyParameterFromQuery(Name = "rule")] public string? InitialRule { get; set; }
    /// <summary>The period to open with (its key, e.g. 2026-Q4); default: the period before the current one.</summary>
    [SupplyParameterFromQuery(Name = "period")] public string? InitialPeriod { get; set; }

    private string? ruleCode;
    private AwardRule? rule;
    private string? periodKey;
    private IReadOnlyList<AwardPeriod> periods = [];
    private AwardProposal? proposal;
    private string bulletinMonth = "";

    protected override async Task OnInitializedAsync()
    {
        bulletinMonth = YearMonth.Of(Clock.Today).AddMonths(-1).ToString();
        rule = Rules.Find(InitialRule) ?? Rules.All.FirstOrDefault();
        ruleCode = rule?.Code;
        SetPeriods(AwardPeriod.TryParse(InitialPeriod, out var p) && p.Kind == rule?.Period ? p : null);
        await ReloadAsync();
    }

    private void SetPeriods(AwardPeriod? chosen)
    {
        if (rule is null) return;
        var current = AwardPeriod.Containing(rule.Period, Clock.Today);
        var list = new List<AwardPeriod> { current };
        for (var i = 0; i < 5; i++) list.Add(list[^1].Previous());
        periods = list;
        periodKey = (chosen is { } c && list.Contains(c) ? c : current.Previous()).Key;
    }

    private async Task RuleChangedAsync(string code)
    {
        ruleCode = code;
        rule = Rules.Find(code);
        SetPeriods(null);
        await ReloadAsync();
    }

    private async Task PeriodChangedAsync(string key)
    {
        periodKey = key;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        // The period is judged by the rule version in force in its first month (ADR 0036 as amended), not by today's.
        proposal = rule is not null && AwardPeriod.TryParse(periodKey, out var period) && Rules.ForPeriod(rule.Code, period) is { } judged
                   && judged.Period == period.Kind
            ? await Desk.ProposeAsync(judged, period)
            : null;
    }

    private string RuleLabel(AwardRule r) => $"{L[AwardKinds.Title(r.Kind)]}（{L[PeriodWord(r.Period)]}）";

    private string RuleTerms(AwardRule r) => r.Weights is { } w
        ? L["前 {0} 名，最低 {1} 分；综合：窗口得分 {2}%、人员得分 {3}%、值班长投票 {4}%、群众投票 {5}%", r.TopN, r.MinScore, w.WindowScore, w.StaffScore, w.DutyVote, w.PublicVote]
        : L["前 {0} 名，最低 {1} 分；按考核得分排名", r.TopN, r.MinScore];

    internal static string PeriodWord(AwardPeriodKind kind) => kind switch
    {
        AwardPeriodKind.Month => "按月",
        AwardPeriodKind.Quarter => "按季度",
        _ => "按年度",
    };

    private string BulletinUrl(bool pdf) =>
        ParseMonth(bulletinMonth) is { } m ? (pdf ? BulletinEndpoints.Pdf(m) : BulletinEndpoints.View(m)) : "#";

    private static YearMonth? ParseMonth(string? text) =>
        text is { Length: 7 } && int.TryParse(text[..4], out var y) && int.TryParse(text[5..], out var mo) && mo is >= 1 and <= 12 ? new YearMonth(y, mo) : null;

    private string PublicVoteUrl => rule is null ? "" : Links.Root(Nav.BaseUri.TrimEnd('/')) + "/vote/" + Uri.EscapeDataString(rule.Code);
}
