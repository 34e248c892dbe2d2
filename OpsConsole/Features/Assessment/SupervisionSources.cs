using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Assessment;
using OpsConsole.Domain.Cases;
using OpsConsole.Domain.Supervision;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Assessment;

// The supervision records the month is scored from (issue 11 → issue 12). Each record counts once: against its staff
// member when it names one, otherwise against its window (a window's score already averages its staff's, so a
// record naming both would otherwise count twice). An item the scheme no longer has is not scored.

/// <summary>Yellow and red cards raised in the month, unless a manager withdrew them (a contest still pending counts).</summary>
public sealed class SupervisionCardSource : IAssessmentSource
{
    public async Task<IReadOnlyList<AssessmentEvent>> ReadAsync(AssessmentSourceContext context, CancellationToken ct)
    {
        var first = context.Month.FirstDay;
        var last = context.Month.LastDay;
        var cards = await context.Db.Set<SupervisionCard>().AsNoTracking()
            .Where(c => c.RaisedOn >= first && c.RaisedOn <= last && c.State != CardState.Withdrawn
                        && (c.Level == CardLevel.Yellow || c.Level == CardLevel.Red))
            .Select(c => new { c.Id, c.CaseId, c.Level, c.StaffId, c.RaisedOn, c.DueDate, c.State })
            .ToListAsync(ct);
        return cards
            .Select(c => (Card: c, Code: c.Level == CardLevel.Red ? ItemCodes.RedCard : ItemCodes.YellowCard))
            .Where(x => context.Scheme.Item(x.Code) is not null)
            .Select(x => new AssessmentEvent(x.Code, ItemSubject.Staff, x.Card.StaffId, x.Card.RaisedOn, "card",
                x.Card.Id.ToString(CultureInfo.InvariantCulture),
                string.Format(CultureInfo.InvariantCulture, "办件 #{0}，承诺 {1:yyyy-MM-dd} 办结，{2}{3}", x.Card.CaseId, x.Card.DueDate,
                    x.Card.Level == CardLevel.Red ? "逾期红牌" : "到期黄牌", x.Card.State == CardState.Contested ? "（申辩中）" : "")))
            .ToList();
    }
}

/// <summary>Complaints concluded in the month as upheld (a veto in the default scheme) or partly upheld.</summary>
public sealed class ComplaintSource(CenterClock clock) : IAssessmentSource
{
    public async Task<IReadOnlyList<AssessmentEvent>> ReadAsync(AssessmentSourceContext context, CancellationToken ct)
    {
        var rows = await context.Db.Set<Complaint>().AsNoTracking()
            .Where(c => c.State == ComplaintState.Concluded && c.ConcludedAt >= context.MonthStart && c.ConcludedAt < context.MonthEnd
                        && (c.Verdict == ComplaintVerdict.Upheld || c.Verdict == ComplaintVerdict.PartlyUpheld)
                        && (c.StaffId != null || c.WindowId != null))
            .Select(c => new { c.Id, c.Verdict, c.StaffId, c.WindowId, c.ConcludedAt, c.Channel, c.ExternalNumber })
            .ToListAsync(ct);
        return rows
            .Select(c => (Complaint: c, Code: c.Verdict == ComplaintVerdict.Upheld ? ItemCodes.ComplaintUpheld : ItemCodes.ComplaintPartlyUpheld))
            .Where(x => context.Scheme.Item(x.Code) is not null)
            .Select(x => new AssessmentEvent(x.Code, x.Complaint.StaffId is null ? ItemSubject.Window : ItemSubject.Staff,
                x.Complaint.StaffId ?? x.Complaint.WindowId!.Value, DateOnly.FromDateTime(clock.ToLocal(x.Complaint.ConcludedAt!.Value).DateTime),
                "complaint", x.Complaint.Id.ToString(CultureInfo.InvariantCulture),
                string.Format(CultureInfo.InvariantCulture, "投诉 #{0}{1}，结论：{2}", x.Complaint.Id,
                    x.Complaint.ExternalNumber is { Length: > 0 } n ? $"（{n}）" : "", x.Complaint.Verdict == ComplaintVerdict.Upheld ? "属实" : "部分属实")))
            .ToList();
    }
}

/// <summary>Hall inspection findings observed in the month and not withdrawn, with the points frozen when recorded.</summary>
public sealed class InspectionFindingSource(CenterClock clock) : IAssessmentSource
{
    public async Task<IReadOnlyList<AssessmentEvent>> ReadAsync(AssessmentSourceContext context, CancellationToken ct)
    {
        var rows = await context.Db.Set<InspectionFinding>().AsNoTracking()
            .Where(f => f.State == FindingState.Active && f.ObservedAt >= context.MonthStart && f.ObservedAt < context.MonthEnd)
            .Join(context.Db.Set<FindingType>(), f => f.FindingTypeId, t => t.Id, (f, t) => new { f.Id, f.WindowId, f.StaffId, f.TypeName, f.Points, f.ObservedAt, t.Code })
            .ToListAsync(ct);
        return rows
            .Where(f => context.Scheme.Item(ItemCodes.InspectionPrefix + f.Code) is not null)
            .Select(f =>
            {
                var at = clock.ToLocal(f.ObservedAt);
                return new AssessmentEvent(ItemCodes.InspectionPrefix + f.Code, f.StaffId is null ? ItemSubject.Window : ItemSubject.Staff,
                    f.StaffId ?? f.WindowId, DateOnly.FromDateTime(at.DateTime), "finding", f.Id.ToString(CultureInfo.InvariantCulture),
                    string.Format(CultureInfo.InvariantCulture, "{0:MM-dd HH:mm} 巡查发现：{1}", at, f.TypeName), -f.Points);
            })
            .ToList();
    }
}

/// <summary>
/// Commendations dated in the month: 锦旗, 表扬信 and media praise, each its own item. Official honours and other
/// kinds have no item of their own: a manager enters them as a manual item with the points HR decides.
/// </summary>
public sealed class CommendationSource : IAssessmentSource
{
    public async Task<IReadOnlyList<AssessmentEvent>> ReadAsync(AssessmentSourceContext context, CancellationToken ct)
    {
        var first = context.Month.FirstDay;
        var last = context.Month.LastDay;
        var rows = await context.Db.Set<Commendation>().AsNoTracking()
            .Where(c => c.Date >= first && c.Date <= last && (c.StaffId != null || c.WindowId != null))
            .Select(c => new { c.Id, c.Kind, c.StaffId, c.WindowId, c.Date, c.Description })
            .ToListAsync(ct);
        return rows
            .Select(c => (Commendation: c, Code: Code(c.Kind)))
            .Where(x => x.Code is not null && context.Scheme.Item(x.Code) is not null)
            .Select(x => new AssessmentEvent(x.Code!, x.Commendation.StaffId is null ? ItemSubject.Window : ItemSubject.Staff,
                x.Commendation.StaffId ?? x.Commendation.WindowId!.Value, x.Commendation.Date, "commendation",
                x.Commendation.Id.ToString(CultureInfo.InvariantCulture), x.Commendation.Description))
            .ToList();
    }

    private static string? Code(CommendationKind kind) => kind switch
    {
        CommendationKind.Banner => ItemCodes.CommendationBanner,
        CommendationKind.Letter => ItemCodes.CommendationLetter,
        CommendationKind.Media => ItemCodes.CommendationMedia,
        _ => null,
    };
}
