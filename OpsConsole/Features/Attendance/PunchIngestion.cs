using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Attendance;

/// <summary>
/// Stores received punches, from a terminal's upload or an HR file, in one transaction: every item becomes a
/// raw record with its outcome, and accepted ones also become punches. Nothing is half-stored.
/// </summary>
public sealed class PunchIngestion(IDbContextFactory<OpsDbContext> dbFactory, CenterClock clock)
{
    public sealed record Result(IReadOnlyList<PunchVerdict> Verdicts, int? ImportId)
    {
        public int Count(RawPunchOutcome outcome) => Verdicts.Count(v => v.Outcome == outcome);
    }

    /// <summary>Judges without saving: the preview of a file import.</summary>
    public async Task<IReadOnlyList<PunchVerdict>> JudgeAsync(IReadOnlyList<PunchCandidate> candidates, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var intake = await IntakeAsync(db, candidates, ct);
        return candidates.Select(intake.Judge).ToList();
    }

    /// <param name="import">The file import these rows belong to (null for a device upload); saved with them.</param>
    public async Task<Result> StoreAsync(IReadOnlyList<PunchCandidate> candidates, PunchChannel channel, int? deviceId,
        Func<IReadOnlyList<RawPunch>, PunchImport>? import, CancellationToken ct = default)
    {
        // A concurrent upload of the same events loses the race on the unique indexes: judge again and retry once.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StoreOnceAsync(candidates, channel, deviceId, import, ct);
            }
            catch (Exception e) when (attempt < 3 && e is DbUpdateException or System.Data.Common.DbException)
            {
            }
        }
    }

    private async Task<Result> StoreOnceAsync(IReadOnlyList<PunchCandidate> candidates, PunchChannel channel, int? deviceId,
        Func<IReadOnlyList<RawPunch>, PunchImport>? import, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var intake = await IntakeAsync(db, candidates, ct);
        var verdicts = candidates.Select(intake.Judge).ToList();
        var received = clock.Now;

        int? importId = null;
        if (import is not null)
        {
            var preview = verdicts.Select(v => ToRaw(v, channel, received, deviceId, null)).ToList();
            var batch = import(preview);
            db.PunchImports.Add(batch);
            await db.SaveChangesAsync(ct);
            importId = batch.Id;
        }
        var punches = verdicts.Where(v => v.Punch is not null).Select(v => v.Punch!).ToList();
        await BulkInsert.InsertAsync(db, punches, setGeneratedId: true, ct: ct);
        var raws = verdicts.Select(v => ToRaw(v, channel, received, deviceId, importId)).ToList();
        await BulkInsert.InsertAsync(db, raws, setGeneratedId: false, RawPunchLinks, ct);
        await tx.CommitAsync(ct);
        return new Result(verdicts, importId);
    }

    // A raw record points at its punch through the navigation; the punch's id is known once it is inserted.
    private static readonly Dictionary<string, Func<RawPunch, object?>> RawPunchLinks = new()
    {
        [nameof(RawPunch.PunchId)] = r => r.Punch?.Id,
    };

    private static RawPunch ToRaw(PunchVerdict v, PunchChannel channel, DateTimeOffset received, int? deviceId, int? importId) =>
        new(channel, received, v.Candidate.Fields, v.Outcome, v.Reason, v.Candidate.Time, v.StaffId, v.Punch, deviceId, importId, v.Candidate.RowNumber);

    private async Task<PunchIntake> IntakeAsync(OpsDbContext db, IReadOnlyList<PunchCandidate> candidates, CancellationToken ct)
    {
        var setup = await AttendanceSetup.LoadAsync(db, ct);
        var owners = (await db.Staff.AsNoTracking().Select(s => new { s.EmployeeNo, s.Id, s.DepartmentId }).ToListAsync(ct))
            .ToDictionary(s => s.EmployeeNo, s => new PunchOwner(s.Id, s.DepartmentId), StringComparer.OrdinalIgnoreCase);
        var times = candidates.Where(c => c.Time is not null).Select(c => c.Time!.Value).ToList();
        var existing = new List<(int, DateTime, string, string?)>();
        if (times.Count > 0)
        {
            var from = times.Min();
            var to = times.Max();
            existing.AddRange((await db.Punches.AsNoTracking().Where(p => p.Time >= from && p.Time <= to)
                .Select(p => new { p.StaffId, p.Time, p.TerminalId, p.TerminalEventId }).ToListAsync(ct))
                .Select(p => (p.StaffId, p.Time, p.TerminalId, p.TerminalEventId)));
        }
        // Event ids are unique per terminal whatever the time a replay carries.
        var events = candidates.Select(c => c.Fields.TerminalEventId).OfType<string>().Distinct().ToList();
        if (events.Count > 0)
        {
            foreach (var chunk in events.Chunk(500))
            {
                existing.AddRange((await db.Punches.AsNoTracking().Where(p => p.TerminalEventId != null && chunk.Contains(p.TerminalEventId))
                    .Select(p => new { p.StaffId, p.Time, p.TerminalId, p.TerminalEventId }).ToListAsync(ct))
                    .Select(p => (p.StaffId, p.Time, p.TerminalId, p.TerminalEventId)));
            }
        }
        return new PunchIntake(owners, existing, setup.Calendar, setup.Schedules, clock.Now.DateTime);
    }
}
