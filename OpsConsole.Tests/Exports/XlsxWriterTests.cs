using DocumentFormat.OpenXml.Spreadsheet;
using OpsConsole.Exports;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Exports;

/// <summary>The streaming writer produces a valid workbook with its styles, merges, frozen panes and print setup.</summary>
public sealed class XlsxWriterTests
{
    private static byte[] Write(Action<XlsxWriter> build, Func<Stream, Stream>? wrap = null)
    {
        var memory = new MemoryStream();
        using (var xlsx = new XlsxWriter(wrap?.Invoke(memory) ?? memory)) build(xlsx);
        return memory.ToArray();
    }

    private static byte[] TwoSheets(Func<Stream, Stream>? wrap = null) => Write(xlsx =>
    {
        var first = xlsx.AddSheet("名单", new XlsxSheetOptions
        {
            ColumnWidths = [10, 20, 8],
            FrozenRows = 2,
            FrozenColumns = 1,
            RepeatRows = 2,
            Landscape = true,
            FitToWidth = true,
            Footer = "&C&P / &N",
        });
        first.AddRow([new XlsxCell("标题", XlsxStyle.Title), XlsxCell.Empty(XlsxStyle.Title), XlsxCell.Empty(XlsxStyle.Title)], 30);
        first.Merge(1, 1, 1, 3);
        first.AddRow(new XlsxCell("工号", XlsxStyle.Header), new XlsxCell("日期", XlsxStyle.Header), new XlsxCell("分", XlsxStyle.Header));
        first.AddRow(new XlsxCell("A01", XlsxStyle.Centered), new XlsxCell(new DateOnly(2026, 10, 9), XlsxStyle.Date), new XlsxCell(2.5m, XlsxStyle.Decimal));
        first.AddRow(new XlsxCell("A02 <&> \"x\"", XlsxStyle.Warning), XlsxCell.Empty(XlsxStyle.Shaded), new XlsxCell(3, XlsxStyle.Integer));
        var second = xlsx.AddSheet("说明");
        second.AddRow("  前后空格  ");
    }, wrap);

