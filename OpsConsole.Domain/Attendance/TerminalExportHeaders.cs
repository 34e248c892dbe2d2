namespace OpsConsole.Domain.Attendance;

/// <summary>The columns of a terminal export that the import understands.</summary>
public enum ExportColumn { EmployeeNo, Name, DateTime, Date, Time, Terminal, Method, EventId }

/// <summary>Header names terminal vendors use for each column, compared without spaces and case.</summary>
public static class TerminalExportHeaders
{
    private static readonly Dictionary<string, ExportColumn> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["工号"] = ExportColumn.EmployeeNo, ["员工工号"] = ExportColumn.EmployeeNo, ["员工编号"] = ExportColumn.EmployeeNo, ["人员编号"] = ExportColumn.EmployeeNo,
        ["考勤号"] = ExportColumn.EmployeeNo, ["考勤号码"] = ExportColumn.EmployeeNo, ["编号"] = ExportColumn.EmployeeNo, ["employeeno"] = ExportColumn.EmployeeNo,
        ["姓名"] = ExportColumn.Name, ["名字"] = ExportColumn.Name, ["name"] = ExportColumn.Name,
        ["打卡时间"] = ExportColumn.DateTime, ["刷卡时间"] = ExportColumn.DateTime, ["考勤时间"] = ExportColumn.DateTime, ["签到时间"] = ExportColumn.DateTime,
        ["日期时间"] = ExportColumn.DateTime, ["识别时间"] = ExportColumn.DateTime, ["time"] = ExportColumn.DateTime, ["datetime"] = ExportColumn.DateTime,
        ["日期"] = ExportColumn.Date, ["打卡日期"] = ExportColumn.Date, ["时间"] = ExportColumn.Time,
        ["设备号"] = ExportColumn.Terminal, ["考勤机"] = ExportColumn.Terminal, ["设备"] = ExportColumn.Terminal, ["设备编号"] = ExportColumn.Terminal,
        ["机器号"] = ExportColumn.Terminal, ["考勤机号"] = ExportColumn.Terminal, ["设备名称"] = ExportColumn.Terminal, ["terminalid"] = ExportColumn.Terminal,
        ["验证方式"] = ExportColumn.Method, ["识别方式"] = ExportColumn.Method, ["打卡方式"] = ExportColumn.Method, ["核验方式"] = ExportColumn.Method, ["method"] = ExportColumn.Method,
        ["事件号"] = ExportColumn.EventId, ["记录号"] = ExportColumn.EventId, ["流水号"] = ExportColumn.EventId,
    };

    public static bool TryGet(string header, out ExportColumn column) => Names.TryGetValue(Normalize(header), out column);

    private static string Normalize(string header) => header.Trim().Trim('\uFEFF').Replace(" ", "").Replace("\u3000", "").Replace("_", "");
}
