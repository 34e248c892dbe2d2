using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OpsConsole.Exports;

/// <summary>The named cell styles of every export. The value is the style's index in the workbook's stylesheet.</summary>
public enum XlsxStyle : uint
{
    /// <summary>No border: free text around tables.</summary>
    Plain = 0,
    /// <summary>Large bold, centered: the title row (merge it across the table).</summary>
    Title,
    /// <summary>Small grey text: the line under the title.</summary>
    Note,
    /// <summary>Bold on a light fill, centered, wrapped, bordered.</summary>
    Header,
    /// <summary>A header on the shaded fill (days off).</summary>
    HeaderShaded,
    /// <summary>Bordered text, left-aligned.</summary>
    Normal,
    /// <summary>Bordered text, centered.</summary>
    Centered,
    /// <summary>Centered on the shaded fill (days off).</summary>
    Shaded,
    /// <summary>Centered on a light red fill with dark red text: an exception to look at.</summary>
    Warning,
    /// <summary>A whole number, format 0.</summary>
    Integer,
    /// <summary>A number shown as written: 10, 0.5, 1.25 (format General, no trailing zeros or point).</summary>
    Decimal,
    /// <summary>A date, format yyyy-mm-dd.</summary>
    Date,
}

internal static class XlsxStyles
{
    private const uint DecimalFormat = 164;
    private const uint DateFormat = 165;

    // Font, fill and border indexes below refer to the lists built in Stylesheet().
    private const uint Regular = 0, Bold = 1, Large = 2, Small = 3, Alert = 4;
    private const uint NoFill = 0, HeaderFill = 2, ShadedFill = 3, WarningFill = 4;
    private const uint NoBorder = 0, Thin = 1;

    public static Stylesheet Stylesheet()
    {
        var formats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = DecimalFormat, FormatCode = "General" },
            new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "yyyy-mm-dd" }) { Count = 2 };
        var fonts = new Fonts(
            NewFont(11, bold: false, color: null),
            NewFont(11, bold: true, color: null),
            NewFont(16, bold: true, color: null),
            NewFont(10, bold: false, color: "FF595959"),
            NewFont(11, bold: false, color: "FF9C0006")) { Count = 5 };
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFDDE4EE"),
            Solid("FFE7E6E6"),
            Solid("FFFFC7CE")) { Count = 5 };
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin },
                new RightBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin },
                new TopBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin },
                new BottomBorder(new Color { Rgb = "FF808080" }) { Style = BorderStyleValues.Thin },
                new DiagonalBorder())) { Count = 2 };

        // In XlsxStyle order: the enum value is the index.
        var xfs = new CellFormats(
            Xf(Regular, NoFill, NoBorder, 0, null),
            Xf(Large, NoFill, NoBorder, 0, HorizontalAlignmentValues.Center),
            Xf(Small, NoFill, NoBorder, 0, HorizontalAlignmentValues.Left),
            Xf(Bold, HeaderFill, Thin, 0, HorizontalAlignmentValues.Center, wrap: true),
            Xf(Bold, ShadedFill, Thin, 0, HorizontalAlignmentValues.Center, wrap: true),
            Xf(Regular, NoFill, Thin, 0, HorizontalAlignmentValues.Left),
            Xf(Regular, NoFill, Thin, 0, HorizontalAlignmentValues.Center),
            Xf(Regular, ShadedFill, Thin, 0, HorizontalAlignmentValues.Center),
            Xf(Alert, WarningFill, Thin, 0, HorizontalAlignmentValues.Center),
            Xf(Regular, NoFill, Thin, 1, HorizontalAlignmentValues.Center),
            Xf(Regular, NoFill, Thin, DecimalFormat, HorizontalAlignmentValues.Right),
            Xf(Regular, NoFill, Thin, DateFormat, HorizontalAlignmentValues.Center));
        xfs.Count = (uint)xfs.ChildElements.Count;

        return new Stylesheet(
            formats,
            fonts,
            fills,
            borders,
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            xfs,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    // 宋体 is on every Chinese Windows and in WPS; Excel falls back cleanly elsewhere.
    private static Font NewFont(double size, bool bold, string? color)
    {
        var font = new Font();
        if (bold) font.Append(new Bold());
        font.Append(new FontSize { Val = size });
        if (color is not null) font.Append(new Color { Rgb = color });
        font.Append(new FontName { Val = "宋体" });
        font.Append(new FontCharSet { Val = 134 });
        return font;
    }

    private static Fill Solid(string rgb) =>
        new(new PatternFill(new ForegroundColor { Rgb = rgb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

    private static CellFormat Xf(uint font, uint fill, uint border, uint numberFormat, HorizontalAlignmentValues? horizontal, bool wrap = false)
    {
        var xf = new CellFormat
        {
            FontId = font,
            FillId = fill,
            BorderId = border,
            NumberFormatId = numberFormat,
            FormatId = 0,
            ApplyFont = font != Regular,
            ApplyFill = fill != NoFill,
            ApplyBorder = border != NoBorder,
            ApplyNumberFormat = numberFormat != 0,
        };
        if (horizontal is not null || wrap)
        {
            var alignment = new Alignment { Vertical = VerticalAlignmentValues.Center };
            if (horizontal is { } h) alignment.Horizontal = h;
            if (wrap) alignment.WrapText = true;
            xf.Append(alignment);
            xf.ApplyAlignment = true;
        }
        return xf;
    }
}
