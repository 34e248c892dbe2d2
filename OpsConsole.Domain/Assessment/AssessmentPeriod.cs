using System.Globalization;
using OpsConsole.Domain.Attendance;

namespace OpsConsole.Domain.Assessment;

public enum PeriodKind { Quarter, Year }

/// <summary>How a quarter's or a year's total is made from its published months (set in the scheme; ADR 0034).</summary>
public enum PeriodTotalMethod
{
    /// <summary>各月平均: the plain average of the months the subject was scored in and that were published.</summary>
    AverageOfMonths,
    /// <summary>按在岗天数加权平均: each published month weighs by the days the person was posted in it (windows: plain average).</summary>
    DaysWeightedAverage,
}

/// <summary>A quarter (2026-Q4) or a year (2026) of monthly assessments.</summary>
public readonly record struct AssessmentPeriod
{
    private AssessmentPeriod(PeriodKind kind, int year, int quarter)
    {
        if (year is < 2000 or > 9999) throw new ArgumentOutOfRangeException(nameof(year));
        if (kind == PeriodKind.Quarter && quarter is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(quarter));
        Kind = kind;
        Year = year;
        Quarter = kind == PeriodKind.Quarter ? quarter : 0;
    }

    public PeriodKind Kind { get; }
    public int Year { get; }
    /// <summary>1–4 for a quarter; 0 for a year.</summary>
    public int Quarter { get; }

    public static AssessmentPeriod OfQuarter(int year, int quarter) => new(PeriodKind.Quarter, year, quarter);
    public static AssessmentPeriod OfYear(int year) => new(PeriodKind.Year, year, 0);
    public static AssessmentPeriod QuarterOf(YearMonth month) => OfQuarter(month.Year, (month.Month - 1) / 3 + 1);

    public YearMonth First => Kind == PeriodKind.Year ? new YearMonth(Year, 1) : new YearMonth(Year, Quarter * 3 - 2);
    public YearMonth Last => Kind == PeriodKind.Year ? new YearMonth(Year, 12) : new YearMonth(Year, Quarter * 3);

    public IReadOnlyList<YearMonth> Months
    {
        get
        {
            var list = new List<YearMonth>();
            for (var m = First; m <= Last; m = m.AddMonths(1)) list.Add(m);
            return list;
        }
    }

    /// <summary>2026年第4季度, 2026年度.</summary>
    public string Label => Kind == PeriodKind.Year
        ? string.Format(CultureInfo.InvariantCulture, "{0}年度", Year)
        : string.Format(CultureInfo.InvariantCulture, "{0}年第{1}季度", Year, Quarter);

    /// <summary>2026-Q4, 2026: what a link carries.</summary>
    public override string ToString() => Kind == PeriodKind.Year
        ? Year.ToString("D4", CultureInfo.InvariantCulture)
        : string.Format(CultureInfo.InvariantCulture, "{0:D4}-Q{1}", Year, Quarter);

    /// <summary>Reads 2026-Q4 or 2026.</summary>
    public static bool TryParse(string? text, out AssessmentPeriod period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        if (t.Length == 4 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 9999)
        {
            period = OfYear(y);
            return true;
        }
        if (t.Length == 7 && (t[4] == '-') && (t[5] is 'Q' or 'q')
            && int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out y) && y is >= 2000 and <= 9999
            && t[6] is >= '1' and <= '4')
        {
            period = OfQuarter(y, t[6] - '0');
            return true;
        }
        return false;
    }
}

/// <summary>One published month's score of a subject, as stored.</summary>
public sealed record MonthTotal(YearMonth Month, decimal Total, int DaysPosted, bool Vetoed);

/// <summary>A quarter's or year's total from the published months (months not published or not scored are left out).</summary>
public static class PeriodTotals
{
    /// <returns>The total rounded to 2 places (half away from zero); null when no month counts.</returns>
    public static decimal? Of(PeriodTotalMethod method, IEnumerable<MonthTotal> months)
    {
        var list = months.ToList();
        if (list.Count == 0) return null;
        if (method == PeriodTotalMethod.DaysWeightedAverage)
        {
            var days = list.Sum(m => m.DaysPosted);
            // Windows have no posted days (and a person stored without them): the plain average.
            if (days > 0 && list.All(m => m.DaysPosted > 0))
                return decimal.Round(list.Sum(m => m.Total * m.DaysPosted) / days, 2, MidpointRounding.AwayFromZero);
        }
        return Rankings.AverageOfMonths(list.Select(m => m.Total));
    }
}
