using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OpsConsole.Domain.Attendance;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Attendance.Import;

/// <summary>One data row of a terminal export, read but not yet judged.</summary>
public sealed record ExportRow(int RowNumber, RawPunchFields Fields, DateTime? Time, PunchMethod Method, string? Refusal);

/// <summary>A readable export: its rows, or the one problem that makes the whole file unusable.</summary>
public sealed record ExportReadResult(PunchFileFormat Format, string Encoding, IReadOnlyList<ExportRow> Rows, OpResult? Problem)
{
    public bool Ok => Problem is null;

    public static ExportReadResult Fail(string message, params object[] args) => new(PunchFileFormat.Csv, "", [], OpResult.Fail(message, args));
}

/// <summary>
/// Reads the CSV and XLSX exports of face clock terminals: UTF-8 with or without BOM, UTF-16 with BOM, GBK/GB18030;
/// Chinese headers in any order; a specific message for every reason a file cannot be read at all.
/// </summary>
public static class TerminalExportReader
{
    public const int MaxRows = 100_000;
    public const int MaxMegabytes = 30;

    private static Encoding StrictUtf8 => TerminalEncodings.StrictUtf8;

    private static Encoding StrictGb18030 => TerminalEncodings.StrictGb18030;

    public static ExportReadResult Read(string fileName, byte[] bytes, TimeSpan centerOffset)
    {
        if (bytes.Length == 0) return ExportReadResult.Fail("文件是空的（0 字节），请重新从考勤机导出。");
        if (bytes.Length > MaxMegabytes * 1024L * 1024) return ExportReadResult.Fail("文件超过 {0} MB，请按月份拆分后再导入。", MaxMegabytes);
        if (StartsWith(bytes, 0x50, 0x4B, 0x03, 0x04) || StartsWith(bytes, 0x50, 0x4B, 0x05, 0x06))
            return ReadXlsx(bytes, centerOffset);
        if (StartsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0))
            return ExportReadResult.Fail("不支持旧版 Excel 97-2003（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入。");
        if (fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            return ExportReadResult.Fail("文件扩展名是 .xlsx，但内容不是 Excel 表格：文件可能已损坏或被截断，请重新导出。");

        var (text, encoding) = Decode(bytes);
        if (text is null) return ExportReadResult.Fail(encoding);
        return ReadCsv(text, encoding, centerOffset);
    }

