using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Monitoring;

/// <summary>
/// An alert raised for managers: open while its condition holds (its severity follows the
/// condition), resolved when the condition is gone, acknowledged by a manager with a note.
/// </summary>
public class Alert
{
    public const int KeyMaxLength = 60;
    public const int NoteMaxLength = 300;

    private Alert() { }

    public Alert(AlertCondition condition, DateTimeOffset at)
    {
        Key = condition.Key;
        Kind = condition.Kind;
        QueueId = condition.QueueId;
        WindowId = condition.WindowId;
        RaisedAt = at;
        Update(condition, at);
    }

    public int Id { get; private set; }
    public string Key { get; private set; } = "";
    public AlertKind Kind { get; private set; }
    public AlertSeverity Severity { get; private set; }
    public int? QueueId { get; private set; }
    public int? WindowId { get; private set; }
    public double Value { get; private set; }
    public double Threshold { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? AcknowledgedBy { get; private set; }
    public string? Note { get; private set; }

    public bool IsOpen => ResolvedAt is null;

    /// <summary>The condition still holds; returns true when it got worse (yellow → red).</summary>
    public bool Update(AlertCondition condition, DateTimeOffset at)
    {
        var escalated = Severity == AlertSeverity.Yellow && condition.Severity == AlertSeverity.Red && LastSeenAt != default;
        Severity = condition.Severity;
        Value = condition.Value;
        Threshold = condition.Threshold;
        LastSeenAt = at;
        return escalated;
    }

    public void Resolve(DateTimeOffset at) => ResolvedAt ??= at;

    public void Acknowledge(string by, string? note, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(by)) throw new DomainException("alert.acknowledger_required");
        if (note is { Length: > NoteMaxLength }) throw new DomainException("alert.note_too_long");
        AcknowledgedAt = at;
        AcknowledgedBy = by;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}
