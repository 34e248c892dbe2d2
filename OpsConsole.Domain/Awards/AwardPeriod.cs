using System.Globalization;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Awards;

public enum AwardPeriodKind { Month, Quarter, Year }

/// <summary>
/// The period an award is for: a month (2026-11), a quarter (2026-Q4) or a year (2026). Its key is stored with
/// ballots and awards; its label is printed (2026年11月, 2026年第四季度, 2026年度).
/// </summary>
public readonly record struct AwardPeriod
{
    public const int KeyMaxLength = 10;

    public AwardPeriod(AwardPeriodKind kind, int year, int number)
    {
        var max = kind switch { AwardPeriodKind.Month => 12, AwardPeriodKind.Quarter => 4, _ => 1 };
        if (year is < 2000 or > 9999 || number < 1 || number > max) throw new DomainException("评选期间不正确。");
        Kind = kind;
        Year = year;
        Number = number;
    }

    public AwardPeriodKind Kind { get; }
    public int Year { get; }
    /// <summary>The month (1–12), the quarter (1–4), or 1 for a year.</summary>
    public int Number { get; }

    public string Key => Kind switch
    {
        AwardPeriodKind.Month => $"{Year:D4}-{Number:D2}",
        AwardPeriodKind.Quarter => $"{Year:D4}-Q{Number}",
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    /// <summary>As printed on certificates and in the bulletin.</summary>
    public string Label => Kind switch
    {
        AwardPeriodKind.Month => $"{Year}年{Number}月",
        AwardPeriodKind.Quarter => $"{Year}年第{ChineseDate.Number(Number)}季度",
        _ => $"{Year}年度",
    };

    /// <summary>The months the period covers, in order.</summary>
    public IReadOnlyList<YearMonth> Months
    {
        get
        {
            var year = Year; // a struct's lambdas cannot read this
            return Kind switch
            {
                AwardPeriodKind.Month => [new YearMonth(year, Number)],
                AwardPeriodKind.Quarter => Enumerable.Range((Number - 1) * 3 + 1, 3).Select(m => new YearMonth(year, m)).ToList(),
                _ => Enumerable.Range(1, 12).Select(m => new YearMonth(year, m)).ToList(),
            };
        }
    }

    public static AwardPeriod Containing(AwardPeriodKind kind, DateOnly day) => kind switch
    {
        AwardPeriodKind.Month => new(kind, day.Year, day.Month),
        AwardPeriodKind.Quarter => new(kind, day.Year, (day.Month - 1) / 3 + 1),
        _ => new(kind, day.Year, 1),
    };

    /// <summary>The period before this one (the one usually being awarded).</summary>
    public AwardPeriod Previous() => Kind switch
    {
        AwardPeriodKind.Month => Containing(Kind, new DateOnly(Year, Number, 1).AddMonths(-1)),
        AwardPeriodKind.Quarter => Containing(Kind, new DateOnly(Year, (Number - 1) * 3 + 1, 1).AddMonths(-3)),
        _ => new(Kind, Year - 1, 1),
    };

    public static bool TryParse(string? key, out AwardPeriod period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(key)) return false;
        var text = key.Trim().ToUpperInvariant();
        try
        {
            if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
                period = new AwardPeriod(AwardPeriodKind.Year, y, 1);
            else if (text.Length == 7 && text[4] == '-' && text[5] == 'Q' && int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out y)
                     && int.TryParse(text[6..], NumberStyles.None, CultureInfo.InvariantCulture, out var q))
                period = new AwardPeriod(AwardPeriodKind.Quarter, y, q);
            else if (text.Length == 7 && text[4] == '-' && int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out y)
                     && int.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var m))
                period = new AwardPeriod(AwardPeriodKind.Month, y, m);
            else return false;
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }

    public override string ToString() => Key;
}
