using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Data.Auditing;

namespace OpsConsole.Auth;

/// <summary>Writes sign-in events (success, failure, lock-out, sign-out) to the audit log.</summary>
public sealed class SignInAudit(IDbContextFactory<OpsDbContext> dbFactory, TimeProvider clock, IHttpContextAccessor http)
{
    public async Task RecordAsync(string action, string userName, string details)
    {
        await using var db = dbFactory.CreateDbContext();
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "";
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            Actor = userName.Length > AuditEntry.ActorMaxLength ? userName[..AuditEntry.ActorMaxLength] : userName,
            Action = action,
            EntityType = "Account",
            EntityId = "",
            Details = string.IsNullOrEmpty(details) ? $"{{\"ip\":\"{ip}\"}}" : details,
        });
        await db.SaveChangesAsync();
    }
}
