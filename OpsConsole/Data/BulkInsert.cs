using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace OpsConsole.Data;

/// <summary>
/// Inserts many rows of one entity type with one prepared command inside the context's current transaction,
/// using the model's columns and value converters, so rows read back exactly as EF wrote them. EF's change
/// tracker costs about a millisecond a row here; a 100,000-row import must not take minutes. Bypasses the
/// audit interceptor: use only for entities excluded from the audit log.
/// </summary>
public static class BulkInsert
{
    /// <param name="overrides">Column values taken from elsewhere than the entity's own property (a foreign key held by a navigation).</param>
    /// <param name="setGeneratedId">Whether to read back the generated key and set it on the entity.</param>
    public static async Task InsertAsync<T>(OpsDbContext db, IReadOnlyList<T> rows, bool setGeneratedId,
        IReadOnlyDictionary<string, Func<T, object?>>? overrides = null, CancellationToken ct = default) where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var columns = entity.GetProperties().Where(p => p != key).ToList();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("BulkInsert runs inside the caller's transaction.");

        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        if (db.Database.IsSqlite() && rows.Count > 1000)
        {
            // SQLite's default 2 MB page cache spills a large transaction to disk page by page; 64 MB keeps it in memory.
            command.CommandText = "PRAGMA cache_size = -65536";
            await command.ExecuteNonQueryAsync(ct);
        }
        var names = string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(table)}\""));
        var getters = columns.Select(c => Getter(c, overrides)).ToArray();
        var insert = $"INSERT INTO \"{table.Name}\" ({names}) VALUES ";

        // One prepared single-row statement, rebound per row: multi-row VALUES lists were slower here, because
        // parameters are matched by name and that cost grows with the square of the parameters in a statement.
        command.CommandText = insert + "(" + string.Join(", ", columns.Select((_, i) => $"@p{i}")) + ")"
            + (setGeneratedId ? $" RETURNING \"{key.GetColumnName(table)}\"" : "");
        var parameters = columns.Select((_, i) => { var p = command.CreateParameter(); p.ParameterName = $"p{i}"; command.Parameters.Add(p); return p; }).ToArray();
        var idSetter = setGeneratedId ? typeof(T).GetProperty(key.Name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)! : null;
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = getters[i](row) ?? DBNull.Value;
            if (idSetter is null)
            {
                await command.ExecuteNonQueryAsync(ct);
                continue;
            }
            var id = await command.ExecuteScalarAsync(ct);
            idSetter.SetValue(row, Convert.ChangeType(id, idSetter.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static Func<T, object?> Getter<T>(IProperty column, IReadOnlyDictionary<string, Func<T, object?>>? overrides)
    {
        var converter = column.GetTypeMapping().Converter;
        if (overrides is not null && overrides.TryGetValue(column.Name, out var custom))
            return row => custom(row) is { } v && converter is not null ? converter.ConvertToProvider(v) : custom(row);
        var info = column.PropertyInfo ?? throw new InvalidOperationException($"{column.Name} has no CLR property.");
        return row => info.GetValue(row) is { } v && converter is not null ? converter.ConvertToProvider(v) : info.GetValue(row);
    }
}
