using OpsConsole.Domain.Catalog;

namespace OpsConsole.Domain.People;

/// <summary>A person working in the hall (窗口工作人员, 首席代表, managers, HR).</summary>
public class Staff
{
    public const int EmployeeNoMaxLength = 20;
    public const int NameMaxLength = 40;

    public int Id { get; set; }
    /// <summary>工号: unique; the key face clock terminals and imports use.</summary>
    public string EmployeeNo { get; set; } = "";
    public string Name { get; set; } = "";
    public Gender Gender { get; set; }
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }
    public string Title { get; set; } = "";
    public string Phone { get; set; } = "";
    /// <summary>Relative URL of the photo shown on window screens; empty shows a placeholder.</summary>
    public string PhotoUrl { get; set; } = "";
    public bool IsChiefRepresentative { get; set; }
    public bool Active { get; set; } = true;
}

public enum Gender { Unknown, Male, Female }
