using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;

namespace OpsConsole.Features.Cases;

/// <summary>
/// The names case lists show (items, departments, windows, staff), loaded once and kept for a minute: the lists are
/// read far more often than the catalog and the roster change, and a renamed window may show its old name that long.
/// One copy per node; loads are not doubled when several pages ask at once.
/// </summary>
public sealed class CaseNames(IDbContextFactory<OpsDbContext> dbFactory, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _current;

    public sealed record Snapshot(IReadOnlyDictionary<int, string> Items, IReadOnlyDictionary<int, string> Departments,
        IReadOnlyDictionary<int, string> Windows, IReadOnlyDictionary<int, string> Staff, DateTimeOffset LoadedAt)
    {
        public string Item(int id) => Items.GetValueOrDefault(id, "?");
        public string Department(int id) => Departments.GetValueOrDefault(id, "?");
        public string Window(int id) => Windows.GetValueOrDefault(id, "?");
        public string Person(int id) => Staff.GetValueOrDefault(id, "?");
    }

    public Task<Snapshot> GetAsync(CancellationToken ct = default) => GetAsync(null, ct);

    /// <summary>
    /// The names, reloaded when the copy is older than <see cref="Lifetime"/> or when it does not have everything
    /// <paramref name="complete"/> asks for (a window or person added since it was loaded).
    /// </summary>
    public async Task<Snapshot> GetAsync(Func<Snapshot, bool>? complete, CancellationToken ct = default)
    {
        if (Fresh(_current, complete) is { } current) return current;
        await _loading.WaitAsync(ct);
        try
        {
            if (Fresh(_current, complete) is { } loaded) return loaded;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var snapshot = new Snapshot(
                await db.ServiceItems.AsNoTracking().Select(i => new { i.Id, i.Name }).ToDictionaryAsync(i => i.Id, i => i.Name, ct),
                await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Name }).ToDictionaryAsync(d => d.Id, d => d.Name, ct),
                await db.Windows.AsNoTracking().Select(w => new { w.Id, w.Name }).ToDictionaryAsync(w => w.Id, w => w.Name, ct),
                await db.Staff.AsNoTracking().Select(s => new { s.Id, s.Name }).ToDictionaryAsync(s => s.Id, s => s.Name, ct),
                time.GetUtcNow());
            _current = snapshot;
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Drops the copy (after a change this node made to names, or in tests that rename).</summary>
    public void Invalidate() => _current = null;

    private Snapshot? Fresh(Snapshot? s, Func<Snapshot, bool>? complete)
    {
        if (s is null) return null;
        var age = time.GetUtcNow() - s.LoadedAt;
        return age >= TimeSpan.Zero && age < Lifetime && (complete is null || complete(s)) ? s : null;
    }
}
