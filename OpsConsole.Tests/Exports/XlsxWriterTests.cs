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

    [Fact]
    public void TextAndNumbersReadBackAsWritten()
    {
        var longText = string.Concat(Enumerable.Repeat("办件说明😀<&>", 3000)); // past the writer's 16K-character chunks, pairs intact
        using var book = new WorkbookReader(Write(xlsx =>
        {
            var sheet = xlsx.AddSheet("值");
            sheet.AddRow("第一行\r\n第二行\r第三行", "tab\there", "bell\u0007", longText, "\"quoted\" 'single'");
            sheet.AddRow(new XlsxCell(33.0m, XlsxStyle.Decimal), new XlsxCell(2.50m, XlsxStyle.Decimal), new XlsxCell(-0.125m, XlsxStyle.Decimal),
                new XlsxCell(1234567890123L, XlsxStyle.Integer), new XlsxCell(0.1 + 0.2, XlsxStyle.Decimal),
                new XlsxCell(new DateTime(2026, 11, 3, 9, 12, 0), XlsxStyle.Date), new XlsxCell(-7, XlsxStyle.Integer), new XlsxCell(79228162514264337593543950335m, XlsxStyle.Decimal));
        }));

        Assert.Empty(book.ValidationErrors());
        var sheet = book.Sheet("值");
        Assert.Equal("第一行\n第二行\n第三行", book.Text(sheet, "A1")); // CR and CRLF as line feeds, as XmlWriter wrote them
        Assert.Equal("tab\there", book.Text(sheet, "B1"));
        Assert.Equal("bell\uFFFD", book.Text(sheet, "C1")); // a character XML forbids does not fail the export
        Assert.Equal(longText, book.Text(sheet, "D1"));
        Assert.Equal("\"quoted\" 'single'", book.Text(sheet, "E1"));
        Assert.Equal(["33", "2.5", "-0.125", "1234567890123", (0.1 + 0.2).ToString(System.Globalization.CultureInfo.InvariantCulture),
                new DateTime(2026, 11, 3, 9, 12, 0).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture), "-7", "79228162514264337593543950335"],
            new[] { "A2", "B2", "C2", "D2", "E2", "F2", "G2", "H2" }.Select(r => book.Text(sheet, r)));
        Assert.Equal((uint)XlsxStyle.Integer, WorkbookReader.StyleOf(sheet, "D2"));
    }

    [Fact]
    public void ManyRowsCrossTheBufferAndKeepTheirReferences()
    {
        using var book = new WorkbookReader(Write(xlsx =>
        {
            var sheet = xlsx.AddSheet("明细");
            for (var i = 1; i <= 5000; i++)
                sheet.AddRow([new(i, XlsxStyle.Integer), new("第" + i + "行", XlsxStyle.Normal), XlsxCell.Empty(XlsxStyle.Centered), new(i / 4m, XlsxStyle.Decimal),
                    .. Enumerable.Range(0, 26).Select(c => new XlsxCell(c, XlsxStyle.Plain))]);
        }));

        Assert.Empty(book.ValidationErrors());
        var sheet = book.Sheet("明细");
        var rows = WorkbookReader.Rows(sheet).ToList();
        Assert.Equal(5000, rows.Count);
        Assert.Equal("5000", rows[^1].RowIndex!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("第4999行", book.Text(sheet, "B4999"));
        Assert.Equal("1249.75", book.Text(sheet, "D4999"));
        Assert.Equal("25", book.Text(sheet, "AD5000")); // the 30th column
        Assert.Equal((uint)XlsxStyle.Centered, WorkbookReader.StyleOf(sheet, "C17"));
        Assert.Equal(0u, WorkbookReader.StyleOf(sheet, "E17"));
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
