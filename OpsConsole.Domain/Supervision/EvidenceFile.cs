using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Supervision;

/// <summary>The kinds of evidence file the center keeps; each is recognised by its first bytes, never by its name.</summary>
public enum EvidenceKind { Jpeg, Png, Webp, Pdf }

public static class EvidenceKinds
{
    public static string ContentType(this EvidenceKind kind) => kind switch
    {
        EvidenceKind.Jpeg => "image/jpeg",
        EvidenceKind.Png => "image/png",
        EvidenceKind.Webp => "image/webp",
        _ => "application/pdf",
    };

    public static string Extension(this EvidenceKind kind) => kind switch
    {
        EvidenceKind.Jpeg => ".jpg",
        EvidenceKind.Png => ".png",
        EvidenceKind.Webp => ".webp",
        _ => ".pdf",
    };

    public static bool IsImage(this EvidenceKind kind) => kind != EvidenceKind.Pdf;

    /// <summary>The kind the bytes say they are (magic numbers), or null for anything else, whatever its name says.</summary>
    public static EvidenceKind? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return EvidenceKind.Jpeg;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return EvidenceKind.Png;
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return EvidenceKind.Webp;
        if (head.StartsWith("%PDF-"u8)) return EvidenceKind.Pdf;
        return null;
    }
}

/// <summary>
/// A photo or PDF kept as evidence for a complaint, finding, commendation or rectification: its bytes,
/// the kind sniffed from them, who uploaded it and when. Never changed once stored.
/// </summary>
public class EvidenceFile
{
    public const int FileNameMaxLength = 120;

    private EvidenceFile() { }

    public long Id { get; private set; }
    /// <summary>The uploader's file name, shown only as a label (the kind comes from the bytes).</summary>
    public string FileName { get; private set; } = "";
    public EvidenceKind Kind { get; private set; }
    public long Length { get; private set; }
    /// <summary>SHA-256 of the content, hex.</summary>
    public string Sha256 { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    /// <summary>The uploader's account name.</summary>
    public string UploadedBy { get; private set; } = "";
    public int? UploadedByStaffId { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }

    public static EvidenceFile Create(string fileName, EvidenceKind kind, byte[] content, string uploadedBy, int? uploadedByStaffId, DateTimeOffset at)
    {
        if (content.Length == 0 || EvidenceKinds.Sniff(content) != kind) throw new DomainException(SupervisionErrors.EvidenceWrongType);
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length == 0) name = "evidence" + kind.Extension();
        if (name.Length > FileNameMaxLength) name = name[^FileNameMaxLength..];
        return new EvidenceFile
        {
            FileName = name,
            Kind = kind,
            Length = content.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
            Content = content,
            UploadedBy = uploadedBy,
            UploadedByStaffId = uploadedByStaffId,
            UploadedAt = at,
        };
    }
}
