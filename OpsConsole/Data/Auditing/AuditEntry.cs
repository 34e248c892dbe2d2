namespace OpsConsole.Data.Auditing;

/// <summary>One line of the audit log: who did what to which record, and when.</summary>
public class AuditEntry
{
    public const int ActorMaxLength = 60;
    public const int ActionMaxLength = 60;
    public const int EntityMaxLength = 60;

    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    /// <summary>Added / Modified / Deleted for entity changes, or an event name such as SignIn.</summary>
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    /// <summary>JSON of the changed properties (old → new), or event details.</summary>
    public string Details { get; set; } = "";
}
