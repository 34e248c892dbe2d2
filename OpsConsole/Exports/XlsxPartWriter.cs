using System.Buffers;
using System.Globalization;
using System.Text;

namespace OpsConsole.Exports;

/// <summary>
/// Writes one worksheet part's XML as UTF-8 bytes into a pooled buffer that goes to the zip entry in 64 KB blocks: no
/// element objects, no strings per cell (references, numbers and escaped text are encoded straight into the buffer).
/// Only what a worksheet needs: markup written as given, text and attribute values escaped.
/// </summary>
internal sealed class XlsxPartWriter : IDisposable
{
    private const int BufferSize = 64 * 1024;
    // The longest run of text encoded at once: three bytes a char at most (a surrogate pair is four bytes for two chars).
    private const int MaxChunk = BufferSize / 4;

    // What text cannot hold as it is: markup characters, carriage returns (normalized to line feeds, as XmlWriter did)
    // and the control characters XML 1.0 does not allow (written as U+FFFD rather than failing the whole export).
    private static readonly SearchValues<char> Special = SearchValues.Create(
        "&<>\"\r\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    private readonly Stream _output;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _position;

    public XlsxPartWriter(Stream output) => _output = output;

    /// <summary>Markup as it is (ASCII literals such as "&lt;row r=\"").</summary>
    public void Raw(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > _buffer.Length - _position)
        {
            Flush();
            if (utf8.Length > _buffer.Length)
            {
                _output.Write(utf8);
                return;
            }
        }
        utf8.CopyTo(_buffer.AsSpan(_position));
        _position += utf8.Length;
    }

    public void Raw(byte b)
    {
        if (_position == _buffer.Length) Flush();
        _buffer[_position++] = b;
    }

    public void Number(int value) => Format(value, 11);

    public void Number(long value) => Format(value, 20);

    public void Number(uint value) => Format(value, 10);

    /// <summary>Shortest round-trip form, as double.ToString(InvariantCulture) writes it.</summary>
    public void Number(double value) => Format(value, 32);

    /// <summary>The canonical form Excel writes: 33.0m is "33", 2.50m is "2.5".</summary>
    public void Number(decimal value)
    {
        if (decimal.IsInteger(value) && value >= long.MinValue && value <= long.MaxValue)
            Number((long)value);
        else
            Format(value, 64, "0.############################");
    }

    private void Format<T>(T value, int maxBytes, string? format = null) where T : IUtf8SpanFormattable
    {
        if (_buffer.Length - _position < maxBytes) Flush();
        if (!value.TryFormat(_buffer.AsSpan(_position), out var written, format, CultureInfo.InvariantCulture))
            throw new InvalidOperationException("A number did not fit its buffer.");
        _position += written;
    }

    /// <summary>Element content: &amp; &lt; &gt; escaped, carriage returns as line feeds.</summary>
    public void Text(ReadOnlySpan<char> text) => Escaped(text, attribute: false);

    /// <summary>An attribute value inside double quotes: &amp; &lt; &gt; &quot; escaped, line breaks kept as character references.</summary>
    public void Attribute(ReadOnlySpan<char> text) => Escaped(text, attribute: true);

    private void Escaped(ReadOnlySpan<char> text, bool attribute)
    {
        while (!text.IsEmpty)
        {
            var plain = text.IndexOfAny(Special);
            if (attribute && plain != 0)
            {
                // Attributes also keep tabs and line feeds as references (a parser would turn them into spaces).
                var breaks = text.IndexOfAny('\t', '\n');
                if (breaks >= 0 && (plain < 0 || breaks < plain)) plain = breaks;
            }
            var run = plain < 0 ? text : text[..plain];
            Encode(run);
            if (plain < 0) return;
            var c = text[plain];
            var skip = 1;
            switch (c)
            {
                case '&': Raw("&amp;"u8); break;
                case '<': Raw("&lt;"u8); break;
                case '>': Raw("&gt;"u8); break;
                case '"': if (attribute) Raw("&quot;"u8); else Raw((byte)'"'); break;
                case '\t': Raw("&#x9;"u8); break;
                case '\n': Raw("&#xA;"u8); break;
                case '\r':
                    // \r\n and a lone \r both become one line feed (what XmlWriter's newline handling wrote).
                    if (plain + 1 < text.Length && text[plain + 1] == '\n') skip = 2;
                    if (attribute) Raw("&#xA;"u8); else Raw((byte)'\n');
                    break;
                default: Raw("\uFFFD"u8); break;
            }
            text = text[(plain + skip)..];
        }
    }

    private void Encode(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var length = Math.Min(text.Length, MaxChunk);
            // Never split a surrogate pair between two chunks.
            if (length < text.Length && char.IsHighSurrogate(text[length - 1])) length--;
            var chunk = text[..length];
            if (_buffer.Length - _position < length * 3) Flush();
            _position += Encoding.UTF8.GetBytes(chunk, _buffer.AsSpan(_position));
            text = text[length..];
        }
    }

    /// <summary>Sends what is buffered to the part's stream.</summary>
    public void Flush()
    {
        if (_position == 0) return;
        _output.Write(_buffer, 0, _position);
        _position = 0;
    }

    public void Dispose()
    {
        if (_buffer.Length == 0) return;
        Flush();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
