using System.Text;

namespace OpsConsole.Features.Attendance.Import;

/// <summary>RFC 4180 splitting: quoted fields may hold delimiters, doubled quotes and line breaks.</summary>
internal static class CsvRecords
{
    /// <returns>False when the text ends inside a quoted field (a truncated file); <paramref name="truncatedAt"/> is that line.</returns>
    public static bool Split(string text, char delimiter, List<(int Line, string[] Fields, string Raw)> records, out int truncatedAt)
    {
        truncatedAt = 0;
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var recordStart = 0;
        var inQuotes = false;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        recordStart = i;
        for (; i < text.Length; i++)
        {
            var ch = text[i];
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else inQuotes = false;
                }
                else
                {
                    if (ch == '\n') line++;
                    field.Append(ch);
                }
                continue;
            }
            if (ch == '"' && field.Length == 0) inQuotes = true;
            else if (ch == delimiter) { fields.Add(field.ToString()); field.Clear(); }
            else if (ch == '\n' || ch == '\r')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add((recordLine, fields.ToArray(), text[recordStart..i]));
                fields.Clear();
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                line++;
                recordLine = line;
                recordStart = i + 1;
            }
            else field.Append(ch);
        }
        if (inQuotes)
        {
            truncatedAt = recordLine;
            return false;
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields.ToArray(), text[recordStart..]));
        }
        return true;
    }
}
