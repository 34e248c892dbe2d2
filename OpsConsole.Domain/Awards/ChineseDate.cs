namespace OpsConsole.Domain.Awards;

/// <summary>Dates in Chinese numerals as official documents write them: 二〇二六年十二月一日.</summary>
public static class ChineseDate
{
    private static readonly string[] Digits = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    public static string Of(DateOnly date) =>
        string.Concat(date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => Digits[c - '0']))
        + "年" + Number(date.Month) + "月" + Number(date.Day) + "日";

    /// <summary>1–31 as written in dates: 十, 十一, 二十, 二十一, 三十一.</summary>
    public static string Number(int n) => n switch
    {
        < 10 => Digits[n],
        10 => "十",
        < 20 => "十" + Digits[n % 10],
        _ => Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10]),
    };
}
