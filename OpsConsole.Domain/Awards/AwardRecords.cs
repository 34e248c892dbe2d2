using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Awards;

/// <summary>
/// A confirmed round: one award rule for one period, confirmed once (unique by rule and period), by whom and
/// when. Its places are <see cref="Award"/> rows.
/// </summary>
public class AwardRound
{
    private AwardRound() { }

    public AwardRound(AwardRule rule, AwardPeriod period, string confirmedBy, DateTimeOffset at)
    {
        if (period.Kind != rule.Period) throw new DomainException("评选期间与评选项目不符。");
        RuleCode = rule.Code;
        Kind = rule.Kind;
        Subject = rule.Subject;
        PeriodKey = period.Key;
        PeriodLabel = period.Label;
        Year = period.Year;
        ConfirmedBy = confirmedBy;
        ConfirmedAt = at;
    }

    public int Id { get; private set; }
    public string RuleCode { get; private set; } = "";
    public AwardKind Kind { get; private set; }
    public AwardSubject Subject { get; private set; }
    public string PeriodKey { get; private set; } = "";
    public string PeriodLabel { get; private set; } = "";
    public int Year { get; private set; }
    public string ConfirmedBy { get; private set; } = "";
    public DateTimeOffset ConfirmedAt { get; private set; }
    /// <summary>Proposed places the manager did not award, each with the written reason ("name：reason", one a line).</summary>
    public string? DroppedNotes { get; private set; }

    public const int NotesMaxLength = 4000;

    public void NoteDropped(IEnumerable<(string Name, string Reason)> dropped)
    {
        var text = string.Join("\n", dropped.Select(d => $"{d.Name}：{d.Reason}"));
        DroppedNotes = text.Length == 0 ? null : text.Length > NotesMaxLength ? text[..NotesMaxLength] : text;
    }
}

/// <summary>One confirmed award, kept per window or person (their honors), with its certificate.</summary>
public class Award
{
    private Award() { }

    public Award(AwardRound round, AwardPlace place)
    {
        AwardRoundId = round.Id;
        Kind = round.Kind;
        Subject = round.Subject;
        PeriodKey = round.PeriodKey;
        SubjectId = place.SubjectId;
        HolderName = place.Name;
        Place = place.Place;
        OwnScore = place.OwnScore;
        Composite = place.Composite;
        OverrideReason = place.OverrideReason;
    }

    public int Id { get; private set; }
    public int AwardRoundId { get; private set; }
    public AwardKind Kind { get; private set; }
    public AwardSubject Subject { get; private set; }
    public string PeriodKey { get; private set; } = "";
    public int SubjectId { get; private set; }
    public string HolderName { get; private set; } = "";
    public int Place { get; private set; }
    public decimal? OwnScore { get; private set; }
    public decimal? Composite { get; private set; }
    public string? OverrideReason { get; private set; }
    public int? CertificateId { get; private set; }

    public void AttachCertificate(int certificateId) => CertificateId = certificateId;
}

public enum BallotChannel
{
    /// <summary>值班长: a signed-in duty officer (manager).</summary>
    DutyOfficer,
    /// <summary>群众: a phone from the QR code in the hall.</summary>
    Public,
}

/// <summary>
/// One ballot: one voter, one choice, per award rule and period and channel (unique). A duty officer is their
/// account; a phone is the hash of the id in its signed voting cookie (ADR 0037).
/// </summary>
public class AwardBallot
{
    public const int VoterMaxLength = 64;

    private AwardBallot() { }

    public AwardBallot(string ruleCode, AwardPeriod period, BallotChannel channel, string voter, int subjectId, DateTimeOffset at)
    {
        RuleCode = ruleCode;
        PeriodKey = period.Key;
        Channel = channel;
        Voter = DomainText.Required(voter, VoterMaxLength, "投票人不明。", "投票人标识过长。");
        SubjectId = subjectId;
        CastAt = at;
    }

    public long Id { get; private set; }
    public string RuleCode { get; private set; } = "";
    public string PeriodKey { get; private set; } = "";
    public BallotChannel Channel { get; private set; }
    public string Voter { get; private set; } = "";
    public int SubjectId { get; private set; }
    public DateTimeOffset CastAt { get; private set; }
}
