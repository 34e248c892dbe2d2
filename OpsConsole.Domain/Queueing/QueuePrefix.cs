using System.Diagnostics.CodeAnalysis;
using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Queueing;

/// <summary>
/// The letters a queue's ticket numbers start with: one or two upper-case ASCII letters ("A", "BD"),
/// unique per center. Two letters let a center run more than 26 queues.
/// </summary>
/// <remarks>
/// Ordered like a dictionary (ordinal: "B" &lt; "BD" &lt; "C"), which is also how every database
/// we run sorts the column, so lists sorted in SQL and in memory agree.
/// </remarks>
public readonly record struct QueuePrefix : IComparable<QueuePrefix>
{
    public const int MaxLength = 2;

    private readonly string? _value;

    public QueuePrefix(string value)
    {
        if (!IsValid(value)) throw new DomainException(QueueingErrors.InvalidPrefix);
        _value = value;
    }

    /// <summary>The letters; empty only for <c>default</c>.</summary>
    public string Value => _value ?? "";

    public int Length => Value.Length;

    /// <summary>Exactly one or two of A–Z; lower case, digits, spaces and other alphabets are refused.</summary>
    public static bool IsValid([NotNullWhen(true)] string? value) =>
        value is { Length: >= 1 and <= MaxLength } && value.All(char.IsAsciiLetterUpper);

    /// <summary>Reads what a person typed: trims it and upper-cases a–z (nothing else), then validates.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out QueuePrefix prefix)
    {
        prefix = default;
        var candidate = text is null ? null : string.Concat(text.Trim().Select(c => char.IsAsciiLetterLower(c) ? (char)(c - 'a' + 'A') : c));
        if (!IsValid(candidate)) return false;
        prefix = new QueuePrefix(candidate);
        return true;
    }

    public static QueuePrefix Parse(string text) =>
        TryParse(text, out var prefix) ? prefix : throw new DomainException(QueueingErrors.InvalidPrefix);

    public int CompareTo(QueuePrefix other) => string.CompareOrdinal(Value, other.Value);

    public static bool operator <(QueuePrefix a, QueuePrefix b) => a.CompareTo(b) < 0;
    public static bool operator >(QueuePrefix a, QueuePrefix b) => a.CompareTo(b) > 0;
    public static bool operator <=(QueuePrefix a, QueuePrefix b) => a.CompareTo(b) <= 0;
    public static bool operator >=(QueuePrefix a, QueuePrefix b) => a.CompareTo(b) >= 0;

    public override string ToString() => Value;
}
