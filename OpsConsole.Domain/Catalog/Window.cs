namespace OpsConsole.Domain.Catalog;

/// <summary>A counter in the hall. Its number is unique in the center.</summary>
public class Window
{
    public const int NameMaxLength = 60;

    public int Id { get; set; }
    public int Number { get; set; }
    public string Name { get; set; } = "";
    public WindowType Type { get; set; }
    public int ZoneId { get; set; }
    public Zone? Zone { get; set; }
    /// <summary>The owning department for dedicated windows; null for cross-department ones.</summary>
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }
    public bool Active { get; set; } = true;
}
