using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.People;

/// <summary>
/// A mainland resident identity card number (GB 11643-1999): 6-digit region code, 8-digit birth
/// date, 3-digit sequence, and a check character (ISO 7064 MOD 11-2, 0–9 or X). Parsed from what a
/// keyboard or an ID-card reader types; shown only masked (first four and last four characters).
/// </summary>
public sealed record ResidentIdNumber
{
    public const int Length = 18;
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";
    // The province-level codes (省级行政区划代码) in use, including Hong Kong, Macao and Taiwan residence permits.
    private static readonly HashSet<int> Provinces =
        [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83];

    private ResidentIdNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    /// <summary>The 18 characters, the check character upper-case.</summary>
    public string Value { get; }
    public DateOnly BirthDate { get; }

    /// <summary>Odd sequence numbers are men's, even women's.</summary>
    public bool IsMale => (Value[16] - '0') % 2 == 1;

    /// <summary>3713**********0021: what a slip, a screen or a list may show.</summary>
    public string Masked => Mask(Value);

    public static string Mask(string value) => value.Length <= 8 ? new string('*', value.Length) : value[..4] + new string('*', value.Length - 8) + value[^4..];

    /// <summary>Parses <paramref name="input"/> (spaces and a lower-case x allowed) or says why not, as an error key.</summary>
    public static bool TryParse(string? input, DateOnly today, out ResidentIdNumber? id, out string? error)
    {
        id = null;
        var v = (input ?? "").Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        error = Check(v, today, out var birth);
        if (error is null) id = new ResidentIdNumber(v, birth);
        return error is null;
    }

    /// <exception cref="DomainException">With the key of the first thing wrong.</exception>
    public static ResidentIdNumber Parse(string? input, DateOnly today) =>
        TryParse(input, today, out var id, out var error) ? id! : throw new DomainException(error!);

    private static string? Check(string v, DateOnly today, out DateOnly birth)
    {
        birth = default;
        if (v.Length != Length || !v[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(v[17]) || v[17] == 'X'))
            return IdNumberErrors.Format;
        if (!Provinces.Contains((v[0] - '0') * 10 + (v[1] - '0'))) return IdNumberErrors.Region;
        if (!DateOnly.TryParseExact(v[6..14], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out birth) || birth.Year < 1900 || birth > today)
            return IdNumberErrors.BirthDate;
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (v[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11] == v[17] ? null : IdNumberErrors.Checksum;
    }
}

public static class IdNumberErrors
{
    public const string Format = "id_number.format";
    public const string Region = "id_number.region";
    public const string BirthDate = "id_number.birth_date";
    public const string Checksum = "id_number.checksum";
}
