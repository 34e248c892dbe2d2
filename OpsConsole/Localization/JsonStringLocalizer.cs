using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace OpsConsole.Localization;

/// <summary>Marker type for the app's one string table: <c>IStringLocalizer&lt;SharedResource&gt;</c>.</summary>
public sealed class SharedResource;

/// <summary>
/// Strings are written in Simplified Chinese in the code (the default UI culture) and used as
/// keys; other cultures translate them in Localization/{culture}.json (ADR 0006). A key
/// missing from a table falls back to the Chinese text, and a test lists any such key.
/// </summary>
public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _tables = new();

    public IStringLocalizer Create(Type resourceSource) => new JsonStringLocalizer(this);
    public IStringLocalizer Create(string baseName, string location) => new JsonStringLocalizer(this);

    internal IReadOnlyDictionary<string, string>? TableFor(CultureInfo culture)
    {
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (c.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase)) return null;
            var table = _tables.GetOrAdd(c.Name, Load);
            if (table.Count > 0) return table;
        }
        return null;
    }

    /// <summary>
    /// Merges every table of a culture: Localization/{culture}/*.json, one file per area
    /// (shell, queueing, attendance…) so features add strings without touching each other's files.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Load(string cultureName)
    {
        var asm = typeof(JsonStringLocalizerFactory).Assembly;
        var prefix = $"{asm.GetName().Name}.Localization.{cultureName}.";
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in asm.GetManifestResourceNames()
                     .Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = asm.GetManifestResourceStream(resource)!;
            foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [])
            {
                table[key] = value;
            }
        }
        return table;
    }
}

internal sealed class JsonStringLocalizer(JsonStringLocalizerFactory factory) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var table = factory.TableFor(CultureInfo.CurrentUICulture);
            if (table is null) return new LocalizedString(name, name, resourceNotFound: false);
            return table.TryGetValue(name, out var value)
                ? new LocalizedString(name, value, resourceNotFound: false)
                : new LocalizedString(name, name, resourceNotFound: true);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        (factory.TableFor(CultureInfo.CurrentUICulture) ?? new Dictionary<string, string>())
            .Select(kv => new LocalizedString(kv.Key, kv.Value));
}

/// <summary>A localizer for the typed injection <c>IStringLocalizer&lt;T&gt;</c>.</summary>
public sealed class JsonStringLocalizer<T>(IStringLocalizerFactory factory) : IStringLocalizer<T>
{
    private readonly IStringLocalizer _inner = factory.Create(typeof(T));
    public LocalizedString this[string name] => _inner[name];
    public LocalizedString this[string name, params object[] arguments] => _inner[name, arguments];
    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _inner.GetAllStrings(includeParentCultures);
}
