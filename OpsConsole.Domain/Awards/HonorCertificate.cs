using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Awards;

/// <summary>
/// An honor certificate (荣誉证书): numbered per year and kind, never renumbered; a public
/// verification code; revoked rather than deleted.
/// </summary>
public class HonorCertificate
{
    public const int NumberMaxLength = 60;
    public const int CodeLength = 10;
    public const int HolderMaxLength = 60;
    public const int TitleMaxLength = 100;
    public const int PeriodMaxLength = 40;
    public const int IssuerMaxLength = 100;
    public const int ReasonMaxLength = 500;

    private HonorCertificate() { }

    public HonorCertificate(AwardKind kind, int year, int sequence, string number, string verifyCode, string holderName,
        string title, string period, string issuer, DateOnly issuedOn, string issuedBy)
    {
        if (sequence < 1) throw new DomainException("证书序号必须大于 0。");
        Kind = kind;
        Year = year;
        Sequence = sequence;
        Number = number;
        VerifyCode = verifyCode;
        HolderName = DomainText.Required(holderName, HolderMaxLength, "请填写获奖者（姓名或窗口）。", "获奖者名称过长。");
        Title = DomainText.Required(title, TitleMaxLength, "请填写荣誉称号。", "荣誉称号过长。");
        Period = DomainText.Required(period, PeriodMaxLength, "请填写评选期间。", "评选期间过长。");
        Issuer = DomainText.Required(issuer, IssuerMaxLength, "请填写颁发单位。", "颁发单位名称过长。");
        IssuedOn = issuedOn;
        IssuedBy = issuedBy;
    }

    public int Id { get; private set; }
    public AwardKind Kind { get; private set; }
    public int Year { get; private set; }
    public int Sequence { get; private set; }
    /// <summary>E.g. 滨政服旗〔2026〕第017号; unique, never reused.</summary>
    public string Number { get; private set; } = "";
    /// <summary>The code in the QR link (/verify/{code}); unique.</summary>
    public string VerifyCode { get; private set; } = "";
    /// <summary>A person's name or a window's name (the only personal datum shown publicly).</summary>
    public string HolderName { get; private set; } = "";
    /// <summary>E.g. 2026年第四季度“红旗窗口”.</summary>
    public string Title { get; private set; } = "";
    /// <summary>E.g. 2026年第四季度.</summary>
    public string Period { get; private set; } = "";
    public string Issuer { get; private set; } = "";
    public DateOnly IssuedOn { get; private set; }
    public string IssuedBy { get; private set; } = "";
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }
    public string? RevokeReason { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <exception cref="DomainException">Already revoked, or no reason.</exception>
    public void Revoke(string reason, string by, DateTimeOffset at)
    {
        if (IsRevoked) throw new DomainException("该证书已撤销。");
        RevokeReason = DomainText.Required(reason, ReasonMaxLength, "请填写撤销原因。", "撤销原因过长。");
        RevokedBy = by;
        RevokedAt = at;
    }
}
