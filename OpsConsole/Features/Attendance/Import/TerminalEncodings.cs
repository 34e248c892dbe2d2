using System.Text;

namespace OpsConsole.Features.Attendance.Import;

/// <summary>The encodings face clock terminals write: UTF-8, or GBK/GB18030 on older firmware and in Excel's CSV.</summary>
public static class TerminalEncodings
{
    static TerminalEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(false, throwOnInvalidBytes: true);

    public static Encoding StrictGb18030 => Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    /// <summary>
    /// Bytes that are not valid UTF-8, made readable: as GB18030 when they are valid GB18030 (a GBK terminal),
    /// else as UTF-8 with U+FFFD for each bad sequence.
    /// </summary>
    public static string DecodeLenient(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictGb18030.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.UTF8.GetString(bytes);
        }
    }
}
