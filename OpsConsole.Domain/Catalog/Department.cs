namespace OpsConsole.Domain.Catalog;

/// <summary>A department stationed in the center (进驻部门).</summary>
public class Department
{
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 60;

    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string ShortName { get; set; } = "";
    public string Phone { get; set; } = "";
    public int? ZoneId { get; set; }
    public Zone? Zone { get; set; }
    public int SortOrder { get; set; }
}
