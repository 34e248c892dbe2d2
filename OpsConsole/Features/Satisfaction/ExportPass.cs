using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Data;
using OpsConsole.Domain.Cases;
using OpsConsole.Domain.Queueing;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Satisfaction;

/// <summary>
/// 好差评 reporting (issue 10): every rating goes to the provincial platform and into a daily file. A run enrols the
/// ratings not yet queued, then pushes the pending ones oldest first in batches through <see cref="IRatingPlatform"/>;
/// a batch the platform does not take stays pending (with its error and tries) and goes with the next run, and the run
/// stops there so the order holds. Each push is written to the delivery log. One run at a time on a node; the records'
/// stable ids make a second delivery recognisable to the platform (ADR 0033).
/// </summary>
public sealed class RatingExportPass(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock, IRatingPlatform platform,
    IOptions<RatingExportOptions> options, ILogger<RatingExportPass> log)
{
    private const int EnrolChunk = 2000;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public sealed record Outcome(int Enrolled, int Delivered, int Pending, int FailedPushes);

    /// <summary>Enrols the new ratings and pushes what is pending.</summary>
    public async Task<Outcome> RunAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var enrolled = await EnrolAsync(ct);
            var (delivered, failed) = await PushAsync(ct);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var pending = await db.Set<RatingExport>().CountAsync(x => x.State == RatingExportState.Pending, ct);
            return new Outcome(enrolled, delivered, pending, failed);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes the daily file of <paramref name="day"/> (every rating given that center day, in order) to <paramref name="output"/>; returns the records written.</summary>
    public async Task<int> WriteDailyFileAsync(DateOnly day, Stream output, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (from, to) = DayBounds(day);
        var written = 0;
        await using var writer = new StreamWriter(output, RatingExportFormat.FileEncoding, leaveOpen: true) { NewLine = "\n" };
        var lastId = 0;
        while (true)
        {
            var ids = await db.Set<Evaluation>().Where(e => e.EvaluatedAt >= from && e.EvaluatedAt < to && e.Id > lastId)
                .OrderBy(e => e.Id).Select(e => e.Id).Take(500).ToListAsync(ct);
            if (ids.Count == 0) break;
            foreach (var record in await ReportsAsync(db, ids, ct))
            {
                await writer.WriteLineAsync(RatingExportFormat.ToLine(record).AsMemory(), ct);
                written++;
            }
            lastId = ids[^1];
        }
        await writer.FlushAsync(ct);
        return written;
    }

    /// <summary>Writes the daily file of <paramref name="day"/> into the configured folder (replacing an earlier one); returns its path.</summary>
    public async Task<string> WriteDailyFileAsync(DateOnly day, string contentRoot, CancellationToken ct = default)
    {
        var folder = Path.GetFullPath(Path.Combine(contentRoot, options.Value.Folder));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, RatingExportFormat.FileName(options.Value.CenterCode, day));
        var temp = path + ".tmp";
        await using (var file = File.Create(temp))
        {
            await WriteDailyFileAsync(day, file, ct);
        }
        File.Move(temp, path, overwrite: true);
        return path;
    }

    private async Task<int> EnrolAsync(CancellationToken ct)
    {
        var enrolled = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var fresh = await db.Set<Evaluation>().Where(e => !db.Set<RatingExport>().Any(x => x.EvaluationId == e.Id))
                .OrderBy(e => e.Id).Select(e => new { e.Id, e.EvaluatedAt }).Take(EnrolChunk).ToListAsync(ct);
            if (fresh.Count == 0) return enrolled;
            var now = clock.Now;
            db.AddRange(fresh.Select(e => new RatingExport(e.Id, DateOnly.FromDateTime(clock.ToLocal(e.EvaluatedAt).DateTime), now)));
            try
            {
                await db.SaveChangesAsync(ct);
                enrolled += fresh.Count;
            }
            catch (DbUpdateException ex) when (Cases.CaseMessages.IsUniqueViolation(ex))
            {
                // Another node enrolled some of them in between; the next round reads what is left.
                log.LogInformation("Rating export enrolment met rows another node enrolled; reading again");
            }
            if (fresh.Count < EnrolChunk) return enrolled;
        }
    }

    private async Task<(int Delivered, int FailedPushes)> PushAsync(CancellationToken ct)
    {
        var batchSize = Math.Clamp(options.Value.BatchSize, 1, 1000);
        var delivered = 0;
        while (!ct.IsCancellationRequested)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var batch = await db.Set<RatingExport>().Where(x => x.State == RatingExportState.Pending).OrderBy(x => x.Id).Take(batchSize).ToListAsync(ct);
            if (batch.Count == 0) break;
            var reports = await ReportsAsync(db, batch.Select(x => x.EvaluationId).ToList(), ct);
            var watch = Stopwatch.StartNew();
            RatingPushResult result;
            try
            {
                result = await platform.PushAsync(reports, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                result = RatingPushResult.Failed(1, e.Message);
            }
            var now = clock.Now;
            foreach (var x in batch)
            {
                if (result.Delivered) x.Delivered(now);
                else x.Failed(result.Error ?? "", now);
            }
            db.Add(new RatingDelivery(now, platform.Name, batch.Count, batch[0].Id, batch[^1].Id, result.Delivered, result.Tries, result.Error,
                (int)watch.ElapsedMilliseconds));
            // Not cancelled half-way: what the platform took is recorded as taken.
            await db.SaveChangesAsync(CancellationToken.None);
            if (!result.Delivered)
            {
                log.LogWarning("Rating push (haochaping) of {Count} records failed after {Tries} tries: {Error}; they stay pending for the next run",
                    batch.Count, result.Tries, result.Error);
                return (delivered, 1);
            }
            delivered += batch.Count;
            if (batch.Count < batchSize) break;
        }
        return (delivered, 0);
    }

    /// <summary>The reports of these ratings, in id order, with their ticket, window, staff member, item and case.</summary>
    private async Task<List<RatingReport>> ReportsAsync(OpsDbContext db, List<int> evaluationIds, CancellationToken ct)
    {
        var evaluations = await db.Set<Evaluation>().AsNoTracking().Include(e => e.Rectification)
            .Where(e => evaluationIds.Contains(e.Id)).OrderBy(e => e.Id).ToListAsync(ct);
        var ticketIds = evaluations.Select(e => e.TicketId).Distinct().ToList();
        var tickets = await db.Set<Ticket>().AsNoTracking().Where(t => ticketIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var cases = await db.Set<ServiceCase>().AsNoTracking().Where(c => c.TicketId != null && ticketIds.Contains(c.TicketId.Value))
            .Select(c => new { TicketId = c.TicketId!.Value, c.Number, c.ServiceItemId, c.DepartmentId }).ToDictionaryAsync(c => c.TicketId, ct);
        var queueIds = tickets.Values.Select(t => t.QueueId).Distinct().ToList();
        // A queue that covers one item names the item of every ticket it served; otherwise only a case does.
        var singleItem = (await db.Set<ServiceQueueItem>().Where(i => queueIds.Contains(i.ServiceQueueId)).Select(i => new { i.ServiceQueueId, i.ServiceItemId }).ToListAsync(ct))
            .GroupBy(i => i.ServiceQueueId).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().ServiceItemId);
        var windowIds = evaluations.Select(e => e.WindowId).Distinct().ToList();
        var windows = await db.Windows.AsNoTracking().Where(w => windowIds.Contains(w.Id)).Select(w => new { w.Id, w.Number, w.Name, w.DepartmentId })
            .ToDictionaryAsync(w => w.Id, ct);
        var staffIds = evaluations.Select(e => e.StaffId).Distinct().ToList();
        var staff = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id)).Select(s => new { s.Id, s.EmployeeNo }).ToDictionaryAsync(s => s.Id, s => s.EmployeeNo, ct);
        var items = await db.ServiceItems.AsNoTracking().Select(i => new { i.Id, i.Code, i.Name, i.DepartmentId }).ToDictionaryAsync(i => i.Id, ct);
        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Code, d.Name }).ToDictionaryAsync(d => d.Id, ct);
        var center = options.Value.CenterCode;

        return evaluations.Select(e =>
        {
            var ticket = tickets.GetValueOrDefault(e.TicketId);
            var @case = cases.GetValueOrDefault(e.TicketId);
            int? itemId = @case?.ServiceItemId ?? (ticket is not null && singleItem.TryGetValue(ticket.QueueId, out var only) ? only : null);
            var item = itemId is { } i ? items.GetValueOrDefault(i) : null;
            var window = windows.GetValueOrDefault(e.WindowId);
            var departmentId = @case?.DepartmentId ?? item?.DepartmentId ?? window?.DepartmentId;
            var department = departmentId is { } d ? departments.GetValueOrDefault(d) : null;
            return new RatingReport(
                $"{center}-{e.Id:D10}",
                RatingExportFormat.Score(e.Level),
                RatingExportFormat.Name(e.Level),
                RatingExportFormat.OfflineChannel,
                RatingExportFormat.EvaluatorTerminal,
                RatingExportFormat.OverallIndicator,
                RatingExportFormat.IndicatorsOf(e.Level, e.Reasons),
                e.Reasons.Select(RatingExportFormat.Reason).ToList(),
                e.Comment,
                item?.Code,
                item?.Name,
                department?.Code,
                department?.Name,
                window?.Number ?? 0,
                window?.Name ?? "",
                staff.GetValueOrDefault(e.StaffId),
                ticket?.Number.ToString() ?? "",
                @case?.Number,
                clock.ToLocal(e.EvaluatedAt),
                e.Rectification?.RatingCounts ?? true);
        }).ToList();
    }

    private (DateTimeOffset From, DateTimeOffset To) DayBounds(DateOnly day)
    {
        var start = day.ToDateTime(TimeOnly.MinValue);
        var offset = clock.TimeZone.GetUtcOffset(start);
        var from = new DateTimeOffset(start, offset);
        return (from, from.AddDays(1));
    }
}
