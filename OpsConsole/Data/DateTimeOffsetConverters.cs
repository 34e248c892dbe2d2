using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OpsConsole.Data;

/// <summary>
/// Times are stored in UTC: the domain works in the center's local offset (+08:00), PostgreSQL's
/// timestamptz accepts only offset 0, and one rule for both providers keeps ordering right.
/// </summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(), v => v.ToUniversalTime());

/// <summary>SQLite: UTC, then a sortable 64-bit integer (SQLite has no offset-aware type).</summary>
public sealed class UtcBinaryDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, long>(
    v => Binary.ConvertToProviderTyped(v.ToUniversalTime()),
    v => Binary.ConvertFromProviderTyped(v))
{
    // One shared instance: a new converter compiles its expression trees, about 0.1 ms for every value converted.
    private static readonly DateTimeOffsetToBinaryConverter Binary = new();
}
