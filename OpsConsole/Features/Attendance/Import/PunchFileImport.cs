using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Attendance;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Attendance.Import;

/// <summary>
/// HR imports a terminal export: preview (read and judge, nothing saved), then commit (judged again inside the
/// transaction and saved whole). Every row is kept with its outcome; importing the same file again adds no punch.
/// </summary>
public sealed class PunchFileImport(IDbContextFactory<OpsDbContext> dbFactory, PunchIngestion ingestion, CenterClock clock)
{
    public sealed record RowOutcome(int RowNumber, RawPunchFields Fields, DateTime? Time, RawPunchOutcome Outcome, string Reason);

    public sealed record Preview(string FileName, PunchFileFormat Format, string Encoding, IReadOnlyList<RowOutcome> Rows,
        PunchImport? SameFileImportedBefore)
    {
        public int Count(RawPunchOutcome outcome) => Rows.Count(r => r.Outcome == outcome);
        public int Problems => Rows.Count(r => r.Outcome != RawPunchOutcome.Imported);
    }

    /// <summary>Reads and judges the file without saving anything.</summary>
    public async Task<(Preview? Preview, OpResult Result)> PreviewAsync(string fileName, byte[] bytes, CancellationToken ct = default)
    {
        var read = TerminalExportReader.Read(fileName, bytes, clock.Now.Offset);
        if (!read.Ok) return (null, read.Problem!);
        var verdicts = await ingestion.JudgeAsync(Candidates(read), ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hash = Sha256(bytes);
        var before = await db.PunchImports.AsNoTracking().Where(i => i.Sha256 == hash).OrderByDescending(i => i.Id).FirstOrDefaultAsync(ct);
        return (new Preview(fileName, read.Format, read.Encoding, Outcomes(read, verdicts), before), OpResult.Ok);
    }

    /// <summary>Saves every row with its outcome and the accepted punches, all or nothing.</summary>
    public async Task<(PunchImport? Import, OpResult Result)> CommitAsync(string fileName, byte[] bytes, string importedBy, CancellationToken ct = default)
    {
        var read = TerminalExportReader.Read(fileName, bytes, clock.Now.Offset);
        if (!read.Ok) return (null, read.Problem!);
        PunchImport? batch = null;
        var now = clock.Now;
        await ingestion.StoreAsync(Candidates(read), PunchChannel.FileImport, null,
            raws => batch = new PunchImport(Path.GetFileName(fileName), Sha256(bytes), read.Format, read.Encoding, now, importedBy, raws), ct);
        return (batch, OpResult.Ok);
    }

    public async Task<IReadOnlyList<PunchImport>> HistoryAsync(int take = 50, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PunchImports.AsNoTracking().OrderByDescending(i => i.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>One page of the import history, newest first, with the number of imports (the list grows: paged in the database).</summary>
    public async Task<(IReadOnlyList<PunchImport> Rows, int Total)> HistoryPageAsync(int page, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(page, 1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var total = await db.PunchImports.CountAsync(ct);
        var rows = await db.PunchImports.AsNoTracking().OrderByDescending(i => i.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (rows, total);
    }

    /// <summary>One page of an import's rows that need attention (outside the windows, duplicates, refused), by row number.</summary>
    public async Task<(IReadOnlyList<RawPunch> Rows, int Total)> ProblemRowsPageAsync(int importId, string? search, int page, int pageSize,
        CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(page, 1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.RawPunches.AsNoTracking().Where(r => r.ImportId == importId && r.Outcome != RawPunchOutcome.Imported);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            q = q.Where(r => r.EmployeeNo.Contains(text) || r.StaffName.Contains(text) || r.TimeText.Contains(text));
        }
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(r => r.RowNumber).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (rows, total);
    }

    public async Task<IReadOnlyList<RawPunch>> RowsAsync(int importId, bool problemsOnly, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.RawPunches.AsNoTracking().Where(r => r.ImportId == importId);
        if (problemsOnly) q = q.Where(r => r.Outcome != RawPunchOutcome.Imported);
        return await q.OrderBy(r => r.RowNumber).ToListAsync(ct);
    }

    /// <summary>The problem rows of an import as CSV (UTF-8 with BOM, so Excel shows the Chinese).</summary>
    public async Task<byte[]> ProblemRowsCsvAsync(int importId, CancellationToken ct = default)
    {
        var rows = await RowsAsync(importId, problemsOnly: true, ct);
        var sb = new StringBuilder("行号,工号,姓名,打卡时间,设备号,结果,原因,原始内容\r\n");
        foreach (var r in rows)
        {
            string[] cells = [r.RowNumber?.ToString(CultureInfo.InvariantCulture) ?? "", r.EmployeeNo, r.StaffName, r.TimeText, r.TerminalId,
                AttendanceLabels.Outcome(r.Outcome), r.Reason, r.RawText];
            sb.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    private static List<PunchCandidate> Candidates(ExportReadResult read) =>
        read.Rows.Select(r => new PunchCandidate(r.Fields, r.Time, r.Method, r.RowNumber, r.Refusal)).ToList();

    private static List<RowOutcome> Outcomes(ExportReadResult read, IReadOnlyList<PunchVerdict> verdicts) =>
        verdicts.Select(v => new RowOutcome(v.Candidate.RowNumber ?? 0, v.Candidate.Fields, v.Candidate.Time, v.Outcome, v.Reason)).ToList();

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
