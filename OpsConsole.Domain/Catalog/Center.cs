namespace OpsConsole.Domain.Catalog;

/// <summary>A government service center (政务服务中心): one building, one console.</summary>
public class Center
{
    public const int NameMaxLength = 100;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public string Phone { get; set; } = "";
    public string ComplaintPhone { get; set; } = "";
    /// <summary>Public opening hours as shown to applicants, e.g. "周一至周五 9:00-12:00, 13:00-17:00".</summary>
    public string OpeningHours { get; set; } = "";
    public string Website { get; set; } = "";
}
