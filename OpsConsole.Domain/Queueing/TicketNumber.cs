using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Queueing;

/// <summary>
/// The number an applicant holds, e.g. "A001" or "BD017": the queue's prefix (one or two letters)
/// and a gap-free daily sequence, three digits wide and growing to four or five past 999.
/// </summary>
public readonly record struct TicketNumber
{
    public const int MaxDigits = 5;
    /// <summary>Longest formatted number: two letters and five digits.</summary>
    public const int MaxLength = QueuePrefix.MaxLength + MaxDigits;
    public const int MaxSequence = 99_999;

    public TicketNumber(QueuePrefix prefix, int sequence)
    {
        if (prefix.Length == 0) throw new DomainException(QueueingErrors.InvalidPrefix);
        if (sequence is < 1 or > MaxSequence) throw new DomainException(QueueingErrors.InvalidSequence);
        Prefix = prefix;
        Sequence = sequence;
    }

    public QueuePrefix Prefix { get; }
    public int Sequence { get; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Prefix.Value}{Sequence:D3}");

    public static TicketNumber Parse(string text) =>
        TryParse(text, out var number) ? number : throw new DomainException(QueueingErrors.InvalidTicketNumber);

    /// <summary>
    /// Accepts the canonical form only ("A001", "BD017", "A1000"; not "A1", "A0999" or "ABC001");
    /// the letters may be lower case.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out TicketNumber number)
    {
        number = default;
        if (text is null || text.Length > MaxLength) return false;
        var letters = 0;
        while (letters < text.Length && char.IsAsciiLetter(text[letters])) letters++;
        if (letters is 0 or > QueuePrefix.MaxLength) return false;
        var digits = text.AsSpan(letters);
        if (digits.Length is < 3 or > MaxDigits) return false;
        foreach (var c in digits)
            if (!char.IsAsciiDigit(c)) return false;
        if (digits.Length > 3 && digits[0] == '0') return false;
        var sequence = int.Parse(digits, provider: CultureInfo.InvariantCulture);
        if (sequence < 1 || !QueuePrefix.TryParse(text[..letters], out var prefix)) return false;
        number = new TicketNumber(prefix, sequence);
        return true;
    }
}
