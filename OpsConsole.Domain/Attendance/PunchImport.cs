namespace OpsConsole.Domain.Attendance;

public enum PunchFileFormat { Csv, Xlsx }

/// <summary>
/// One committed terminal-export file: who imported it, what it held and what became of each row
/// (the rows themselves are <see cref="RawPunch"/> records pointing here).
/// </summary>
public class PunchImport
{
    public const int FileNameMaxLength = 200;

    public int Id { get; private set; }
    public string FileName { get; private set; } = "";
    /// <summary>SHA-256 of the file, hex: tells HR when the very same file comes back.</summary>
    public string Sha256 { get; private set; } = "";
    public PunchFileFormat Format { get; private set; }
    public string Encoding { get; private set; } = "";
    public DateTimeOffset ImportedAt { get; private set; }
    public string ImportedBy { get; private set; } = "";
    public int TotalRows { get; private set; }
    public int Imported { get; private set; }
    public int OutsideWindows { get; private set; }
    public int Duplicates { get; private set; }
    public int Rejected { get; private set; }

    private PunchImport() { }

    public PunchImport(string fileName, string sha256, PunchFileFormat format, string encoding, DateTimeOffset importedAt,
        string importedBy, IReadOnlyCollection<RawPunch> rows)
    {
        FileName = fileName.Length <= FileNameMaxLength ? fileName : fileName[..FileNameMaxLength];
        Sha256 = sha256;
        Format = format;
        Encoding = encoding;
        ImportedAt = importedAt;
        ImportedBy = importedBy.Length <= 60 ? importedBy : importedBy[..60];
        TotalRows = rows.Count;
        Imported = rows.Count(r => r.Outcome == RawPunchOutcome.Imported);
        OutsideWindows = rows.Count(r => r.Outcome == RawPunchOutcome.OutsideWindows);
        Duplicates = rows.Count(r => r.Outcome == RawPunchOutcome.Duplicate);
        Rejected = TotalRows - Imported - OutsideWindows - Duplicates;
    }
}
