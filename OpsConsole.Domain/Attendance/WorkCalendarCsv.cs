using System.Globalization;

namespace OpsConsole.Domain.Attendance;

public enum CalendarCsvProblem { WrongFieldCount, BadDate, BadKind, NameTooLong, DuplicateDate }

/// <summary>A line the parser could not use; the line number is 1-based, as editors show it.</summary>
public sealed record CalendarCsvError(int LineNumber, string Line, CalendarCsvProblem Problem)
{
    public string Message => Problem switch
    {
        CalendarCsvProblem.WrongFieldCount => $"第{LineNumber}行：应为“日期,类型,名称”三列",
        CalendarCsvProblem.BadDate => $"第{LineNumber}行：日期无法识别（应为 2026-10-01）",
        CalendarCsvProblem.BadKind => $"第{LineNumber}行：类型应为 holiday（休）或 workday（班）",
        CalendarCsvProblem.NameTooLong => $"第{LineNumber}行：名称超过{CalendarEntry.NameMaxLength}个字符",
        _ => $"第{LineNumber}行：日期与前面的行重复",
    };
}

public sealed record CalendarCsvResult(IReadOnlyList<CalendarEntry> Entries, IReadOnlyList<CalendarCsvError> Errors)
{
    public bool HasErrors => Errors.Count > 0;
}

/// <summary>
/// Reads calendar entries from text such as "2026-10-01,holiday,国庆节" / "2026-10-11,workday,国庆调休".
/// Blank lines, lines starting with '#' and a header line (date/日期) are skipped; the name may be
/// omitted; a bad line is reported with its number and the rest are still read.
/// </summary>
public static class WorkCalendarCsv
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy/MM/dd", "yyyyMMdd"];

    private static readonly Dictionary<string, CalendarEntryKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["holiday"] = CalendarEntryKind.Holiday, ["休"] = CalendarEntryKind.Holiday,
        ["假"] = CalendarEntryKind.Holiday, ["节假日"] = CalendarEntryKind.Holiday,
        ["workday"] = CalendarEntryKind.Workday, ["班"] = CalendarEntryKind.Workday,
        ["上班"] = CalendarEntryKind.Workday, ["调休上班"] = CalendarEntryKind.Workday,
    };

    public static CalendarCsvResult Parse(string text)
    {
        var entries = new List<CalendarEntry>();
        var errors = new List<CalendarCsvError>();
        var seen = new HashSet<DateOnly>();
        var lines = text.TrimStart('\uFEFF').Split('\n');
        var sawData = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i].TrimEnd('\r');
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split(',', '，').Select(f => f.Trim().Trim('"').Trim()).ToArray();
            if (!sawData && (fields[0] is "日期" || fields[0].Equals("date", StringComparison.OrdinalIgnoreCase)))
            {
                sawData = true;
                continue;
            }
            sawData = true;
            var problem = Read(fields, out var entry);
            if (problem is null && !seen.Add(entry!.Date)) problem = CalendarCsvProblem.DuplicateDate;
            if (problem is { } p) errors.Add(new CalendarCsvError(i + 1, raw, p));
            else entries.Add(entry!);
        }
        return new CalendarCsvResult(entries, errors);
    }

    private static CalendarCsvProblem? Read(string[] fields, out CalendarEntry? entry)
    {
        entry = null;
        if (fields.Length is < 2 or > 3) return CalendarCsvProblem.WrongFieldCount;
        if (!DateOnly.TryParseExact(fields[0], DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return CalendarCsvProblem.BadDate;
        if (!Kinds.TryGetValue(fields[1], out var kind)) return CalendarCsvProblem.BadKind;
        var name = fields.Length == 3 ? fields[2] : "";
        if (name.Length > CalendarEntry.NameMaxLength) return CalendarCsvProblem.NameTooLong;
        entry = new CalendarEntry(date, kind, name);
        return null;
    }
}
