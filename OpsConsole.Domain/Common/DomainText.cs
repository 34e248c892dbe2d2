namespace OpsConsole.Domain.Common;

/// <summary>The free text a rule takes (a reason, a note, a name): trimmed, blank as none, within its column.</summary>
public static class DomainText
{
    /// <summary>The trimmed text, or null when blank.</summary>
    /// <exception cref="DomainException"><paramref name="tooLong"/> when longer than <paramref name="max"/>.</exception>
    public static string? Optional(string? value, int max, string tooLong)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text?.Length > max) throw new DomainException(tooLong);
        return text;
    }

    /// <exception cref="DomainException"><paramref name="missing"/> when blank, <paramref name="tooLong"/> when longer than <paramref name="max"/>.</exception>
    public static string Required(string? value, int max, string missing, string tooLong) =>
        Optional(value, max, tooLong) ?? throw new DomainException(missing);
}
