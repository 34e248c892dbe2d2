using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OpsConsole.Exports;

/// <summary>
/// Writes an .xlsx workbook row by row: sheets one after another, a fixed set of <see cref="XlsxStyle"/>s, column
/// widths, frozen panes, merged cells and print setup. Rows are never held in memory, so a large export costs what
/// one row costs; each sheet's XML is written as UTF-8 straight into its zip entry (<see cref="XlsxSheet"/>), the
/// small workbook and styles parts through the OpenXML SDK's elements.
/// </summary>
/// <remarks>
/// The SDK's package API (2.20) needs a readable, seekable stream and keeps every part in memory until it is
/// saved, so the few package files are written here into a zip opened for creation: parts go straight to
/// <paramref name="output"/>, which need not seek. Writes are synchronous: give it a memory, file or buffering
/// stream, not a response body. <see cref="Complete"/> (or Dispose) finishes the workbook and leaves
/// <paramref name="output"/> open.
/// </remarks>
public sealed class XlsxWriter(Stream output) : IDisposable
{
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private const string SheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

    private readonly ZipArchive _zip = new(output, ZipArchiveMode.Create, leaveOpen: true);
    private readonly List<(string Name, int RepeatRows)> _sheets = [];
    private XlsxSheet? _current;
    private bool _completed;

