using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Assessment;
using OpsConsole.Domain.Attendance;

namespace OpsConsole.Features.Awards;

/// <summary>A window's line in the bulletin's annex.</summary>
public sealed record AnnexWindowRow(int Rank, int WindowId, string Window, string Department, decimal StaffScore, decimal Deductions, decimal Bonuses,
    decimal Score, IReadOnlyList<string> VetoItems);

/// <summary>A person's line in the bulletin's annex, with the lines that cost them points (for the criticisms).</summary>
public sealed record AnnexStaffRow(int Rank, int StaffId, string EmployeeNo, string Name, string Department, decimal Deductions, decimal Bonuses,
    decimal Score, IReadOnlyList<string> VetoItems, IReadOnlyList<string> DeductionItems);

/// <summary>A published month's stored scores for the bulletin; <see cref="Published"/> false (and no rows) otherwise.</summary>
public sealed record BulletinMonth(YearMonth Month, bool Published, int Version, DateTimeOffset? PublishedAt,
    IReadOnlyList<AnnexWindowRow> Windows, IReadOnlyList<AnnexStaffRow> Staff);

/// <summary>
/// The monthly bulletin's annex table from the scores stored at publication (never recomputed). Written here because
/// the assessment branch's <c>BulletinAnnexQuery</c> was not on main yet; the lead may fold one into the other.
/// </summary>
public sealed class BulletinAnnexData(IDbContextFactory<OpsDbContext> dbFactory)
{
    public async Task<BulletinMonth> ForMonthAsync(YearMonth month, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.AssessmentMonths.AsNoTracking().Include(m => m.History)
            .FirstOrDefaultAsync(m => m.Year == month.Year && m.Month == month.Month, ct);
        if (record is not { State: AssessmentMonthState.Published or AssessmentMonthState.Locked })
            return new BulletinMonth(month, false, record?.Version ?? 1, null, [], []);

        var publishedAt = record.History.Where(e => e.To == AssessmentMonthState.Published && e.Version == record.Version)
            .Select(e => (DateTimeOffset?)e.At).Max();
        var stored = await db.AssessmentScores.AsNoTracking().Where(s => s.AssessmentMonthId == record.Id && s.Version == record.Version).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        string DepartmentOf(int? id) => id is { } d ? departments.GetValueOrDefault(d) ?? "" : "";

        var windowRecords = stored.Where(s => s.Subject == ItemSubject.Window).ToList();
        var windowIds = windowRecords.Select(w => w.SubjectId).ToList();
        var windowNames = await db.Windows.AsNoTracking().Where(w => windowIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        var windowRanks = Rankings.Rank(windowRecords.Select(w => (w.SubjectId, w.Total)));
        var windows = windowRecords.Select(w => (w, score: w.ToScore()))
            .Select(x => new AnnexWindowRow(windowRanks[x.w.SubjectId], x.w.SubjectId, windowNames.GetValueOrDefault(x.w.SubjectId) ?? $"#{x.w.SubjectId}",
                DepartmentOf(x.w.DepartmentId), x.w.Base, x.score.Deductions, x.score.Bonuses, x.w.Total, Vetoes(x.score)))
            .OrderBy(w => w.Rank).ThenBy(w => w.WindowId).ToList();

        var staffRecords = stored.Where(s => s.Subject == ItemSubject.Staff).ToList();
        var staffIds = staffRecords.Select(s => s.SubjectId).ToList();
        var people = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id)).Select(s => new { s.Id, s.EmployeeNo, s.Name }).ToDictionaryAsync(s => s.Id, ct);
        var staffRanks = Rankings.Rank(staffRecords.Select(s => (s.SubjectId, s.Total)));
        var staff = staffRecords.Select(s => (s, score: s.ToScore(), p: people.GetValueOrDefault(s.SubjectId)))
            .Select(x => new AnnexStaffRow(staffRanks[x.s.SubjectId], x.s.SubjectId, x.p?.EmployeeNo ?? "", x.p?.Name ?? "", DepartmentOf(x.s.DepartmentId),
                x.score.Deductions, x.score.Bonuses, x.s.Total, Vetoes(x.score),
                x.score.Lines.Where(l => l.Points < 0).GroupBy(l => l.ItemName).Select(g => $"{g.Key}{g.Sum(l => l.Points):0.##}").ToList()))
            .OrderBy(s => s.Rank).ThenBy(s => s.EmployeeNo, StringComparer.Ordinal).ToList();
        return new BulletinMonth(month, true, record.Version, publishedAt, windows, staff);
    }

    private static IReadOnlyList<string> Vetoes(SubjectScore score) => score.Lines.Where(l => l.IsVeto).Select(l => l.ItemName).Distinct().ToList();
}
