using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Data.Auditing;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Auditing;

/// <summary>What to show of the audit log: a person (sign-in name or name), center dates, an object type, an action.</summary>
public sealed record AuditFilter(string? Person = null, DateOnly? From = null, DateOnly? To = null, string? Object = null, string? Action = null);

/// <summary>One changed field: <see cref="Old"/> is null for a new record's value.</summary>
public sealed record AuditChange(string Field, string? Old, string? New);

/// <summary>
/// One line of the audit log as a person reads it: center time, who (sign-in name and name), what
/// (an action label key, Chinese), which object (a label key and its number), and the fields changed.
/// </summary>
public sealed record AuditRow(long Id, DateTimeOffset At, string Actor, string? ActorName, string Action, string Object,
    string ObjectId, IReadOnlyList<AuditChange> Changes);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Total);

/// <summary>Reads the audit log for admins: filtered and paged in the database, labelled for people.</summary>
public sealed class AuditLogReader(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock)
{
    public const int MaxPageSize = 200;
    public const int MaxExportRows = 100_000;

    public async Task<AuditPage> PageAsync(AuditFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(page, 1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = await FilteredAsync(db, filter, ct);
        var total = await query.CountAsync(ct);
        var entries = await query.OrderByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new AuditPage(await ReadableAsync(db, entries, ct), total);
    }

    /// <summary>Every matching line, newest first, in batches (an export never holds the whole log).</summary>
    public async IAsyncEnumerable<AuditRow> AllAsync(AuditFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = await FilteredAsync(db, filter, ct);
        long? before = null;
        var count = 0;
        while (count < MaxExportRows)
        {
            var batchQuery = before is { } b ? query.Where(a => a.Id < b) : query;
            var batch = await batchQuery.OrderByDescending(a => a.Id).Take(1000).ToListAsync(ct);
            if (batch.Count == 0) yield break;
            foreach (var row in await ReadableAsync(db, batch, ct))
            {
                yield return row;
                if (++count >= MaxExportRows) yield break;
            }
            before = batch[^1].Id;
        }
    }

    /// <summary>The object types in the log, for the filter (label keys with their stored names).</summary>
    public async Task<IReadOnlyList<string>> ObjectTypesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditLog.Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
    }

    private async Task<IQueryable<AuditEntry>> FilteredAsync(OpsDbContext db, AuditFilter filter, CancellationToken ct)
    {
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Person))
        {
            var person = filter.Person.Trim();
            var names = await db.Users.Where(u => u.DisplayName.Contains(person)).Select(u => u.UserName ?? "").Take(50).ToListAsync(ct);
            query = query.Where(a => a.Actor == person || names.Contains(a.Actor));
        }
        if (filter.From is { } from) query = query.Where(a => a.At >= StartOf(from));
        if (filter.To is { } to) query = query.Where(a => a.At < StartOf(to.AddDays(1)));
        if (!string.IsNullOrWhiteSpace(filter.Object)) query = query.Where(a => a.EntityType == filter.Object);
        if (!string.IsNullOrWhiteSpace(filter.Action)) query = query.Where(a => a.Action == filter.Action);
        return query;
    }

    private DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, clock.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private async Task<IReadOnlyList<AuditRow>> ReadableAsync(OpsDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var actors = entries.Select(e => e.Actor).Where(a => a.Length > 0).Distinct().ToList();
        var names = (await db.Users.Where(u => u.UserName != null && actors.Contains(u.UserName)).Select(u => new { u.UserName, u.DisplayName })
            .ToListAsync(ct)).ToDictionary(u => u.UserName!, u => u.DisplayName, StringComparer.OrdinalIgnoreCase);
        return entries.Select(e =>
        {
            var changes = Changes(e, clock.TimeZone);
            return new AuditRow(e.Id, clock.ToLocal(e.At), e.Actor, names.GetValueOrDefault(e.Actor),
                AuditLabels.Action(e.Action, e.EntityType, changes), AuditLabels.Object(e.EntityType),
                e.EntityId == "new" ? "" : e.EntityId, changes);
        }).ToList();
    }

    /// <summary>The stored JSON as fields: { "Name": ["old", "new"] } for a change, { "Name": value } for a new record or an event.</summary>
    public static IReadOnlyList<AuditChange> Changes(AuditEntry entry, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(entry.Details) || entry.Details[0] != '{') return [];
        try
        {
            using var doc = JsonDocument.Parse(entry.Details);
            var modified = entry.Action == "Modified";
            return doc.RootElement.EnumerateObject().Select(p =>
                modified && p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() == 2
                    ? new AuditChange(p.Name, Text(p.Value[0], zone), Text(p.Value[1], zone))
                    : new AuditChange(p.Name, null, Text(p.Value, zone))).ToList();
        }
        catch (JsonException)
        {
            return [new AuditChange("", null, entry.Details)];
        }
    }

    private static string? Text(JsonElement value, TimeZoneInfo zone) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "是",
        JsonValueKind.False => "否",
        JsonValueKind.String => CenterTime(value.GetString()!, zone),
        _ => value.GetRawText(),
    };

    /// <summary>A time in the JSON (ISO 8601, as EF saw it) in the center's wall-clock time; any other text as it is.</summary>
    private static string CenterTime(string s, TimeZoneInfo zone) =>
        s.Length >= 19 && s[4] == '-' && s[10] == 'T' && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : s;
}