    /// <summary>Starts a new sheet, finishing the one before. Names are at most 31 characters, without []:*?/\.</summary>
    public XlsxSheet AddSheet(string name, XlsxSheetOptions? options = null)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 31 || name.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) >= 0)
            throw new ArgumentException($"Invalid sheet name '{name}'.", nameof(name));
        if (_sheets.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
            throw new ArgumentException($"Duplicate sheet name '{name}'.", nameof(name));
        _current?.Finish();
        if (_sheets.Count == 0) WritePart("xl/styles.xml", XlsxStyles.Stylesheet());
        options ??= new XlsxSheetOptions();
        _sheets.Add((name, options.RepeatRows));
        _current = new XlsxSheet(Open($"xl/worksheets/sheet{_sheets.Count}.xml"), options);
        return _current;
    }

    /// <summary>Finishes the last sheet and the workbook (a workbook without sheets gets an empty one).</summary>
    public void Complete()
    {
        if (_completed) return;
        if (_sheets.Count == 0) AddSheet("Sheet1");
        _current!.Finish();
        _completed = true;

        var sheets = new Sheets(_sheets.Select((s, i) => new Sheet { Name = s.Name, SheetId = (uint)(i + 1), Id = SheetRelationship(i) }));
        var workbook = new Workbook(new BookViews(new WorkbookView()), sheets);
        workbook.AddNamespaceDeclaration("r", Relationships.TrimEnd('/'));
        var titles = _sheets.Select((s, i) => (s, i)).Where(x => x.s.RepeatRows > 0)
            .Select(x => new DefinedName($"'{x.s.Name.Replace("'", "''")}'!$1:${x.s.RepeatRows}") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)x.i })
            .ToList();
        if (titles.Count > 0) workbook.Append(new DefinedNames(titles));
        WritePart("xl/workbook.xml", workbook);

        WriteRelationships("xl/_rels/workbook.xml.rels",
            [.. _sheets.Select((_, i) => (SheetRelationship(i), "worksheet", $"worksheets/sheet{i + 1}.xml")), ("rIdStyles", "styles", "styles.xml")]);
        WriteRelationships("_rels/.rels", [("rId1", "officeDocument", "xl/workbook.xml")]);
        WriteContentTypes();
        _zip.Dispose();
    }

    public void Dispose() => Complete();

    private static string SheetRelationship(int index) => "rIdSheet" + (index + 1);

    private Stream Open(string path) => _zip.CreateEntry(path, CompressionLevel.Fastest).Open();

    private void WritePart(string path, OpenXmlPartRootElement root)
    {
        using var stream = Open(path);
        root.Save(stream);
    }

    private void WriteRelationships(string path, IEnumerable<(string Id, string Type, string Target)> relationships)
    {
        using var xml = XmlWriter.Create(Open(path), new XmlWriterSettings { CloseOutput = true });
        xml.WriteStartDocument(true);
        xml.WriteStartElement("Relationships", "http://schemas.openxmlformats.org/package/2006/relationships");
        foreach (var (id, type, target) in relationships)
        {
            xml.WriteStartElement("Relationship");
            xml.WriteAttributeString("Id", id);
            xml.WriteAttributeString("Type", Relationships + type);
            xml.WriteAttributeString("Target", target);
            xml.WriteEndElement();
        }
        xml.WriteEndDocument();
    }

    private void WriteContentTypes()
    {
        using var xml = XmlWriter.Create(Open("[Content_Types].xml"), new XmlWriterSettings { CloseOutput = true });
        xml.WriteStartDocument(true);
        xml.WriteStartElement("Types", "http://schemas.openxmlformats.org/package/2006/content-types");
        void Default(string extension, string type)
        {
            xml.WriteStartElement("Default");
            xml.WriteAttributeString("Extension", extension);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }
        void Override(string part, string type)
        {
            xml.WriteStartElement("Override");
            xml.WriteAttributeString("PartName", part);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }
        Default("rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default("xml", "application/xml");
        Override("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        Override("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        for (var i = 1; i <= _sheets.Count; i++) Override($"/xl/worksheets/sheet{i}.xml", SheetType);
        xml.WriteEndDocument();
    }
}

/// <summary>How a sheet is laid out and printed.</summary>
public sealed record XlsxSheetOptions
{
    /// <summary>Widths of the first columns, in characters (Excel's unit). Default: none (Excel's default width).</summary>
    public IReadOnlyList<double> ColumnWidths { get; init; } = [];
    /// <summary>Rows kept in view when scrolling down (title and header). Default: 0.</summary>
    public int FrozenRows { get; init; }
    /// <summary>Columns kept in view when scrolling right. Default: 0.</summary>
    public int FrozenColumns { get; init; }
    /// <summary>Rows printed again at the top of every page. Default: 0.</summary>
    public int RepeatRows { get; init; }
    /// <summary>Print on A4 landscape rather than portrait. Default: false.</summary>
    public bool Landscape { get; init; }
    /// <summary>Shrink the print to one page wide (as many pages tall as needed). Default: false.</summary>
    public bool FitToWidth { get; init; }
    /// <summary>Print footer in Excel's header/footer codes (&amp;P page, &amp;N pages). Default: none.</summary>
    public string? Footer { get; init; }
}

/// <summary>One cell: a value (text, number, date or nothing) and its style.</summary>
public readonly record struct XlsxCell(object? Value, XlsxStyle Style = XlsxStyle.Normal)
{
    public static XlsxCell Empty(XlsxStyle style = XlsxStyle.Normal) => new(null, style);

    public static implicit operator XlsxCell(string? text) => new(text);
}

/// <summary>
/// A sheet being written: rows go out in order, straight into the sheet's zip entry as UTF-8 (inline strings, so
/// nothing is held back for a shared string table); merges are kept and written when the sheet is finished.
/// </summary>
public sealed class XlsxSheet
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private readonly Stream _part;
    private readonly XlsxPartWriter _xml;
    private readonly XlsxSheetOptions _options;
    private readonly List<string> _merges = [];
    // The current row's number in UTF-8, appended to each cell's column letters.
    private readonly byte[] _rowDigits = new byte[11];
    private int _rowDigitCount;
    private bool _finished;

    internal XlsxSheet(Stream part, XlsxSheetOptions options)
    {
        _part = part;
        _options = options;
        _xml = new XlsxPartWriter(part);
        _xml.Raw("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?><worksheet xmlns=\""u8);
        _xml.Attribute(MainNamespace);
        _xml.Raw("\">"u8);
        if (options.FitToWidth) _xml.Raw("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"u8);
        WriteSheetView(options.FrozenRows, options.FrozenColumns);
        _xml.Raw("<sheetFormatPr defaultRowHeight=\"15\"/>"u8);
        if (options.ColumnWidths.Count > 0)
        {
            _xml.Raw("<cols>"u8);
            for (var i = 0; i < options.ColumnWidths.Count; i++)
            {
                _xml.Raw("<col min=\""u8);
                _xml.Number(i + 1);
                _xml.Raw("\" max=\""u8);
                _xml.Number(i + 1);
                _xml.Raw("\" width=\""u8);
                _xml.Number(options.ColumnWidths[i]);
                _xml.Raw("\" customWidth=\"1\"/>"u8);
            }
            _xml.Raw("</cols>"u8);
        }
        _xml.Raw("<sheetData>"u8);
    }

    /// <summary>Rows written so far; the next row is RowCount + 1.</summary>
    public int RowCount { get; private set; }

    public void AddRow(params XlsxCell[] cells) => AddRow(cells.AsSpan(), null);

    /// <summary>A row from cells on the stack (a collection expression): nothing allocated for the row itself.</summary>
    public void AddRow(params ReadOnlySpan<XlsxCell> cells) => AddRow(cells, null);

    /// <param name="height">In points. Default: null, Excel's row height.</param>
    public void AddRow(IEnumerable<XlsxCell> cells, double? height = null)
    {
        switch (cells)
        {
            case XlsxCell[] array:
                AddRow(array.AsSpan(), height);
                break;
            case List<XlsxCell> list:
                AddRow(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list), height);
                break;
            default:
                StartRow(height);
                var column = 0;
                foreach (var cell in cells) WriteCell(++column, cell);
                _xml.Raw("</row>"u8);
                break;
        }
    }

    private void AddRow(ReadOnlySpan<XlsxCell> cells, double? height)
    {
        StartRow(height);
        for (var i = 0; i < cells.Length; i++) WriteCell(i + 1, cells[i]);
        _xml.Raw("</row>"u8);
    }

    private void StartRow(double? height)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        var row = ++RowCount;
        row.TryFormat(_rowDigits, out _rowDigitCount, default, System.Globalization.CultureInfo.InvariantCulture);
        _xml.Raw("<row r=\""u8);
        _xml.Raw(_rowDigits.AsSpan(0, _rowDigitCount));
        if (height is { } h)
        {
            _xml.Raw("\" ht=\""u8);
            _xml.Number(h);
            _xml.Raw("\" customHeight=\"1\">"u8);
        }
        else _xml.Raw("\">"u8);
    }

    private void WriteCell(int column, in XlsxCell cell)
    {
        _xml.Raw("<c r=\""u8);
        _xml.Raw(XlsxReference.ColumnUtf8(column));
        _xml.Raw(_rowDigits.AsSpan(0, _rowDigitCount));
        if (cell.Style != XlsxStyle.Plain)
        {
            _xml.Raw("\" s=\""u8);
            _xml.Number((uint)cell.Style);
        }
        switch (cell.Value)
        {
            case null:
                _xml.Raw("\"/>"u8);
                return;
            case string text:
                // xml:space="preserve" only where it matters: spaces at either end, or breaks and tabs.
                var preserve = text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.AsSpan().IndexOfAny('\n', '\r', '\t') >= 0);
                _xml.Raw(preserve ? "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"u8 : "\" t=\"inlineStr\"><is><t>"u8);
                _xml.Text(text);
                _xml.Raw("</t></is></c>"u8);
                return;
        }
        _xml.Raw("\"><v>"u8);
        switch (cell.Value)
        {
            case DateOnly date:
                // The serial number of a day at midnight: whole days since 1899-12-30 (what DateTime.ToOADate gives).
                _xml.Number(date.DayNumber - OaEpoch);
                break;
            case DateTime time:
                _xml.Number(time.ToOADate());
                break;
            case decimal n:
                _xml.Number(n);
                break;
            case int n:
                _xml.Number(n);
                break;
            case long n:
                _xml.Number(n);
                break;
            case double n:
                _xml.Number(n);
                break;
            default:
                throw new ArgumentException($"Cells hold text, numbers or dates, not {cell.Value.GetType().Name}.", nameof(cell));
        }
        _xml.Raw("</v></c>"u8);
    }

    private static readonly int OaEpoch = new DateOnly(1899, 12, 30).DayNumber;

    /// <summary>Merges a block (1-based, inclusive). Give every cell of the block a style so borders and fills cover it.</summary>
    public void Merge(int firstRow, int firstColumn, int lastRow, int lastColumn)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (firstRow < 1 || firstColumn < 1 || lastRow < firstRow || lastColumn < firstColumn || (lastRow == firstRow && lastColumn == firstColumn))
            throw new ArgumentOutOfRangeException(nameof(firstRow), "A merge covers at least two cells.");
        _merges.Add(XlsxReference.Of(firstRow, firstColumn) + ":" + XlsxReference.Of(lastRow, lastColumn));
    }

    internal void Finish()
    {
        if (_finished) return;
        _finished = true;
        _xml.Raw("</sheetData>"u8);
        if (_merges.Count > 0)
        {
            _xml.Raw("<mergeCells count=\""u8);
            _xml.Number(_merges.Count);
            _xml.Raw("\">"u8);
            foreach (var merge in _merges)
            {
                _xml.Raw("<mergeCell ref=\""u8);
                _xml.Attribute(merge);
                _xml.Raw("\"/>"u8);
            }
            _xml.Raw("</mergeCells>"u8);
        }
        if (_options.Landscape || _options.FitToWidth) _xml.Raw("<printOptions horizontalCentered=\"1\"/>"u8);
        _xml.Raw("<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.5\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"u8);
        _xml.Raw(_options.Landscape ? "<pageSetup paperSize=\"9\" orientation=\"landscape\""u8 : "<pageSetup paperSize=\"9\" orientation=\"portrait\""u8);
        _xml.Raw(_options.FitToWidth ? " fitToWidth=\"1\" fitToHeight=\"0\"/>"u8 : "/>"u8);
        if (_options.Footer is { Length: > 0 } footer)
        {
            _xml.Raw("<headerFooter><oddFooter>"u8);
            _xml.Text(footer);
            _xml.Raw("</oddFooter></headerFooter>"u8);
        }
        _xml.Raw("</worksheet>"u8);
        _xml.Dispose();
        _part.Dispose();
    }

    private void WriteSheetView(int rows, int columns)
    {
        _xml.Raw("<sheetViews><sheetView workbookViewId=\"0\""u8);
        if (rows <= 0 && columns <= 0)
        {
            _xml.Raw("/></sheetViews>"u8);
            return;
        }
        var pane = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
        _xml.Raw("><pane"u8);
        if (columns > 0)
        {
            _xml.Raw(" xSplit=\""u8);
            _xml.Number(columns);
            _xml.Raw("\""u8);
        }
        if (rows > 0)
        {
            _xml.Raw(" ySplit=\""u8);
            _xml.Number(rows);
            _xml.Raw("\""u8);
        }
        _xml.Raw(" topLeftCell=\""u8);
        _xml.Attribute(XlsxReference.Of(rows + 1, columns + 1));
        _xml.Raw("\" activePane=\""u8);
        _xml.Attribute(pane);
        _xml.Raw("\" state=\"frozen\"/><selection pane=\""u8);
        _xml.Attribute(pane);
        _xml.Raw("\"/></sheetView></sheetViews>"u8);
    }
}

/// <summary>A1-style cell references.</summary>
public static class XlsxReference
{
    /// <summary>Column 1 is A, 27 is AA.</summary>
    public static string Column(int column)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        var name = "";
        for (var n = column; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    public static string Of(int row, int column) => Column(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // Column letters as ASCII bytes, made once per column (benign race: two threads may both make one).
    private static readonly byte[]?[] ColumnBytes = new byte[]?[1024];

    /// <summary><see cref="Column"/> as ASCII bytes, cached: what the sheet writer puts before each row number.</summary>
    internal static ReadOnlySpan<byte> ColumnUtf8(int column) =>
        column < ColumnBytes.Length
            ? ColumnBytes[column] ??= System.Text.Encoding.ASCII.GetBytes(Column(column))
            : System.Text.Encoding.ASCII.GetBytes(Column(column));
}
