namespace OpsConsole.Domain.Catalog;

/// <summary>A floor of the hall; zones (区) sit on floors.</summary>
public class Floor
{
    public int Id { get; set; }
    public int Level { get; set; }
    public string Name { get; set; } = "";
    public List<Zone> Zones { get; set; } = [];
}