    /// <summary>Returns the text and the encoding's name, or null and the message key of the problem.</summary>
    private static (string? Text, string EncodingOrProblem) Decode(byte[] bytes)
    {
        if (StartsWith(bytes, 0xEF, 0xBB, 0xBF)) return TryDecode(StrictUtf8, bytes, 3, "UTF-8 (BOM)");
        if (StartsWith(bytes, 0xFF, 0xFE)) return (Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2), "UTF-16");
        if (StartsWith(bytes, 0xFE, 0xFF)) return (Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2), "UTF-16BE");
        var probe = bytes.AsSpan(0, Math.Min(bytes.Length, 8192));
        if (probe.Contains((byte)0) || probe.ToArray().Count(b => b < 0x09 || b is > 0x0D and < 0x20 and not 0x1A) > probe.Length / 100 + 1)
            return (null, "文件不是文本或 Excel 表格（看起来是二进制文件），请选择考勤机导出的 CSV 或 XLSX 文件。");
        var utf8 = TryDecode(StrictUtf8, bytes, 0, "UTF-8");
        if (utf8.Text is not null) return utf8;
        var gb = TryDecode(StrictGb18030, bytes, 0, "GB18030/GBK");
        if (gb.Text is not null) return gb;
        return (null, "无法识别文件编码（不是 UTF-8、GBK 或 GB18030），请在导出时选择 UTF-8 或 GBK 编码。");
    }

    private static (string? Text, string EncodingOrProblem) TryDecode(Encoding encoding, byte[] bytes, int offset, string name)
    {
        try
        {
            return (encoding.GetString(bytes, offset, bytes.Length - offset), name);
        }
        catch (DecoderFallbackException)
        {
            return (null, "无法识别文件编码（不是 UTF-8、GBK 或 GB18030），请在导出时选择 UTF-8 或 GBK 编码。");
        }
    }

    private static ExportReadResult ReadCsv(string text, string encoding, TimeSpan offset)
    {
        var firstLine = text.AsSpan(0, Math.Max(0, text.IndexOf('\n') is var i and >= 0 ? i : text.Length));
        var delimiter = firstLine.Count('\t') > firstLine.Count(',') ? '\t' : firstLine.Count(';') > firstLine.Count(',') ? ';' : ',';
        var records = new List<(int Line, string[] Fields, string Raw)>();
        if (!CsvRecords.Split(text, delimiter, records, out var truncatedAt))
            return ExportReadResult.Fail("文件在第 {0} 行被截断（引号未闭合），请重新导出完整的文件。", truncatedAt);
        return Map(records, PunchFileFormat.Csv, encoding, offset);
    }

    private static ExportReadResult ReadXlsx(byte[] bytes, TimeSpan offset)
    {
        var records = new List<(int Line, string[] Fields, string Raw)>();
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var doc = SpreadsheetDocument.Open(stream, false);
            var workbook = doc.WorkbookPart ?? throw new InvalidDataException("no workbook");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("no sheet");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            using var reader = DocumentFormat.OpenXml.OpenXmlReader.Create(part);
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
                var row = (Row)reader.LoadCurrentElement()!;
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var index = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < index) cells.Add("");
                    cells.Add(CellText(cell, shared));
                }
                var line = (int)(row.RowIndex?.Value ?? (uint)records.Count + 1);
                records.Add((line, cells.ToArray(), string.Join(",", cells)));
                if (records.Count > MaxRows + 20) break;
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException
                                   or System.Xml.XmlException or InvalidOperationException or ArgumentException)
        {
            return ExportReadResult.Fail("Excel 文件不完整或已损坏（可能下载或拷贝中断），请重新导出。");
        }
        return Map(records, PunchFileFormat.Xlsx, "XLSX", offset);
    }

    private static string CellText(Cell cell, string[] shared)
    {
        var value = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(value, out var i) && i >= 0 && i < shared.Length) return shared[i];
        return value;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var n = 0;
        foreach (var ch in reference)
        {
            if (ch is < 'A' or > 'Z') break;
            n = n * 26 + (ch - 'A' + 1);
        }
        return n == 0 ? null : n - 1;
    }

    private static ExportReadResult Map(List<(int Line, string[] Fields, string Raw)> records, PunchFileFormat format, string encoding, TimeSpan offset)
    {
        records.RemoveAll(r => r.Fields.All(f => f.Trim().Length == 0));
        if (records.Count == 0) return ExportReadResult.Fail("文件里没有任何内容（只有空行），请重新从考勤机导出。");

        // The header is the first of the top rows that names at least two known columns (titles may precede it).
        var headerAt = -1;
        Dictionary<ExportColumn, int> columns = [];
        for (var r = 0; r < Math.Min(10, records.Count) && headerAt < 0; r++)
        {
            var found = new Dictionary<ExportColumn, int>();
            for (var c = 0; c < records[r].Fields.Length; c++)
                if (TerminalExportHeaders.TryGet(records[r].Fields[c], out var col)) found.TryAdd(col, c);
            if (found.Count >= 2) { headerAt = r; columns = found; }
        }
        if (headerAt < 0)
            return new(format, encoding, [], OpResult.Fail("找不到表头：文件应有“工号”和“打卡时间”等列名（第一行为：{0}）。",
                string.Join("、", records[0].Fields.Take(8).Select(f => f.Trim()))));
        var missing = new List<string>();
        if (!columns.ContainsKey(ExportColumn.EmployeeNo)) missing.Add("工号");
        if (!columns.ContainsKey(ExportColumn.DateTime) && !(columns.ContainsKey(ExportColumn.Date) && columns.ContainsKey(ExportColumn.Time))) missing.Add("打卡时间");
        if (missing.Count > 0)
            return new(format, encoding, [], OpResult.Fail("缺少必需的列：{0}。表头中识别到：{1}。", string.Join("、", missing),
                string.Join("、", records[headerAt].Fields.Select(f => f.Trim()).Where(f => f.Length > 0))));

        var dataCount = records.Count - headerAt - 1;
        if (dataCount == 0) return new(format, encoding, [], OpResult.Fail("文件只有表头，没有打卡记录。"));
        if (dataCount > MaxRows)
            return new(format, encoding, [], OpResult.Fail("文件有超过 {0} 行打卡记录，超过单次导入上限，请按月份或部门拆分后再导入。", MaxRows));

        var needed = columns.Values.Max() + 1;
        var rows = new List<ExportRow>(dataCount);
        for (var r = headerAt + 1; r < records.Count; r++)
        {
            var (line, f, raw) = records[r];
            string Get(ExportColumn c) => columns.TryGetValue(c, out var i) && i < f.Length ? f[i].Trim() : "";
            var timeText = columns.ContainsKey(ExportColumn.DateTime) ? Get(ExportColumn.DateTime) : (Get(ExportColumn.Date) + " " + Get(ExportColumn.Time)).Trim();
            var time = PunchTimeText.Parse(timeText, offset) ?? FromExcelSerial(timeText);
            var fields = new RawPunchFields(Get(ExportColumn.EmployeeNo), timeText, Get(ExportColumn.Terminal),
                Get(ExportColumn.EventId) is { Length: > 0 } e ? e : null, Get(ExportColumn.Name), Get(ExportColumn.Method), raw);
            // A short last line is what a cut-off download looks like.
            var refusal = f.Length < needed && time is null ? "本行列数不足（文件可能被截断）" : null;
            rows.Add(new ExportRow(line, fields, time, PunchMethodText.Parse(fields.MethodText), refusal));
        }
        return new(format, encoding, rows, null);
    }

    /// <summary>XLSX date cells hold day numbers since 1899-12-30 (45964.3688 = 2025-11-03 08:51).</summary>
    private static DateTime? FromExcelSerial(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000
            ? DateTime.FromOADate(serial).AddMilliseconds(500) is var t ? new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second) : null
            : null;

    private static bool StartsWith(byte[] bytes, params byte[] prefix) => bytes.Length >= prefix.Length && bytes.AsSpan(0, prefix.Length).SequenceEqual(prefix);
}
