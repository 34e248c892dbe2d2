using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Assessment;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Common;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Assessment;

/// <summary>
/// 考核方案 versions: HR publishes a scheme in force from a month on (this month or later; a month already past keeps
/// the scheme it had). Before any is published the defaults of PRODUCT.md apply. An impossible scheme is refused
/// with the domain's reason.
/// </summary>
public sealed class AssessmentSchemes(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock)
{
    public YearMonth CurrentMonth => YearMonth.Of(clock.Today);

    public async Task<IReadOnlyList<AssessmentSchemeVersion>> VersionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.AssessmentSchemes.AsNoTracking().ToListAsync(ct)).OrderByDescending(v => v.Year * 12 + v.Month).ThenByDescending(v => v.Id).ToList();
    }

    public async Task<AssessmentScheme> ForMonthAsync(YearMonth month, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ForMonthAsync(db, month, ct);
    }

    internal static async Task<AssessmentScheme> ForMonthAsync(OpsDbContext db, YearMonth month, CancellationToken ct) =>
        AssessmentSchemeVersion.ForMonth(await db.AssessmentSchemes.AsNoTracking().ToListAsync(ct), month);

    public sealed class SchemeForm
    {
        public int Year { get; set; }
        public int Month { get; set; }
        public decimal BaseScore { get; set; } = 100m;
        public decimal BonusCap { get; set; } = 5m;
        public decimal? Floor { get; set; }
        public decimal ChiefShare { get; set; } = 0.5m;
        public int AppealWorkingDays { get; set; } = 5;
        public PeriodTotalMethod PeriodMethod { get; set; } = PeriodTotalMethod.AverageOfMonths;
        public List<ItemForm> Items { get; set; } = [];

        public static SchemeForm From(AssessmentScheme s, YearMonth from) => new()
        {
            Year = from.Year, Month = from.Month, BaseScore = s.BaseScore, BonusCap = s.BonusCap, Floor = s.Floor, ChiefShare = s.ChiefShare,
            AppealWorkingDays = s.AppealWorkingDays, PeriodMethod = s.PeriodMethod,
            Items = s.Items.Select(i => new ItemForm
            {
                Code = i.Code, Name = i.Name, PointsPerOccurrence = i.PointsPerOccurrence, MonthlyCap = i.MonthlyCap, IsVeto = i.IsVeto,
                Subject = i.Subject, Manual = i.Manual,
            }).ToList(),
        };
    }

    public sealed class ItemForm
    {
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public decimal PointsPerOccurrence { get; set; }
        public decimal? MonthlyCap { get; set; }
        public bool IsVeto { get; set; }
        public ItemSubject Subject { get; set; }
        public bool Manual { get; set; }
    }

    /// <summary>Publishes a version in force from the form's month on (not a month already past).</summary>
    public async Task<OpResult> PublishAsync(SchemeForm form, string publishedBy, CancellationToken ct = default)
    {
        AssessmentScheme scheme;
        try
        {
            var from = new YearMonth(form.Year, form.Month);
            if (from < CurrentMonth) return OpResult.Fail("生效月份不能早于本月：已过去的月份始终按当时的方案计算。");
            scheme = new AssessmentScheme(from, form.BaseScore, form.BonusCap, form.Floor, form.ChiefShare,
                form.Items.Select(i => new SchemeItem(i.Code.Trim(), i.Name.Trim(), i.PointsPerOccurrence, i.MonthlyCap, i.IsVeto, i.Subject, i.Manual)),
                form.AppealWorkingDays, form.PeriodMethod);
        }
        catch (DomainException e)
        {
            return OpResult.Fail(e.Message.StartsWith("assessment.", StringComparison.Ordinal) ? AssessmentMessages.Of(e.Message) : "生效月份无效。");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AssessmentSchemes.Add(new AssessmentSchemeVersion(scheme, publishedBy, clock.Now));
        await db.SaveChangesAsync(ct);
        return OpResult.Notice("考核方案已发布，自 {0} 起生效。", scheme.EffectiveFrom.ToString());
    }
}
