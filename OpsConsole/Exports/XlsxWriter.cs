using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OpsConsole.Exports;

/// <summary>
/// Writes an .xlsx workbook row by row with the OpenXML SDK's streaming writer: sheets one after another,
/// a fixed set of <see cref="XlsxStyle"/>s, column widths, frozen panes, merged cells and print setup.
/// Rows are never held in memory, so a large export costs what one row costs.
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

/// <summary>A sheet being written: rows go out in order; merges are kept and written when the sheet is finished.</summary>
public sealed class XlsxSheet
{
    private readonly Stream _part;
    private readonly OpenXmlWriter _writer;
    private readonly XlsxSheetOptions _options;
    private readonly List<string> _merges = [];
    private bool _finished;

    internal XlsxSheet(Stream part, XlsxSheetOptions options)
    {
        _part = part;
        _options = options;
        _writer = OpenXmlWriter.Create(part);
        _writer.WriteStartDocument(true);
        _writer.WriteStartElement(new Worksheet());
        if (options.FitToWidth) _writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        _writer.WriteElement(new SheetViews(SheetView(options.FrozenRows, options.FrozenColumns)));
        _writer.WriteElement(new SheetFormatProperties { DefaultRowHeight = 15 });
        if (options.ColumnWidths.Count > 0)
        {
            _writer.WriteElement(new Columns(options.ColumnWidths.Select((w, i) =>
                new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })));
        }
        _writer.WriteStartElement(new SheetData());
    }

    /// <summary>Rows written so far; the next row is RowCount + 1.</summary>
    public int RowCount { get; private set; }

    public void AddRow(params XlsxCell[] cells) => AddRow(cells, null);

    /// <param name="height">In points. Default: null, Excel's row height.</param>
    public void AddRow(IEnumerable<XlsxCell> cells, double? height = null)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        var row = ++RowCount;
        var attributes = new List<OpenXmlAttribute> { new("r", "", row.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        if (height is { } h)
        {
            attributes.Add(new OpenXmlAttribute("ht", "", h.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            attributes.Add(new OpenXmlAttribute("customHeight", "", "1"));
        }
        _writer.WriteStartElement(new Row(), attributes);
        var column = 0;
        foreach (var cell in cells)
        {
            column++;
            _writer.WriteElement(Cell(XlsxReference.Of(row, column), cell));
        }
        _writer.WriteEndElement();
    }

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
        _writer.WriteEndElement(); // sheetData
        if (_merges.Count > 0) _writer.WriteElement(new MergeCells(_merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)_merges.Count });
        if (_options.Landscape || _options.FitToWidth) _writer.WriteElement(new PrintOptions { HorizontalCentered = true });
        _writer.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        var setup = new PageSetup { PaperSize = 9, Orientation = _options.Landscape ? OrientationValues.Landscape : OrientationValues.Portrait };
        if (_options.FitToWidth)
        {
            setup.FitToWidth = 1;
            setup.FitToHeight = 0;
        }
        _writer.WriteElement(setup);
        if (_options.Footer is { Length: > 0 } footer) _writer.WriteElement(new HeaderFooter(new OddFooter(footer)));
        _writer.WriteEndElement(); // worksheet
        _writer.Close();
        _part.Dispose();
    }

    private static SheetView SheetView(int rows, int columns)
    {
        var view = new SheetView { WorkbookViewId = 0 };
        if (rows <= 0 && columns <= 0) return view;
        var pane = rows > 0 && columns > 0 ? PaneValues.BottomRight : rows > 0 ? PaneValues.BottomLeft : PaneValues.TopRight;
        var frozen = new Pane { TopLeftCell = XlsxReference.Of(rows + 1, columns + 1), ActivePane = pane, State = PaneStateValues.Frozen };
        if (columns > 0) frozen.HorizontalSplit = columns;
        if (rows > 0) frozen.VerticalSplit = rows;
        view.Append(frozen);
        view.Append(new Selection { Pane = pane });
        return view;
    }

    private static Cell Cell(string reference, XlsxCell cell)
    {
        var result = new Cell { CellReference = reference };
        if (cell.Style != XlsxStyle.Plain) result.StyleIndex = (uint)cell.Style;
        switch (cell.Value)
        {
            case null:
                break;
            case string text:
                result.DataType = CellValues.InlineString;
                result.InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
                break;
            case DateOnly date:
                result.CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate());
                break;
            case DateTime time:
                result.CellValue = new CellValue(time.ToOADate());
                break;
            case decimal n:
                // 33.0m would be stored as "33.0"; the canonical form is what Excel itself writes.
                result.CellValue = new CellValue(n.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture));
                break;
            case int n:
                result.CellValue = new CellValue(n);
                break;
            case long n:
                result.CellValue = new CellValue((decimal)n);
                break;
            case double n:
                result.CellValue = new CellValue(n);
                break;
            default:
                throw new ArgumentException($"Cells hold text, numbers or dates, not {cell.Value.GetType().Name}.", nameof(cell));
        }
        return result;
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
}
