using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Data;
using OpsConsole.Domain.Assessment;
using OpsConsole.Components.Printing;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Awards;
using OpsConsole.Features.Assessment;
using OpsConsole.Features.Awards;
using OpsConsole.Features.Common;

namespace OpsConsole.Printing;

/// <summary>An award announced in the bulletin: the title and its holders in order.</summary>
public sealed record BulletinAward(string Title, IReadOnlyList<string> Holders);

/// <summary>Everything the monthly bulletin (考核通报) prints.</summary>
public sealed record BulletinModel(BulletinAnnex Data, string Issuer, string DocumentNumber, DateOnly IssuedOn, IReadOnlyList<BulletinAward> Awards,
    IReadOnlyList<BulletinAnnexStaff> CriticizedStaff, IReadOnlyList<BulletinAnnexWindow> CriticizedWindows)
{
    public YearMonth Month => Data.Month;
    public int StaffCount => Data.Staff.Count;
    public int WindowCount => Data.Windows.Count;
    public decimal? StaffAverage => Data.Staff.Count == 0 ? null : decimal.Round(Data.Staff.Average(s => s.Score), 2, MidpointRounding.AwayFromZero);
    public decimal? WindowAverage => Data.Windows.Count == 0 ? null : decimal.Round(Data.Windows.Average(s => s.Score), 2, MidpointRounding.AwayFromZero);
    public int FullMarks => Data.Staff.Count(s => s.Deductions == 0);
    public int WithDeductions => Data.Staff.Count(s => s.Deductions < 0);
    public int Vetoed => Data.Staff.Count(s => s.VetoItems.Count > 0) + Data.Windows.Count(w => w.VetoItems.Count > 0);
    public IReadOnlyList<BulletinAnnexWindow> TopWindows => Data.Windows.Where(w => w.Rank <= 3 && w.VetoItems.Count == 0).ToList();
    public IReadOnlyList<BulletinAnnexStaff> TopStaff => Data.Staff.Where(s => s.Rank <= 5 && s.VetoItems.Count == 0).ToList();
}

/// <summary>The monthly bulletin from a published month: the month's summary, awards confirmed for periods ending in it, criticisms, and the annex.</summary>
public sealed class BulletinPrinting(BulletinAnnexQuery annex, AwardDesk awards, IOptions<PrintOptions> options, CenterClock clock,
    IDbContextFactory<OpsDbContext> dbFactory)
{
    /// <summary>A month and its assessment state (null: never opened); a bulletin exists once it is published or locked.</summary>
    public sealed record MonthState(YearMonth Month, AssessmentMonthState? State)
    {
        public bool Published => State is AssessmentMonthState.Published or AssessmentMonthState.Locked;
    }

    /// <summary>The last <paramref name="count"/> months before this one, newest first, with their states.</summary>
    public async Task<IReadOnlyList<MonthState>> MonthsAsync(int count = 12, CancellationToken ct = default)
    {
        var current = YearMonth.Of(clock.Today);
        var months = Enumerable.Range(1, count).Select(i => current.AddMonths(-i)).ToList();
        var oldest = months[^1];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.AssessmentMonths.AsNoTracking()
            .Where(m => m.Year > oldest.Year || (m.Year == oldest.Year && m.Month >= oldest.Month))
            .Select(m => new { m.Year, m.Month, m.State }).ToListAsync(ct);
        return months.Select(m => new MonthState(m, rows.FirstOrDefault(r => r.Year == m.Year && r.Month == m.Month)?.State)).ToList();
    }

    /// <summary>The bulletin's content; null when the month is not published (nothing to announce).</summary>
    public async Task<BulletinModel?> LoadAsync(YearMonth month, CancellationToken ct = default)
    {
        var data = await annex.ForMonthAsync(month, ct);
        if (!data.Published) return null;
        var o = options.Value;
        var rounds = await awards.RoundsEndingInAsync(month, ct);
        var announced = rounds.Select(r => new BulletinAward($"{r.Round.PeriodLabel}“{AwardKinds.Title(r.Round.Kind)}”", r.Awards.Select(a => a.HolderName).ToList()))
            .Where(a => a.Holders.Count > 0).ToList();
        var issuedOn = data.PublishedAt is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, clock.TimeZone).DateTime) : clock.Today;
        var criticized = data.Staff.Where(s => s.VetoItems.Count > 0 || s.Deductions <= -Math.Abs(o.BulletinCriticismDeduction))
            .OrderBy(s => s.Deductions).ThenBy(s => s.EmployeeNo, StringComparer.Ordinal).ToList();
        var windows = data.Windows.Where(w => w.VetoItems.Count > 0).ToList();
        return new BulletinModel(data, o.CertificateIssuer, DocumentNumber(o.BulletinNumberFormat, month), issuedOn, announced, criticized, windows);
    }

    public static string DocumentNumber(string format, YearMonth month) =>
        (string.IsNullOrWhiteSpace(format) ? "〔{year}〕{month}号" : format)
        .Replace("{year}", month.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{month}", month.Month.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public async Task WriteDocumentAsync(PrintDocument doc, BulletinModel model, string assetBase, string? toolbar = null)
    {
        await doc.BeginAsync(model.DocumentNumber, PaperLayout.A4Portrait, assetBase, toolbar);
        await doc.WriteAsync<BulletinDocument>(new Dictionary<string, object?> { [nameof(BulletinDocument.Model)] = model });
        await doc.WriteAsync<BulletinAnnexTable>(new Dictionary<string, object?> { [nameof(BulletinAnnexTable.Model)] = model });
        await doc.EndAsync();
    }
}
