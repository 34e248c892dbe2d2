using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Assessment;
using OpsConsole.Domain.Attendance;

namespace OpsConsole.Features.Assessment;

/// <summary>
/// The annex table of the monthly bulletin: the window and staff scores of a published month, in rank
/// order, read from the scores stored at publication (never recomputed). For a month not published (draft, open for
/// appeal, or never opened) <see cref="Published"/> is false and both lists are empty: a bulletin has nothing to print.
/// </summary>
/// <param name="Month">The month.</param>
/// <param name="State">Its workflow state (Draft for a month nobody has acted on).</param>
/// <param name="Version">The version whose stored scores these are (1, then one more at each correction).</param>
/// <param name="PublishedAt">When this version was published, if it was.</param>
/// <param name="Windows">Every window scored that month, best first (competition ranks: 1, 2, 2, 4).</param>
/// <param name="Staff">Every person scored that month, best first, with their rank in the center and in their department.</param>
public sealed record BulletinAnnex(YearMonth Month, AssessmentMonthState State, int Version, DateTimeOffset? PublishedAt,
    IReadOnlyList<BulletinAnnexWindow> Windows, IReadOnlyList<BulletinAnnexStaff> Staff)
{
    public bool Published => State is AssessmentMonthState.Published or AssessmentMonthState.Locked;
}

/// <param name="Rank">Rank among all windows of the center.</param>
/// <param name="StaffScore">The staff scores weighted by days served there (the window's base before its own items).</param>
/// <param name="Deductions">Sum of the window's own deductions (negative or 0).</param>
/// <param name="Bonuses">Sum of the window's own bonuses (positive or 0).</param>
/// <param name="Score">The window's score.</param>
/// <param name="VetoItems">Names of the veto items that struck, empty if none.</param>
public sealed record BulletinAnnexWindow(int Rank, int WindowId, string Window, int? DepartmentId, string Department, decimal StaffScore,
    decimal Deductions, decimal Bonuses, decimal Score, IReadOnlyList<string> VetoItems)
{
    public bool Vetoed => VetoItems.Count > 0;
}

/// <param name="Rank">Rank among all staff of the center.</param>
/// <param name="DepartmentRank">Rank within the department (null when the person had none).</param>
/// <param name="DaysPosted">Days posted to the center that month.</param>
/// <param name="VetoItems">Names of the veto items that struck, empty if none.</param>
/// <param name="DeductionItems">The items that cost points, each with its total (name then points, e.g. late arrivals -2), for the bulletin's criticisms.</param>
public sealed record BulletinAnnexStaff(int Rank, int? DepartmentRank, int StaffId, string EmployeeNo, string Name, int? DepartmentId, string Department,
    bool IsChiefRepresentative, int DaysPosted, decimal Deductions, decimal Bonuses, decimal Score, IReadOnlyList<string> VetoItems,
    IReadOnlyList<string> DeductionItems)
{
    public bool Vetoed => VetoItems.Count > 0;
}

/// <summary>Reads a month's <see cref="BulletinAnnex"/> for the printed monthly bulletin.</summary>
public sealed class BulletinAnnexQuery(IDbContextFactory<OpsDbContext> dbFactory)
{
    public async Task<BulletinAnnex> ForMonthAsync(YearMonth month, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.AssessmentMonths.AsNoTracking().Include(m => m.History)
            .FirstOrDefaultAsync(m => m.Year == month.Year && m.Month == month.Month, ct);
        if (record is null) return new BulletinAnnex(month, AssessmentMonthState.Draft, 1, null, [], []);
        if (record.State is not (AssessmentMonthState.Published or AssessmentMonthState.Locked))
            return new BulletinAnnex(month, record.State, record.Version, null, [], []);

        var publishedAt = record.History.Where(e => e.To == AssessmentMonthState.Published && e.Version == record.Version)
            .OrderByDescending(e => e.At).Select(e => (DateTimeOffset?)e.At).FirstOrDefault();
        var stored = await db.AssessmentScores.AsNoTracking().Where(s => s.AssessmentMonthId == record.Id && s.Version == record.Version).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        string DepartmentName(int? id) => id is { } d ? departments.GetValueOrDefault(d) ?? "" : "";

        var windowRecords = stored.Where(s => s.Subject == ItemSubject.Window).ToList();
        var windowIds = windowRecords.Select(w => w.SubjectId).ToList();
        var windowNames = await db.Windows.AsNoTracking().Where(w => windowIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        var windowRanks = Rankings.Rank(windowRecords.Select(w => (w.SubjectId, w.Total)));
        var windows = windowRecords.Select(w => (w, score: w.ToScore()))
            .Select(x => new BulletinAnnexWindow(windowRanks[x.w.SubjectId], x.w.SubjectId, windowNames.GetValueOrDefault(x.w.SubjectId) ?? x.w.SubjectId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                x.w.DepartmentId, DepartmentName(x.w.DepartmentId), x.w.Base, x.score.Deductions, x.score.Bonuses, x.w.Total, Vetoes(x.score)))
            .OrderBy(w => w.Rank).ThenBy(w => w.Window, StringComparer.Ordinal).ThenBy(w => w.WindowId).ToList();

        var staffRecords = stored.Where(s => s.Subject == ItemSubject.Staff).ToList();
        var staffIds = staffRecords.Select(s => s.SubjectId).ToList();
        var people = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id))
            .Select(s => new { s.Id, s.EmployeeNo, s.Name, s.IsChiefRepresentative }).ToDictionaryAsync(s => s.Id, ct);
        var staffRanks = Rankings.Rank(staffRecords.Select(s => (s.SubjectId, s.Total)));
        var departmentRanks = staffRecords.Where(s => s.DepartmentId is not null).GroupBy(s => s.DepartmentId)
            .SelectMany(g => Rankings.Rank(g.Select(s => (s.SubjectId, s.Total)))).ToDictionary(p => p.Key, p => p.Value);
        var staff = staffRecords.Select(s => (s, score: s.ToScore(), p: people.GetValueOrDefault(s.SubjectId)))
            .Select(x => new BulletinAnnexStaff(staffRanks[x.s.SubjectId], departmentRanks.TryGetValue(x.s.SubjectId, out var r) ? r : null, x.s.SubjectId,
                x.p?.EmployeeNo ?? "", x.p?.Name ?? "", x.s.DepartmentId, DepartmentName(x.s.DepartmentId), x.p?.IsChiefRepresentative ?? false,
                x.s.DaysPosted, x.score.Deductions, x.score.Bonuses, x.s.Total, Vetoes(x.score),
                x.score.Lines.Where(l => l.Points < 0).GroupBy(l => l.ItemName).Select(g => $"{g.Key}{g.Sum(l => l.Points):0.##}").ToList()))
            .OrderBy(s => s.Rank).ThenBy(s => s.EmployeeNo, StringComparer.Ordinal).ToList();

        return new BulletinAnnex(month, record.State, record.Version, publishedAt, windows, staff);
    }

    private static IReadOnlyList<string> Vetoes(SubjectScore score) =>
        score.Lines.Where(l => l.IsVeto).Select(l => l.ItemName).Distinct().ToList();
}
