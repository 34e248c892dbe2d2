using System.Globalization;

namespace OpsConsole.Domain.Common;

/// <summary>
/// Text that every database provider stores as given: no NUL (PostgreSQL refuses it in text), no half of a
/// surrogate pair (invalid UTF-8), and cut to a column's size between text elements, so an emoji or a letter
/// with its combining marks is never split.
/// </summary>
public static class StorableText
{
    public const char Replacement = '\uFFFD';

    /// <summary>Drops NUL and replaces a lone surrogate with U+FFFD; returns the same string when there is nothing to do.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (!NeedsCleaning(text)) return text;
        var clean = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
                continue;
            }
            clean.Append(char.IsSurrogate(c) ? Replacement : c);
        }
        return clean.ToString();
    }

    /// <summary><see cref="Clean"/>, then at most <paramref name="maxLength"/> UTF-16 units ending on a text-element boundary.</summary>
    public static string Fit(string? text, int maxLength)
    {
        var clean = Clean(text);
        if (clean.Length <= maxLength) return clean;
        var length = 0;
        while (length < clean.Length)
        {
            var next = StringInfo.GetNextTextElementLength(clean.AsSpan(length));
            if (length + next > maxLength) break;
            length += next;
        }
        return clean[..length];
    }

    private static bool NeedsCleaning(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return true;
            if (!char.IsSurrogate(c)) continue;
            if (!char.IsHighSurrogate(c) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return true;
            i++;
        }
        return false;
    }
}
