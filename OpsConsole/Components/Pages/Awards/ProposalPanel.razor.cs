using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using OpsConsole.Components.Mud;
using OpsConsole.Domain.Awards;
using OpsConsole.Features.Awards;
using OpsConsole.Features.Common;
using OpsConsole.Printing;

namespace OpsConsole.Components.Pages.Awards;

public partial class ProposalPanel
{
    [Inject] private AwardDesk Desk { get; set; } = default!;
    [Inject] private PrintJobs Jobs { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private CenterClock Clock { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    /// <summary>The proposal shown (required).</summary>
    [Parameter, EditorRequired] public AwardProposal Proposal { get; set; } = default!;
    /// <summary>Called after a confirmation (the page reloads the proposal); default: none.</summary>
    [Parameter] public EventCallback OnConfirmed { get; set; }

    private readonly Dictionary<int, bool> choices = [];
    private readonly Dictionary<int, string> reasons = [];
    private AwardProposal? shown;
    private bool busy;
    private string? error;
    private PrintJob? job;

    private AwardWeights? Weights => Proposal.Rule.Weights;

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(shown, Proposal)) return;
        if (shown is null || shown.Rule.Code != Proposal.Rule.Code || shown.Period != Proposal.Period)
        {
            choices.Clear();
            reasons.Clear();
            job = null;
            error = null;
        }
        shown = Proposal;
    }

    private bool Chosen(AwardProposalRow row) => choices.TryGetValue(row.SubjectId, out var c) ? c : row.Proposed;

    private void Choose(AwardProposalRow row, bool value) => choices[row.SubjectId] = value;

    private static string Score(decimal? score) => score?.ToString("0.##") ?? "—";

    private string Status(AwardProposalRow row) => row.Exclusion switch
    {
        AwardExclusion.Vetoed => L["一票否决：{0}", string.Join("、", row.Candidate.Vetoes)],
        AwardExclusion.BelowMinimum => L["低于最低分 {0}", Proposal.Rule.MinScore],
        AwardExclusion.NotScored => L["本期未考核"],
        _ => row.Proposed ? L["建议授予"] : L["未入选"],
    };

    private async Task<string> UserAsync() => (await Auth).User.Identity?.Name ?? "";

    private async Task ConfirmAsync()
    {
        if (busy) return;
        busy = true;
        try
        {
            var overrides = Proposal.Rows.Where(r => Chosen(r) != r.Proposed)
                .Select(r => new AwardOverride(r.SubjectId, Chosen(r), reasons.GetValueOrDefault(r.SubjectId) ?? "")).ToList();
            var result = await Desk.ConfirmAsync(Proposal.Rule, Proposal.Period, overrides, await UserAsync());
            error = result.Succeeded ? null : OpResultText.Elsewhere(L, result);
            if (result.Succeeded) Snackbar.Add(L["已确认，证书已编号颁发。"], Severity.Success);
            await OnConfirmed.InvokeAsync();
        }
        finally { busy = false; }
    }

    private async Task IssueMissingAsync()
    {
        busy = true;
        try
        {
            var result = await Desk.IssueMissingCertificatesAsync(Proposal.Rule, Proposal.Period, await UserAsync());
            error = result.Succeeded ? null : OpResultText.Elsewhere(L, result);
            await OnConfirmed.InvokeAsync();
        }
        finally { busy = false; }
    }

    private async Task PrintCertificates()
    {
        var ids = Proposal.Awards.OrderBy(a => a.Place).Select(a => a.CertificateId).OfType<int>().ToList();
        var requestBase = Nav.BaseUri.TrimEnd('/');
        var title = Proposal.Rule.TitleFor(Proposal.Period);
        job = Jobs.Start(await UserAsync(), L["荣誉证书-{0}.pdf", title], (services, progress, ct) =>
        {
            var printing = services.GetRequiredService<CertificatePrinting>();
            return printing.PrintBatchAsync(title, ids, requestBase, progress, ct);
        });
        job.Changed += () => _ = InvokeAsync(StateHasChanged);
    }
}