    [Fact]
    public void TheWorkbookIsValidAndKeepsItsSheetsInOrder()
    {
        using var book = new WorkbookReader(TwoSheets());

        Assert.Empty(book.ValidationErrors());
        Assert.Equal(["名单", "说明"], book.SheetNames);
        var sheet = book.Sheet("名单");
        Assert.Equal("标题", book.Text(sheet, "A1"));
        Assert.Equal("A02 <&> \"x\"", book.Text(sheet, "A4"));
        Assert.Equal(new DateTime(2026, 10, 9).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture), book.Text(sheet, "B3"));
        Assert.Equal("2.5", book.Text(sheet, "C3"));
        Assert.Equal("3", book.Text(sheet, "C4"));
        Assert.Equal("  前后空格  ", book.Text(book.Sheet("说明"), "A1"));
    }

    [Fact]
    public void CellsCarryTheNamedStylesWithTheirFormatsAndFills()
    {
        using var book = new WorkbookReader(TwoSheets());
        var sheet = book.Sheet("名单");
        var formats = book.Workbook.WorkbookStylesPart!.Stylesheet;
        var xfs = formats.CellFormats!.Elements<CellFormat>().ToList();
        Assert.Equal(Enum.GetValues<XlsxStyle>().Length, xfs.Count);

        Assert.Equal((uint)XlsxStyle.Header, WorkbookReader.StyleOf(sheet, "A2"));
        Assert.Equal((uint)XlsxStyle.Date, WorkbookReader.StyleOf(sheet, "B3"));
        Assert.Equal((uint)XlsxStyle.Warning, WorkbookReader.StyleOf(sheet, "A4"));
        string FormatCode(XlsxStyle style) => formats.NumberingFormats!.Elements<NumberingFormat>()
            .Single(f => f.NumberFormatId!.Value == xfs[(int)style].NumberFormatId!.Value).FormatCode!.Value!;
        Assert.Equal("yyyy-mm-dd", FormatCode(XlsxStyle.Date));
        Assert.Equal("General", FormatCode(XlsxStyle.Decimal));
        Assert.Equal(1u, xfs[(int)XlsxStyle.Integer].NumberFormatId!.Value); // built-in "0"
        string FillOf(XlsxStyle style) => formats.Fills!.Elements<Fill>().ElementAt((int)xfs[(int)style].FillId!.Value)
            .PatternFill!.ForegroundColor?.Rgb?.Value ?? "none";
        Assert.Equal("FFFFC7CE", FillOf(XlsxStyle.Warning));
        Assert.NotEqual("none", FillOf(XlsxStyle.Shaded));
        Assert.Equal("none", FillOf(XlsxStyle.Normal));
        Assert.True(formats.Fonts!.Elements<Font>().ElementAt((int)xfs[(int)XlsxStyle.Title].FontId!.Value).Bold is not null);
    }

    [Fact]
    public void MergesFrozenPaneWidthsAndPrintSetupAreWritten()
    {
        using var book = new WorkbookReader(TwoSheets());
        var sheet = book.Sheet("名单");

        Assert.Equal(["A1:C1"], WorkbookReader.Merges(sheet));
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(2d, pane.VerticalSplit!.Value);
        Assert.Equal(1d, pane.HorizontalSplit!.Value);
        Assert.Equal("B3", pane.TopLeftCell!.Value);
        Assert.Equal([10d, 20d, 8d], sheet.Descendants<Column>().Select(c => c.Width!.Value));
        var setup = sheet.Descendants<PageSetup>().Single();
        Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
        Assert.Equal(1u, setup.FitToWidth!.Value);
        Assert.Equal(0u, setup.FitToHeight!.Value);
        Assert.True(sheet.Descendants<PageSetupProperties>().Single().FitToPage!.Value);
        Assert.Equal(30d, WorkbookReader.Rows(sheet).First().Height!.Value);
        var titles = book.Workbook.Workbook.DefinedNames!.Elements<DefinedName>().Single();
        Assert.Equal(("_xlnm.Print_Titles", 0u, "'名单'!$1:$2"), (titles.Name!.Value!, titles.LocalSheetId!.Value, titles.Text));
        Assert.Empty(book.Sheet("说明").Descendants<Pane>());
    }

    [Fact]
    public void AStreamThatCannotSeekIsEnough()
    {
        var bytes = TwoSheets(memory => new ForwardOnlyStream(memory));

        using var book = new WorkbookReader(bytes);
        Assert.Empty(book.ValidationErrors());
        Assert.Equal("A01", book.Text(book.Sheet("名单"), "A3"));
    }

    [Fact]
    public void AWorkbookWithoutRowsStillOpens()
    {
        using var book = new WorkbookReader(Write(_ => { }));
        Assert.Equal(["Sheet1"], book.SheetNames);
        Assert.Empty(book.ValidationErrors());
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("三十二个字符的名字三十二个字符的名字三十二个字符的名字三十二个字")]
    public void SheetNamesExcelRefusesAreRefused(string name)
    {
        using var xlsx = new XlsxWriter(new MemoryStream());
        Assert.Throws<ArgumentException>(() => xlsx.AddSheet(name));
    }

    [Fact]
    public void ThirtyOneCharactersAreEnough()
    {
        using var book = new WorkbookReader(Write(xlsx => xlsx.AddSheet(new string('名', 31))));
        Assert.Equal([new string('名', 31)], book.SheetNames);
    }

    [Theory]
    [InlineData(1, "A")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(41, "AO")]
    [InlineData(703, "AAA")]
    public void ColumnsAreNamedLikeExcel(int column, string name) => Assert.Equal(name, XlsxReference.Column(column));

    /// <summary>Like a response body or FileBufferingWriteStream: writes only, no Position, no Seek.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
