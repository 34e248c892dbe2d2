using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Queueing;

/// <summary>Names the unique key a desk action's save ran into, so the window hears what actually clashed.</summary>
public static class DeskClashes
{
    private const string SqliteUnique = "UNIQUE constraint failed: ";

    /// <summary>The user's message for a unique violation; null when <paramref name="ex"/> is not one.</summary>
    public static OpResult? Of(DbUpdateException ex)
    {
        // PostgreSQL names the constraint; SQLite names the columns ("UNIQUE constraint failed: WindowSessions.StaffId").
        var key = ex.InnerException switch
        {
            PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg => pg.ConstraintName ?? pg.TableName ?? "",
            SqliteException { SqliteErrorCode: 19 } lite when lite.Message.IndexOf(SqliteUnique, StringComparison.Ordinal) is >= 0 and var at =>
                lite.Message[(at + SqliteUnique.Length)..].TrimEnd('\'', '.'),
            _ => null,
        };
        if (key is null) return null;
        if (key.Contains("StaffId", StringComparison.Ordinal)) return OpResult.Fail("您已登录其他窗口，请先在该窗口退出。");
        if (key.Contains("PK_WindowSessions", StringComparison.Ordinal) || key.Contains("WindowSessions.WindowId", StringComparison.Ordinal))
            return OpResult.Fail("该窗口刚由其他人登录，请刷新后重试。");
        return OpResult.Fail("保存时与已有记录重复（{0}），请刷新后重试。", key);
    }
}
