using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Attendance;

/// <summary>
/// Terminal export files, good and bad, generated on the fly: the corpus the import must survive. Times fall
/// 90 days back (outside the seeded 60 days) on <see cref="Day"/>, so they never collide with demo punches.
/// </summary>
public static class ExportCorpus
{
    static ExportCorpus() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <param name="today">The center's date in the test (default: the pinned date every test app runs on).</param>
    public static DateTime Day(int daysBack = 90, DateOnly? today = null)
    {
        // A weekday, so window checks apply (the sample calendar has no holidays 90 days before late November).
        var d = (today ?? PinnedClock.DefaultToday).ToDateTime(TimeOnly.MinValue).AddDays(-daysBack);
        while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) d = d.AddDays(-1);
        return d;
    }

    public static Encoding Gbk => Encoding.GetEncoding("GBK");

    /// <summary>Headers out of order, three date formats, and one row of every kind of problem.</summary>
    /// <param name="today">The center's date in the test (default: the pinned date every test app runs on).</param>
    public static string MessyCsv(string employee, DateTime day, DateOnly? today = null)
    {
        var future = (today ?? PinnedClock.DefaultToday).ToDateTime(TimeOnly.MinValue).AddDays(3);
        var d = day;
        return string.Join("\r\n",
            "打卡时间,验证方式,姓名,工号,考勤机",
            $"{d:yyyy/MM/dd} 08:51:07,人脸,测试,{employee},KQ-01",           // row 2 imported
            $"{d:yyyy-MM-dd} 12:05,指纹,测试,{employee},KQ-01",               // row 3 imported (no seconds, one-digit hour format below)
            $"{d.Year}年{d.Month}月{d.Day}日 13:51,人脸,测试,{employee},KQ-02",  // row 4 imported (Chinese date)
            $"{d:yyyy-MM-dd} 5:10,人脸,测试,{employee},KQ-01",                // row 5 outside every window
            $"{d:yyyy/MM/dd} 08:51:07,人脸,测试,{employee},KQ-01",           // row 6 duplicate of row 2
            $"{d:yyyy-MM-dd} 08:55,人脸,无名,BJ9999,KQ-01",                   // row 7 unknown employee
            $"昨天 8点,人脸,测试,{employee},KQ-01",                            // row 8 unparseable
            "1970-01-01 08:00:00,人脸,测试," + employee + ",KQ-01",          // row 9 clock reset
            $"{future:yyyy-MM-dd} 08:50,人脸,测试,{employee},KQ-01", // row 10 future
            $"{d:yyyy-MM-dd} 17:30,人脸,测试,,KQ-01",                          // row 11 no employee number
            $"{d:yyyy-MM-dd} 17:31:00,人脸,测试,{employee},KQ-01") + "\r\n"; // row 12 imported
    }

    public static byte[] Utf8Bom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Gb(string text) => Gbk.GetBytes(text);

    public static byte[] Gb18030(string text) => Encoding.GetEncoding("GB18030").GetBytes(text);

    /// <summary>A Western-European (Windows-1252) file: neither UTF-8 nor GBK.</summary>
    public static byte[] Latin1() => Encoding.GetEncoding(1252).GetBytes("Employee,Time\r\nJosé Müller,2026-11-03 08:51\r\nÉlodie Façade,2026-11-03 08:52\r\n");

    public static byte[] Binary()
    {
        var random = new Random(7);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        bytes[10] = 0;
        bytes[0] = 0x7F; // not a zip or xls signature
        return bytes;
    }

    /// <summary>A file cut off inside a quoted field.</summary>
    public static byte[] TruncatedCsv(string employee, DateTime day) =>
        Utf8($"工号,姓名,打卡时间\r\n{employee},\"测试\",{day:yyyy-MM-dd} 08:50\r\n{employee},\"测");

    public static byte[] Rows(int count, string employee, DateTime day)
    {
        var sb = new StringBuilder("工号,打卡时间\n");
        for (var i = 0; i < count; i++) sb.Append(employee).Append(',').Append(day.AddSeconds(i).ToString("yyyy-MM-dd HH:mm:ss")).Append('\n');
        return Utf8(sb.ToString());
    }

    /// <summary>An XLSX export: shared-string text cells and one date cell stored as an Excel serial number.</summary>
    public static byte[] Xlsx(string employee, DateTime day)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, Text("考勤记录导出（示例）")));
            data.Append(Row(2, Text("姓名"), Text("工号"), Text("设备号"), Text("打卡时间")));
            data.Append(Row(3, Text("测试"), Text(employee), Text("KQ-01"), Text($"{day:yyyy-MM-dd} 08:45:10")));
            data.Append(Row(4, Text("测试"), Text(employee), Text("KQ-01"),
                new Cell { CellValue = new CellValue(day.AddHours(17).AddMinutes(20).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture)) }));
            ws.Worksheet = new Worksheet(data);
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "Sheet1" }));
        }
        return stream.ToArray();

        static Cell Text(string s) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(s)) };
        static Row Row(uint index, params Cell[] cells)
        {
            var row = new Row { RowIndex = index };
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i].CellReference = $"{(char)('A' + i)}{index}";
                row.Append(cells[i]);
            }
            return row;
        }
    }
}
