using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Attendance;
using OpsConsole.Features.Attendance.Import;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Attendance;

/// <summary>HR's file import against the corpus: every row kept with its outcome, specific messages, nothing half-imported.</summary>
public sealed class PunchFileImportTests(SqliteAppFixture fx) : IClassFixture<SqliteAppFixture>
{
    private async Task<T> With<T>(Func<PunchFileImport, Task<T>> action)
    {
        await using var scope = fx.App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<PunchFileImport>());
    }

    private async Task<int> PunchCount(string employee)
    {
        await using var db = fx.App.CreateDbContext();
        var id = await db.Staff.Where(s => s.EmployeeNo == employee).Select(s => s.Id).SingleAsync();
        return await db.Punches.CountAsync(p => p.StaffId == id);
    }

    [Fact]
    public async Task AMessyFileIsPreviewedRowByRowThenImportedAndReimportingChangesNothing()
    {
        var day = ExportCorpus.Day(95);
        var file = ExportCorpus.Utf8Bom(ExportCorpus.MessyCsv("BJ0097", day));
        var before = await PunchCount("BJ0097");

        var (preview, result) = await With(i => i.PreviewAsync("messy.csv", file));
        Assert.True(result.Succeeded, result.Error);
        var byRow = preview!.Rows.ToDictionary(r => r.RowNumber, r => r);
        Assert.Equal(RawPunchOutcome.Imported, byRow[2].Outcome);
        Assert.Equal(RawPunchOutcome.Imported, byRow[3].Outcome);
        Assert.Equal(RawPunchOutcome.Imported, byRow[4].Outcome);
        Assert.Equal(new DateTime(day.Year, day.Month, day.Day, 13, 51, 0), byRow[4].Time);
        Assert.Equal(RawPunchOutcome.OutsideWindows, byRow[5].Outcome);
        Assert.Equal(RawPunchOutcome.Duplicate, byRow[6].Outcome);
        Assert.Equal(RawPunchOutcome.UnknownEmployee, byRow[7].Outcome);
        Assert.Contains("BJ9999", byRow[7].Reason);
        Assert.Equal(RawPunchOutcome.UnparseableTime, byRow[8].Outcome);
        Assert.Equal(RawPunchOutcome.ImplausibleTime, byRow[9].Outcome);
        Assert.Equal(RawPunchOutcome.FutureTime, byRow[10].Outcome);
        Assert.Equal(RawPunchOutcome.Invalid, byRow[11].Outcome);
        Assert.Equal(RawPunchOutcome.Imported, byRow[12].Outcome);
        Assert.Equal(before, await PunchCount("BJ0097")); // preview saves nothing

        var (import, commit) = await With(i => i.CommitAsync("messy.csv", file, "BJ0004"));
        Assert.True(commit.Succeeded);
        Assert.Equal(11, import!.TotalRows);
        Assert.Equal(4, import.Imported);
        Assert.Equal(1, import.OutsideWindows);
        Assert.Equal(1, import.Duplicates);
        Assert.Equal(5, import.Rejected);
        Assert.Equal(before + 5, await PunchCount("BJ0097"));
        var problems = await With(i => i.ProblemRowsCsvAsync(import.Id));
        var csv = System.Text.Encoding.UTF8.GetString(problems);
        Assert.Contains("工号不存在", csv);
        Assert.Contains("BJ9999", csv);

        var (again, _) = await With(i => i.PreviewAsync("messy-copy.csv", file));
        Assert.NotNull(again!.SameFileImportedBefore);
        var (second, _) = await With(i => i.CommitAsync("messy-copy.csv", file, "BJ0004"));
        Assert.Equal(0, second!.Imported + second.OutsideWindows);
        Assert.Equal(before + 5, await PunchCount("BJ0097"));
        await using var db = fx.App.CreateDbContext();
        Assert.Equal(22, await db.RawPunches.CountAsync(r => r.ImportId == import.Id || r.ImportId == second.Id));
    }

    public static TheoryData<string> Encodings() => new() { "utf8", "utf8bom", "gbk", "gb18030", "xlsx" };

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task EveryEncodingAndFormatReadsTheChineseHeaders(string kind)
    {
        var employee = kind switch { "utf8" => "BJ0091", "utf8bom" => "BJ0092", "gbk" => "BJ0093", "gb18030" => "BJ0094", _ => "BJ0095" };
        var day = ExportCorpus.Day(100);
        var text = $"考勤机,工号,姓名,打卡时间,验证方式\n KQ-01,{employee},张三,{day.Year}年{day.Month}月{day.Day}日 08:41,人脸\nKQ-01,{employee},张三,{day:yyyy-MM-dd} 17:35:02,指纹\n";
        var bytes = kind switch
        {
            "utf8" => ExportCorpus.Utf8(text),
            "utf8bom" => ExportCorpus.Utf8Bom(text),
            "gbk" => ExportCorpus.Gb(text),
            "gb18030" => ExportCorpus.Gb18030(text),
            _ => ExportCorpus.Xlsx(employee, day),
        };
        var (preview, result) = await With(i => i.PreviewAsync($"export.{(kind == "xlsx" ? "xlsx" : "csv")}", bytes));
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(2, preview!.Rows.Count);
        Assert.All(preview.Rows, r => Assert.Equal(RawPunchOutcome.Imported, r.Outcome));
        if (kind is "gbk" or "gb18030") Assert.Equal("张三", preview.Rows[0].Fields.StaffName);
        if (kind == "xlsx") Assert.Equal(day.AddHours(17).AddMinutes(20), preview.Rows[1].Time);
    }

    public static TheoryData<string, string> BadFiles() => new()
    {
        { "empty", "文件是空的" },
        { "blank-lines", "没有任何内容" },
        { "header-only", "只有表头" },
        { "truncated-csv", "被截断" },
        { "truncated-xlsx", "Excel 文件不完整" },
        { "binary", "二进制" },
        { "latin1", "无法识别文件编码" },
        { "missing-columns", "缺少必需的列：工号" },
        { "no-header", "找不到表头" },
        { "xls", "不支持旧版 Excel" },
        { "200k", "超过单次导入上限" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task ABadFileGetsItsOwnMessageAndImportsNothing(string kind, string message)
    {
        var day = ExportCorpus.Day(110);
        var bytes = kind switch
        {
            "empty" => [],
            "blank-lines" => ExportCorpus.Utf8("\r\n\r\n  \r\n"),
            "header-only" => ExportCorpus.Utf8("工号,姓名,打卡时间\r\n"),
            "truncated-csv" => ExportCorpus.TruncatedCsv("BJ0090", day),
            "truncated-xlsx" => ExportCorpus.Xlsx("BJ0090", day)[..600],
            "binary" => ExportCorpus.Binary(),
            "latin1" => ExportCorpus.Latin1(),
            "missing-columns" => ExportCorpus.Utf8Bom($"姓名,打卡时间\r\n张三,{day:yyyy-MM-dd} 08:50\r\n"),
            "no-header" => ExportCorpus.Utf8($"BJ0090,{day:yyyy-MM-dd} 08:50\r\n"),
            "xls" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
            _ => ExportCorpus.Rows(200_000, "BJ0090", day),
        };
        var before = await PunchCount("BJ0090");
        var (preview, result) = await With(i => i.PreviewAsync(kind == "truncated-xlsx" ? "x.xlsx" : "x.csv", bytes));
        Assert.Null(preview);
        Assert.False(result.Succeeded);
        Assert.Contains(message, string.Format(result.Error!, result.Args ?? []));
        var (import, commit) = await With(i => i.CommitAsync("x.csv", bytes, "BJ0004"));
        Assert.Null(import);
        Assert.False(commit.Succeeded);
        Assert.Equal(before, await PunchCount("BJ0090"));
    }
}
