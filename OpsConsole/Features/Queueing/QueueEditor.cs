using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.Common;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Common;
using OpsConsole.Realtime;

namespace OpsConsole.Features.Queueing;

/// <summary>
/// Managers set up the hall's queues: code, ticket prefix (one or two letters), name, opening hours, target wait,
/// daily cap and the service items each queue takes. Issued tickets keep their number; changes apply to what comes next.
/// </summary>
public sealed partial class QueueEditor(IDbContextFactory<OpsDbContext> dbFactory, HallEvents events, CenterClock clock)
{
    public sealed record QueueRow(ServiceQueue Queue, IReadOnlyList<string> ItemNames);

    public async Task<IReadOnlyList<QueueRow>> QueuesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var queues = await db.Set<ServiceQueue>().AsNoTracking().Include(q => q.Items).ToListAsync(ct);
        var names = await db.ServiceItems.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        return queues.OrderBy(q => q.Prefix)
            .Select(q => new QueueRow(q, q.Items.Select(i => names.GetValueOrDefault(i.ServiceItemId, "")).Order().ToList())).ToList();
    }

    public async Task<IReadOnlyList<ServiceItem>> ItemsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ServiceItems.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct);
    }

    /// <summary>Adds (<see cref="QueueForm.Id"/> 0) or changes a queue; codes and prefixes are unique in the center.</summary>
    public async Task<OpResult> SaveAsync(QueueForm form, CancellationToken ct = default)
    {
        if (!QueuePrefix.TryParse(form.Prefix, out var prefix)) return OpResult.FailOn(nameof(QueueForm.Prefix), QueueingMessages.Of(QueueingErrors.InvalidPrefix));
        if (ParseOpeningHours(form.OpeningHours) is not { } periods) return OpResult.FailOn(nameof(QueueForm.OpeningHours), QueueingMessages.Of(QueueingErrors.InvalidOpeningHours));
        if (form.TargetWaitMinutes is < 1 or > 480) return OpResult.FailOn(nameof(QueueForm.TargetWaitMinutes), "目标等候时间应在 1 到 480 分钟之间。");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = (form.Code ?? "").Trim();
        if (await db.Set<ServiceQueue>().AnyAsync(q => q.Code == code && q.Id != form.Id, ct))
            return OpResult.FailOn(nameof(QueueForm.Code), "队列编码 {0} 已被使用。", code);
        if (await db.Set<ServiceQueue>().AnyAsync(q => q.Prefix == prefix && q.Id != form.Id, ct))
            return OpResult.FailOn(nameof(QueueForm.Prefix), "前缀 {0} 已被其他队列使用。", prefix.Value);
        var itemIds = form.ItemIds.Distinct().ToList();
        if (await db.ServiceItems.CountAsync(i => itemIds.Contains(i.Id), ct) != itemIds.Count) return OpResult.Fail("所选事项已不存在，请刷新后重试。");

        ServiceQueue queue;
        try
        {
            if (form.Id == 0)
            {
                queue = new ServiceQueue(code, prefix, form.Name ?? "", periods, TimeSpan.FromMinutes(form.TargetWaitMinutes), form.DailyCap);
                db.Add(queue);
            }
            else
            {
                var existing = await db.Set<ServiceQueue>().Include(q => q.Items).FirstOrDefaultAsync(q => q.Id == form.Id, ct);
                if (existing is null) return OpResult.Fail("该记录已被删除，请刷新后重试。");
                queue = existing;
                queue.Rename(code, form.Name ?? "");
                queue.ChangePrefix(prefix);
                queue.SetOpeningHours(periods);
                queue.SetTargetWait(TimeSpan.FromMinutes(form.TargetWaitMinutes));
                queue.SetDailyCap(form.DailyCap);
            }
            foreach (var gone in queue.Items.Select(i => i.ServiceItemId).Except(itemIds).ToList()) queue.RemoveServiceItem(gone);
            foreach (var id in itemIds) queue.AddServiceItem(id);
        }
        catch (DomainException e)
        {
            return OpResult.Fail(QueueingMessages.Of(e.Message));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return OpResult.Fail("编码或前缀刚被其他队列使用，未做任何修改，请刷新后重试。"); // the unique indexes
        }
        await events.PublishAsync(new QueueChanged(clock.Now, queue.Id));
        return OpResult.Notice("已保存队列 {0}（{1}）。", queue.Name, queue.Prefix.Value);
    }

    /// <summary>
    /// Periods such as 09:00-12:00;13:00-17:00, separated by semicolons, commas (ASCII or full-width), enumeration commas
    /// or spaces, with a hyphen, dash, tilde or the word for "to" inside each; null when unreadable.
    /// </summary>
    public static IReadOnlyList<OpeningPeriod>? ParseOpeningHours(string? text)
    {
        var parts = (text ?? "").Split([';', '；', ',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) return null;
        var periods = new List<OpeningPeriod>();
        foreach (var part in parts)
        {
            var m = PeriodPattern().Match(part);
            if (!m.Success
                || !TimeOnly.TryParseExact(m.Groups[1].Value, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens)
                || !TimeOnly.TryParseExact(m.Groups[2].Value, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var closes)
                || closes <= opens)
                return null;
            periods.Add(new OpeningPeriod(opens, closes));
        }
        return periods;
    }

    public static string FormatOpeningHours(IEnumerable<OpeningPeriod> periods) =>
        string.Join(";", periods.Select(p => $"{p.Opens:HH\\:mm}-{p.Closes:HH\\:mm}"));

    [GeneratedRegex(@"^(\d{1,2}[:：]\d{2})\s*(?:-|–|—|~|～|至)\s*(\d{1,2}[:：]\d{2})$")]
    private static partial Regex PeriodPattern();
}

/// <summary>The queue editor's fields, bound by the page.</summary>
public sealed class QueueForm
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Prefix { get; set; } = "";
    public string Name { get; set; } = "";
    public string OpeningHours { get; set; } = "09:00-12:00;13:00-17:00";
    public int TargetWaitMinutes { get; set; } = (int)ServiceQueue.DefaultTargetWait.TotalMinutes;
    public int? DailyCap { get; set; }
    public List<int> ItemIds { get; set; } = [];

    public static QueueForm From(ServiceQueue q) => new()
    {
        Id = q.Id, Code = q.Code, Prefix = q.Prefix.Value, Name = q.Name,
        OpeningHours = QueueEditor.FormatOpeningHours(q.OpeningPeriods),
        TargetWaitMinutes = (int)q.TargetWait.TotalMinutes, DailyCap = q.DailyCap,
        ItemIds = q.Items.Select(i => i.ServiceItemId).ToList(),
    };
}
