using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace OpsConsole.Tests.Infrastructure;

/// <summary>Opens a generated .xlsx with the OpenXML SDK and reads it back the way Excel would: cells by reference.</summary>
public sealed class WorkbookReader : IDisposable
{
    private readonly SpreadsheetDocument _document;

    public WorkbookReader(byte[] bytes) => _document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);

    public WorkbookPart Workbook => _document.WorkbookPart!;

    public IReadOnlyList<string> SheetNames => Workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    public Worksheet Sheet(string name)
    {
        var sheet = Workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name?.Value == name);
        return ((WorksheetPart)Workbook.GetPartById(sheet.Id!)).Worksheet;
    }

    public static IEnumerable<Row> Rows(Worksheet sheet) => sheet.GetFirstChild<SheetData>()!.Elements<Row>();

    public static Cell? Cell(Worksheet sheet, string reference) =>
        sheet.Descendants<Cell>().FirstOrDefault(c => c.CellReference == reference);

    /// <summary>The text Excel shows for text cells, the raw value for numbers; "" for a missing or empty cell.</summary>
    public string Text(Worksheet sheet, string reference) => Cell(sheet, reference) is { } c ? Text(c) : "";

    public string Text(Cell cell)
    {
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
            return Workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text)).InnerText;
        return cell.CellValue?.Text ?? "";
    }

    public static uint StyleOf(Worksheet sheet, string reference) => Cell(sheet, reference)?.StyleIndex?.Value ?? 0;

    /// <summary>The row whose column A holds <paramref name="key"/>, as reference → text.</summary>
    public Dictionary<string, string> RowStartingWith(Worksheet sheet, string key) =>
        Rows(sheet).Where(r => r.Elements<Cell>().FirstOrDefault() is { } a && Text(a) == key)
            .Select(r => r.Elements<Cell>().ToDictionary(c => Column(c.CellReference!), Text)).Single();

    public static string Column(string reference) => new(reference.TakeWhile(char.IsLetter).ToArray());

    public static IReadOnlyList<string> Merges(Worksheet sheet) =>
        sheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!).ToList();

    /// <summary>Schema errors as the SDK's validator reports them (Excel refuses files with such errors).</summary>
    public IReadOnlyList<string> ValidationErrors() =>
        new OpenXmlValidator(FileFormatVersions.Office2010).Validate(_document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

    public void Dispose() => _document.Dispose();
}
