using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.People;

namespace OpsConsole.Data.Seeding.Demo;

/// <summary>The whole demo catalog of the fictional 滨江市政务服务中心, as one object graph.</summary>
/// <remarks>
/// All Ids are 0: objects are linked through navigation properties only, so EF saves the graph in
/// one <c>SaveChanges</c>. Staff of the center office (中心管理办公室) have <c>Department == null</c>:
/// the office is not a stationed department (进驻部门) and has no items, windows or chief representative.
/// </remarks>
public sealed record DemoCatalogData(
    Center Center,
    IReadOnlyList<Floor> Floors,
    IReadOnlyList<Zone> Zones,
    IReadOnlyList<Department> Departments,
    IReadOnlyList<ServiceItem> Items,
    IReadOnlyList<Window> Windows,
    IReadOnlyList<Staff> Staff);

/// <summary>
/// Deterministic demo data: every call to <see cref="Build"/> returns new instances with identical
/// content (no clock, no unseeded randomness).
/// </summary>
public static class DemoCatalog
{
    /// <summary>A window staff member (科员) of 市不动产登记中心.</summary>
    public const string StaffEmployeeNo = "BJ0001";
    /// <summary>The chief representative (首席代表) of 市不动产登记中心.</summary>
    public const string ChiefEmployeeNo = "BJ0002";
    /// <summary>Deputy director of the center office, in charge of hall operations (no department).</summary>
    public const string ManagerEmployeeNo = "BJ0003";
    /// <summary>Head of the assessment section (人事考核科) of the center office (no department).</summary>
    public const string HrEmployeeNo = "BJ0004";
    /// <summary>Head of the IT section (信息技术科) of the center office (no department).</summary>
    public const string AdminEmployeeNo = "BJ0005";

    public const string CenterName = "滨江市政务服务中心";
    public const string OpeningHours = "周一至周五 9:00-12:00，13:00-17:00（法定节假日除外）";

    // Floors and zones: (level, floor name, zones as (code, name)).
    private static readonly (int Level, string Name, (string Code, string Name)[] Zones)[] FloorTable =
    [
        (1, "1楼 便民服务大厅", [("1A", "不动产登记区"), ("1B", "出入境服务区"), ("1C", "社保医保公积金区"), ("1D", "综合受理区")]),
        (2, "2楼 商事登记与办税大厅", [("2A", "商事登记区"), ("2B", "办税服务区"), ("2C", "车驾管服务区")]),
        (3, "3楼 审批与社会事务大厅", [("3A", "工程建设项目审批区"), ("3B", "社会事务服务区"), ("3C", "卫生健康服务区")]),
    ];

    // Windows that belong to no department, in the order they follow the zone's dedicated windows.
    private static readonly (string Zone, WindowType Type, string Name, int Count)[] SharedWindowTable =
    [
        ("1D", WindowType.Comprehensive, "综合受理", 6),
        ("1D", WindowType.ResultPickup, "综合出件", 2),
        ("1D", WindowType.HelpDesk, "咨询导办", 1),
        ("1D", WindowType.Complaints, "投诉受理", 1),
        ("2A", WindowType.Comprehensive, "企业开办综合受理", 2),
        ("3A", WindowType.HelpDesk, "项目帮办代办", 1),
    ];

    public static DemoCatalogData Build()
    {
        var center = new Center
        {
            Name = CenterName,
            Address = "滨江市示范区江滨大道1000号（虚构地址）",
            Phone = "0000-86110000",
            ComplaintPhone = "12345",
            OpeningHours = OpeningHours,
            Website = "https://zwfw.example.gov.cn",
        };

        var floors = new List<Floor>();
        var zones = new List<Zone>();
        foreach (var (level, floorName, zoneRows) in FloorTable)
        {
            var floor = new Floor { Level = level, Name = floorName };
            foreach (var (code, name) in zoneRows)
            {
                var zone = new Zone { Code = code, Name = name, Floor = floor };
                floor.Zones.Add(zone);
                zones.Add(zone);
            }
            floors.Add(floor);
        }

        var rows = DemoDepartments.Rows();
        var departments = DemoDepartments.Create(rows, zones);
        var windows = BuildWindows(zones, rows, departments);
        var items = DemoServiceItems.Create(rows, departments, windows);
        var staff = DemoStaff.Create(rows, departments);
        return new DemoCatalogData(center, floors, zones, departments, items, windows, staff);
    }

    /// <summary>Numbers windows 1..N zone by zone: the zone's dedicated windows first, then shared ones.</summary>
    private static List<Window> BuildWindows(List<Zone> zones, DeptRow[] rows, List<Department> departments)
    {
        var windows = new List<Window>();
        foreach (var zone in zones)
        {
            for (var d = 0; d < rows.Length; d++)
            {
                if (rows[d].Zone != zone.Code)
                {
                    continue;
                }
                for (var i = 0; i < rows[d].Windows; i++)
                {
                    var number = windows.Count + 1;
                    windows.Add(new Window
                    {
                        Number = number,
                        Name = $"{departments[d].ShortName} {number}号窗口",
                        Type = WindowType.Dedicated,
                        Zone = zone,
                        Department = departments[d],
                    });
                }
            }
            foreach (var shared in SharedWindowTable)
            {
                if (shared.Zone != zone.Code)
                {
                    continue;
                }
                for (var i = 0; i < shared.Count; i++)
                {
                    var number = windows.Count + 1;
                    windows.Add(new Window { Number = number, Name = $"{shared.Name} {number}号窗口", Type = shared.Type, Zone = zone });
                }
            }
        }
        return windows;
    }
}
