using OpsConsole.Domain.Catalog;

namespace OpsConsole.Data.Seeding.Demo;

/// <summary>
/// One stationed department (进驻部门) of the demo center.
/// <paramref name="Windows"/> dedicated windows in <paramref name="Zone"/>; <paramref name="Staff"/> people in total
/// (including its chief representative); <paramref name="Hours"/> empty = the center's opening hours;
/// <paramref name="AlsoAt"/> = the zone whose comprehensive windows (综合窗) also take its items, or empty.
/// </summary>
internal sealed record DeptRow(
    string Code, string Name, string ShortName, string Zone, int Windows, int Staff, string Hours = "", string AlsoAt = "");

internal static class DemoDepartments
{
    public static DeptRow[] Rows() =>
    [
        new("BDC", "市不动产登记中心", "不动产登记", "1A", 6, 12),
        new("CRJ", "市公安局出入境管理支队", "公安出入境", "1B", 4, 9,
            "周一至周五 9:00-12:00，13:00-17:00；周六 9:00-12:00（仅限预约办证和领证）"),
        new("SB", "市社会保险事业中心", "社保", "1C", 4, 9, AlsoAt: "1D"),
        new("YB", "市医疗保障局", "医保", "1C", 3, 6, AlsoAt: "1D"),
        new("GJJ", "市住房公积金管理中心", "公积金", "1C", 3, 6, AlsoAt: "1D"),
        new("SCJG", "市市场监督管理局", "市场监管", "2A", 4, 9, AlsoAt: "2A"),
        new("SW", "市税务局第一税务分局", "税务", "2B", 5, 10,
            "周一至周五 9:00-12:00，13:00-17:00（每月申报期最后三个工作日延时至18:00）"),
        new("CG", "市公安局交警支队车辆管理所", "交警车管", "2C", 4, 9),
        new("ZJ", "市住房和城乡建设局", "住建", "3A", 3, 6),
        new("MZ", "市民政局", "民政", "3B", 2, 5, AlsoAt: "1D"),
        new("RS", "市人力资源和社会保障局", "人社", "3B", 3, 7, AlsoAt: "1D"),
        new("WJ", "市卫生健康委员会", "卫健", "3C", 2, 6),
    ];

    public static List<Department> Create(DeptRow[] rows, List<Zone> zones)
    {
        var departments = new List<Department>(rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            departments.Add(new Department
            {
                Code = row.Code,
                Name = row.Name,
                ShortName = row.ShortName,
                Phone = $"0000-86110{i + 1:00}0",
                Zone = zones.Single(z => z.Code == row.Zone),
                SortOrder = (i + 1) * 10,
            });
        }
        return departments;
    }
}
