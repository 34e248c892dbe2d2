namespace OpsConsole.Domain.People;

/// <summary>
/// One CSV of postings HR uploaded: the file as it came (every raw row kept, good or bad) and what became
/// of each row, so a refused row is reported, never lost.
/// </summary>
public class PostingImport
{
    public const int FileNameMaxLength = 200;
    public const int ActorMaxLength = 60;

    private PostingImport() { }

    public PostingImport(string fileName, string rawText, int accepted, int refused, string report, string importedBy, DateTimeOffset at)
    {
        FileName = fileName.Length > FileNameMaxLength ? fileName[..FileNameMaxLength] : fileName;
        RawText = rawText;
        Accepted = accepted;
        Refused = refused;
        Report = report;
        ImportedBy = importedBy;
        ImportedAt = at;
    }

    public long Id { get; private set; }
    public string FileName { get; private set; } = "";
    /// <summary>The uploaded text, every row as it came.</summary>
    public string RawText { get; private set; } = "";
    public int Accepted { get; private set; }
    public int Refused { get; private set; }
    /// <summary>One line per refused row: its number and the reason, in Chinese.</summary>
    public string Report { get; private set; } = "";
    public string ImportedBy { get; private set; } = "";
    public DateTimeOffset ImportedAt { get; private set; }
}
