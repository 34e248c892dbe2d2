using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;

namespace OpsConsole.Auth;

/// <summary>
/// ASP.NET Core Identity store over our own EF model (the stock EF store package cannot be
/// restored here, ADR 0005). Each operation uses its own short-lived context.
/// </summary>
public sealed class UserStore(IDbContextFactory<OpsDbContext> dbFactory) :
    IUserPasswordStore<AppUser>, IUserSecurityStampStore<AppUser>, IUserLockoutStore<AppUser>, IUserRoleStore<AppUser>
{
    public async Task<IdentityResult> CreateAsync(AppUser user, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(AppUser user, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        var entry = db.Entry(user);
        var expectedStamp = user.ConcurrencyStamp;
        entry.State = EntityState.Modified;
        // The stored row as the original values, so the audit log records what changed (old → new);
        // the concurrency stamp stays the one this copy was read with, so a concurrent change still fails.
        if (await entry.GetDatabaseValuesAsync(ct) is { } stored) entry.OriginalValues.SetValues(stored);
        entry.Property(u => u.ConcurrencyStamp).OriginalValue = expectedStamp;
        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
        }
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> DeleteAsync(AppUser user, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        db.Users.Remove(user);
        await db.SaveChangesAsync(ct);
        return IdentityResult.Success;
    }

    public async Task<AppUser?> FindByIdAsync(string userId, CancellationToken ct)
    {
        if (!int.TryParse(userId, out var id)) return null;
        await using var db = dbFactory.CreateDbContext();
        return await db.Users.AsNoTracking().Include(u => u.Roles).FirstOrDefaultAsync(u => u.Id == id, ct);
    }

    public async Task<AppUser?> FindByNameAsync(string normalizedUserName, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.Users.AsNoTracking().Include(u => u.Roles).FirstOrDefaultAsync(u => u.NormalizedUserName == normalizedUserName, ct);
    }

    public Task<string> GetUserIdAsync(AppUser user, CancellationToken ct) => Task.FromResult(user.Id.ToString());
    public Task<string?> GetUserNameAsync(AppUser user, CancellationToken ct) => Task.FromResult<string?>(user.UserName);
    public Task SetUserNameAsync(AppUser user, string? userName, CancellationToken ct) { user.UserName = userName ?? ""; return Task.CompletedTask; }
    public Task<string?> GetNormalizedUserNameAsync(AppUser user, CancellationToken ct) => Task.FromResult<string?>(user.NormalizedUserName);
    public Task SetNormalizedUserNameAsync(AppUser user, string? normalizedName, CancellationToken ct) { user.NormalizedUserName = normalizedName ?? ""; return Task.CompletedTask; }

    public Task SetPasswordHashAsync(AppUser user, string? passwordHash, CancellationToken ct) { user.PasswordHash = passwordHash; return Task.CompletedTask; }
    public Task<string?> GetPasswordHashAsync(AppUser user, CancellationToken ct) => Task.FromResult(user.PasswordHash);
    public Task<bool> HasPasswordAsync(AppUser user, CancellationToken ct) => Task.FromResult(user.PasswordHash is not null);

    public Task SetSecurityStampAsync(AppUser user, string stamp, CancellationToken ct) { user.SecurityStamp = stamp; return Task.CompletedTask; }
    public Task<string?> GetSecurityStampAsync(AppUser user, CancellationToken ct) => Task.FromResult<string?>(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(AppUser user, CancellationToken ct) => Task.FromResult(user.LockoutEnd);
    public Task SetLockoutEndDateAsync(AppUser user, DateTimeOffset? lockoutEnd, CancellationToken ct) { user.LockoutEnd = lockoutEnd?.ToUniversalTime(); return Task.CompletedTask; }
    public Task<int> IncrementAccessFailedCountAsync(AppUser user, CancellationToken ct) => Task.FromResult(++user.AccessFailedCount);
    public Task ResetAccessFailedCountAsync(AppUser user, CancellationToken ct) { user.AccessFailedCount = 0; return Task.CompletedTask; }
    public Task<int> GetAccessFailedCountAsync(AppUser user, CancellationToken ct) => Task.FromResult(user.AccessFailedCount);
    public Task<bool> GetLockoutEnabledAsync(AppUser user, CancellationToken ct) => Task.FromResult(user.LockoutEnabled);
    public Task SetLockoutEnabledAsync(AppUser user, bool enabled, CancellationToken ct) { user.LockoutEnabled = enabled; return Task.CompletedTask; }

    // Role changes are written at once (not through UpdateAsync) so the user row and its role
    // rows never race each other.
    public async Task AddToRoleAsync(AppUser user, string roleName, CancellationToken ct)
    {
        if (!Roles.All.Contains(roleName)) throw new InvalidOperationException($"Unknown role {roleName}");
        await using var db = dbFactory.CreateDbContext();
        if (!await db.Set<AppUserRole>().AnyAsync(r => r.UserId == user.Id && r.Role == roleName, ct))
        {
            db.Set<AppUserRole>().Add(new AppUserRole { UserId = user.Id, Role = roleName });
            await db.SaveChangesAsync(ct);
        }
        if (user.Roles.All(r => r.Role != roleName)) user.Roles.Add(new AppUserRole { UserId = user.Id, Role = roleName });
    }

    public async Task RemoveFromRoleAsync(AppUser user, string roleName, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        var row = await db.Set<AppUserRole>().FirstOrDefaultAsync(r => r.UserId == user.Id && r.Role == roleName, ct);
        if (row is not null)
        {
            db.Remove(row);
            await db.SaveChangesAsync(ct);
        }
        user.Roles.RemoveAll(r => r.Role == roleName);
    }

    public async Task<IList<string>> GetRolesAsync(AppUser user, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.Set<AppUserRole>().Where(r => r.UserId == user.Id).Select(r => r.Role).ToListAsync(ct);
    }

    public async Task<bool> IsInRoleAsync(AppUser user, string roleName, CancellationToken ct) =>
        (await GetRolesAsync(user, ct)).Contains(roleName);

    public async Task<IList<AppUser>> GetUsersInRoleAsync(string roleName, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.Users.AsNoTracking().Where(u => u.Roles.Any(r => r.Role == roleName)).ToListAsync(ct);
    }

    public void Dispose() { }
}
