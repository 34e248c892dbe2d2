namespace OpsConsole.Domain.Catalog;

/// <summary>A zone of a floor (e.g. "A区 不动产登记"), where windows stand.</summary>
public class Zone
{
    public const int CodeMaxLength = 8;
    public const int NameMaxLength = 60;

    public int Id { get; set; }
    public int FloorId { get; set; }
    public Floor? Floor { get; set; }
    /// <summary>Short code printed on signs and tickets, e.g. "1A".</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
}
