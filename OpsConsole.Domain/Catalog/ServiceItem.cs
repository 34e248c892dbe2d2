namespace OpsConsole.Domain.Catalog;

/// <summary>
/// A service item (政务服务事项) with the standard elements of its service guide (办事指南).
/// </summary>
public class ServiceItem
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 120;
    public const int TextMaxLength = 4000;

    public int Id { get; set; }
    /// <summary>Implementation code (实施编码).</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
    public ServiceItemKind Kind { get; set; }
    /// <summary>设定依据: the laws and regulations the item rests on.</summary>
    public string Basis { get; set; } = "";
    /// <summary>受理条件.</summary>
    public string Conditions { get; set; } = "";
    public List<RequiredMaterial> Materials { get; set; } = [];
    public List<ProcessStep> ProcessSteps { get; set; } = [];
    /// <summary>法定办结时限, in working days.</summary>
    public int StatutoryLimitDays { get; set; }
    /// <summary>承诺办结时限, in working days (0 = on the spot, 即办件).</summary>
    public int PromisedLimitDays { get; set; }
    /// <summary>收费标准; empty or "不收费" when free.</summary>
    public string Fees { get; set; } = "";
    /// <summary>办理地点 (zone and windows).</summary>
    public string Place { get; set; } = "";
    public string Hours { get; set; } = "";
    public string Phone { get; set; } = "";
    public string ComplaintChannel { get; set; } = "";
    /// <summary>到现场次数 (0 = fully online).</summary>
    public int VisitsNeeded { get; set; }
    public string OnlineUrl { get; set; } = "";
    public bool Active { get; set; } = true;
}

/// <summary>事项类型.</summary>
public enum ServiceItemKind
{
    AdministrativeLicense,   // 行政许可
    AdministrativeConfirmation, // 行政确认
    AdministrativePayment,   // 行政给付
    PublicService,           // 公共服务
    OtherPower,              // 其他行政权力
}

/// <summary>One material an applicant brings (申请材料), with how many copies and in what form.</summary>
public class RequiredMaterial
{
    public const int NameMaxLength = 200;

    public int Id { get; set; }
    public int Order { get; set; }
    public string Name { get; set; } = "";
    public MaterialForm Form { get; set; }
    public int Copies { get; set; } = 1;
    public string Note { get; set; } = "";
}

public enum MaterialForm { Original, Copy, OriginalAndCopy, Electronic }

/// <summary>One step of the process (办理流程).</summary>
public class ProcessStep
{
    public const int NameMaxLength = 60;

    public int Id { get; set; }
    public int Order { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
}
