using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Common;
using OpsConsole.Domain.People;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Assessment;

/// <summary>
/// 入驻/离驻: HR records who was posted to the center when, for which department and windows, one at a time
/// or from a CSV (工号,入驻日期,离驻日期,部门编码,窗口,备注). Every row of a CSV is kept with the import;
/// a bad row is reported in Chinese by its number, the good rows are saved.
/// </summary>
public sealed class Postings(IDbContextFactory<OpsDbContext> dbFactory, TimeProvider time)
{
    public sealed record PostingRow(long Id, int StaffId, string EmployeeNo, string StaffName, string? Department, DateOnly From, DateOnly? To,
        string Windows, string Note);

    public sealed record ImportResult(int Accepted, int Refused, IReadOnlyList<string> Errors, long ImportId);

    public static readonly IReadOnlyDictionary<string, string> Messages = new Dictionary<string, string>
    {
        [PostingErrors.EndBeforeStart] = "离驻日期不能早于入驻日期。",
        [PostingErrors.Overlaps] = "与该人员已有的入驻期重叠。",
        [PostingErrors.TooLong] = "窗口或备注过长。",
    };

    public async Task<IReadOnlyList<PostingRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from p in db.Postings.AsNoTracking()
                      join s in db.Staff on p.StaffId equals s.Id
                      join d in db.Departments on p.DepartmentId equals d.Id into ds
                      from d in ds.DefaultIfEmpty()
                      orderby s.EmployeeNo, p.From
                      select new PostingRow(p.Id, s.Id, s.EmployeeNo, s.Name, d == null ? null : d.Name, p.From, p.To, p.Windows, p.Note))
            .ToListAsync(ct);
    }

    /// <summary>Adds a posting for a person, refused when it overlaps another of theirs.</summary>
    public async Task<OpResult> AddAsync(int staffId, int? departmentId, DateOnly from, DateOnly? to, string? windows, string? note, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = await AddAsync(db, staffId, departmentId, from, to, windows, note, ct);
        if (result.Succeeded) await db.SaveChangesAsync(ct);
        return result;
    }

    /// <summary>Adds to <paramref name="db"/> without saving (account creation saves it with the person).</summary>
    internal static async Task<OpResult> AddAsync(OpsDbContext db, int staffId, int? departmentId, DateOnly from, DateOnly? to, string? windows,
        string? note, CancellationToken ct)
    {
        try
        {
            var existing = await db.Postings.Where(p => p.StaffId == staffId).ToListAsync(ct);
            existing.AddRange(db.Postings.Local.Where(p => p.StaffId == staffId && p.Id == 0));
            PostedDays.CheckNoOverlap(existing, from, to);
            db.Postings.Add(new Posting(staffId, departmentId, from, to, windows, note));
            return OpResult.Ok;
        }
        catch (DomainException e)
        {
            return OpResult.Fail(Messages.GetValueOrDefault(e.Message, "入驻信息无效。"));
        }
    }

    /// <summary>离驻: ends an open posting on its last day.</summary>
    public async Task<OpResult> EndAsync(long postingId, DateOnly lastDay, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var posting = await db.Postings.FirstOrDefaultAsync(p => p.Id == postingId, ct);
        if (posting is null) return OpResult.Fail("入驻记录不存在。");
        if (posting.To is not null) return OpResult.Fail("该入驻记录已离驻。");
        try
        {
            posting.End(lastDay);
        }
        catch (DomainException e)
        {
            return OpResult.Fail(Messages.GetValueOrDefault(e.Message, "入驻信息无效。"));
        }
        await db.SaveChangesAsync(ct);
        return OpResult.Ok;
    }

    /// <summary>Imports a CSV of postings (UTF-8, header row optional). Rows are checked one by one; the file is kept whole.</summary>
    public async Task<ImportResult> ImportCsvAsync(string fileName, string text, string importedBy, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var staff = await db.Staff.AsNoTracking().ToDictionaryAsync(s => s.EmployeeNo, s => s.Id, StringComparer.OrdinalIgnoreCase, ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Id, StringComparer.OrdinalIgnoreCase, ct);
        var errors = new List<string>();
        var accepted = 0;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().TrimStart('\uFEFF');
            var rowNo = i + 1;
            if (line.Length == 0 || (i == 0 && line.StartsWith("工号", StringComparison.Ordinal))) continue;
            var cells = line.Split(',').Select(c => c.Trim().Trim('"')).ToArray();
            if (cells.Length < 2) { errors.Add(Row("第 {0} 行：列数不足，至少需要工号和入驻日期。", rowNo)); continue; }
            if (!staff.TryGetValue(cells[0], out var staffId)) { errors.Add(Row("第 {0} 行：工号 {1} 不存在。", rowNo, cells[0])); continue; }
            if (!TryDate(cells[1], out var from)) { errors.Add(Row("第 {0} 行：入驻日期“{1}”无法识别（应为 2026-10-01）。", rowNo, cells[1])); continue; }
            DateOnly? to = null;
            if (cells.Length > 2 && cells[2].Length > 0)
            {
                if (!TryDate(cells[2], out var end)) { errors.Add(Row("第 {0} 行：离驻日期“{1}”无法识别（应为 2026-10-31）。", rowNo, cells[2])); continue; }
                to = end;
            }
            int? departmentId = null;
            if (cells.Length > 3 && cells[3].Length > 0)
            {
                if (!departments.TryGetValue(cells[3], out var d)) { errors.Add(Row("第 {0} 行：部门编码 {1} 不存在。", rowNo, cells[3])); continue; }
                departmentId = d;
            }
            var result = await AddAsync(db, staffId, departmentId, from, to, cells.ElementAtOrDefault(4), cells.ElementAtOrDefault(5), ct);
            if (!result.Succeeded) { errors.Add(Row("第 {0} 行：{1}", rowNo, result.Error!)); continue; }
            accepted++;
        }
        var import = new PostingImport(fileName, text, accepted, errors.Count, string.Join('\n', errors), importedBy, time.GetUtcNow());
        db.PostingImports.Add(import);
        await db.SaveChangesAsync(ct);
        return new ImportResult(accepted, errors.Count, errors, import.Id);
    }

    /// <summary>A row's refusal as kept in the import's report (in Chinese, like the terminal import's).</summary>
    private static string Row(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Reads an upload as UTF-8 (a BOM is dropped) or, when it is not valid UTF-8, as GBK like terminal exports.</summary>
    public static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(54936)!.GetString(bytes);
        }
    }
}
