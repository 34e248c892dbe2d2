using System.Diagnostics.CodeAnalysis;
using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Queueing;

/// <summary>
/// The number an applicant holds, e.g. "A001": the queue's prefix letter and a gap-free daily
/// sequence, three digits wide and growing to four or five past 999.
/// </summary>
public readonly record struct TicketNumber
{
    /// <summary>Longest formatted number: a letter and five digits.</summary>
    public const int MaxLength = 6;
    public const int MaxSequence = 99_999;

    public TicketNumber(char prefix, int sequence)
    {
        if (!IsValidPrefix(prefix)) throw new DomainException(QueueingErrors.InvalidPrefix);
        if (sequence is < 1 or > MaxSequence) throw new DomainException(QueueingErrors.InvalidSequence);
        Prefix = prefix;
        Sequence = sequence;
    }

    public char Prefix { get; }
    public int Sequence { get; }

    public static bool IsValidPrefix(char prefix) => prefix is >= 'A' and <= 'Z';

    public override string ToString() => $"{Prefix}{Sequence:D3}";

    public static TicketNumber Parse(string text) =>
        TryParse(text, out var number) ? number : throw new DomainException(QueueingErrors.InvalidTicketNumber);

    /// <summary>Accepts the canonical form only ("A001", "A1000"; not "A1" or "A0999"); the letter may be lower case.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out TicketNumber number)
    {
        number = default;
        if (text is null || text.Length < 4 || text.Length > MaxLength) return false;
        var prefix = char.ToUpperInvariant(text[0]);
        var digits = text.AsSpan(1);
        if (!IsValidPrefix(prefix)) return false;
        foreach (var c in digits)
            if (c is < '0' or > '9') return false;
        if (digits.Length > 3 && digits[0] == '0') return false;
        var sequence = int.Parse(digits, provider: System.Globalization.CultureInfo.InvariantCulture);
        if (sequence < 1) return false;
        number = new TicketNumber(prefix, sequence);
        return true;
    }
}
