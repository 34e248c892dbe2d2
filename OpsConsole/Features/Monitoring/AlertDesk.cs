using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Data.Monitoring;
using OpsConsole.Domain.Common;
using OpsConsole.Domain.Monitoring;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Monitoring;

/// <summary>Managers acknowledge alerts and set per-queue thresholds.</summary>
public sealed class AlertDesk(IDbContextFactory<OpsDbContext> dbFactory, TimeProvider time, HallMonitor monitor)
{
    public async Task<OpResult> AcknowledgeAsync(int alertId, string by, string? note)
    {
        if (note is { Length: > Alert.NoteMaxLength }) return OpResult.Fail("备注不能超过 {0} 个字符。", Alert.NoteMaxLength);
        await using var db = await dbFactory.CreateDbContextAsync();
        var alert = await db.Set<Alert>().FirstOrDefaultAsync(a => a.Id == alertId);
        if (alert is null) return OpResult.Fail("告警不存在。");
        try
        {
            alert.Acknowledge(by, note, time.GetUtcNow());
        }
        catch (DomainException)
        {
            return OpResult.Fail("操作未能完成，请刷新后重试。");
        }
        await db.SaveChangesAsync();
        monitor.Poke();
        return OpResult.Ok;
    }

    public async Task<IReadOnlyList<Alert>> RecentAsync(int count = 100)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Set<Alert>().AsNoTracking().OrderByDescending(a => a.Id).Take(count).ToListAsync();
    }

    public async Task<QueueThresholdSetting> ThresholdsAsync(int queueId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Set<QueueThresholdSetting>().AsNoTracking().FirstOrDefaultAsync(t => t.QueueId == queueId)
               ?? new QueueThresholdSetting { QueueId = queueId };
    }

    /// <summary>Saves a queue's thresholds; out-of-range values are refused with a message.</summary>
    public async Task<OpResult> SaveThresholdsAsync(QueueThresholdSetting input, AlertSettings defaults)
    {
        var effective = defaults with
        {
            WaitingYellow = input.WaitingYellow ?? defaults.WaitingYellow,
            WaitingRed = input.WaitingRed ?? defaults.WaitingRed,
            LongestWaitYellowFactor = input.LongestWaitYellowFactor ?? defaults.LongestWaitYellowFactor,
            LongestWaitRedFactor = input.LongestWaitRedFactor ?? defaults.LongestWaitRedFactor,
        };
        var problems = effective.Problems();
        if (problems.Count > 0) return OpResult.Fail(problems[0]);
        await using var db = await dbFactory.CreateDbContextAsync();
        var row = await db.Set<QueueThresholdSetting>().FirstOrDefaultAsync(t => t.QueueId == input.QueueId);
        if (row is null)
        {
            row = new QueueThresholdSetting { QueueId = input.QueueId };
            db.Add(row);
        }
        row.WaitingYellow = input.WaitingYellow;
        row.WaitingRed = input.WaitingRed;
        row.LongestWaitYellowFactor = input.LongestWaitYellowFactor;
        row.LongestWaitRedFactor = input.LongestWaitRedFactor;
        await db.SaveChangesAsync();
        monitor.Poke();
        return OpResult.Ok;
    }
}
