namespace OpsConsole.Domain.People;

/// <summary>
/// A mainland mobile number (11 digits, 1[3-9]…), as an applicant leaves it for a near-turn notice. Spaces,
/// dashes and a +86 / 0086 prefix are accepted; shown masked (138****5678).
/// </summary>
public sealed record MobileNumber
{
    public const int Length = 11;

    private MobileNumber(string value) => Value = value;

    public string Value { get; }

    public string Masked => Value[..3] + "****" + Value[7..];

    /// <summary>Parses what was typed; false (with nothing) when it is not a mobile number.</summary>
    public static bool TryParse(string? input, out MobileNumber? number)
    {
        number = null;
        var digits = new string((input ?? "").Where(c => c is not (' ' or '-')).ToArray());
        if (digits.StartsWith("+86", StringComparison.Ordinal)) digits = digits[3..];
        else if (digits.StartsWith("0086", StringComparison.Ordinal)) digits = digits[4..];
        if (digits.Length != Length || !digits.All(char.IsAsciiDigit) || digits[0] != '1' || digits[1] < '3') return false;
        number = new MobileNumber(digits);
        return true;
    }
}
