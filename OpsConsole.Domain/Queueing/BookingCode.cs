namespace OpsConsole.Domain.Queueing;

/// <summary>How a typed or scanned booking code reads before it is looked up.</summary>
public enum BookingCodeCheck
{
    /// <summary>Nine digits whose last is the Luhn check digit of the first eight: issued since check digits (ADR 0047).</summary>
    Valid,
    /// <summary>Six to sixteen letters or digits, not nine digits: a code issued before check digits (eight digits), looked up as it is.</summary>
    Legacy,
    /// <summary>Nine digits whose check digit does not fit: a digit mistyped or two swapped.</summary>
    WrongCheckDigit,
    /// <summary>Not a booking code at all.</summary>
    Format,
}

/// <summary>
/// Booking codes (预约码): eight random digits (the first not 0) and a Luhn check digit (ISO/IEC 7812), so a kiosk
/// refuses a mistyped code at once, without a lookup that could hit someone else's booking. Codes issued before the
/// check digit (eight digits) stay valid and are looked up as before.
/// </summary>
public static class BookingCode
{
    public const int Length = 9;

    /// <summary>The code for eight random digits <paramref name="body"/> (10000000–99999999).</summary>
    public static string New(int body)
    {
        if (body is < 10_000_000 or > 99_999_999) throw new ArgumentOutOfRangeException(nameof(body));
        var digits = body.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return digits + CheckDigit(digits);
    }

    /// <summary>The Luhn check digit of <paramref name="digits"/>: doubling every second digit from the right.</summary>
    public static char CheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }

    public static BookingCodeCheck Check(string? code)
    {
        if (!Appointment.IsValidBookingCode(code)) return BookingCodeCheck.Format;
        if (code!.Length != Length || !code.All(char.IsAsciiDigit)) return BookingCodeCheck.Legacy;
        return CheckDigit(code[..^1]) == code[^1] ? BookingCodeCheck.Valid : BookingCodeCheck.WrongCheckDigit;
    }
}
