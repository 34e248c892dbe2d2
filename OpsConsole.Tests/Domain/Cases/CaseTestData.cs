using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Cases;

namespace OpsConsole.Tests.Domain.Cases;

internal static class CaseTestData
{
    public static readonly CaseParty Party = new(DepartmentId: 3, WindowId: 7, StaffId: 21);

    /// <summary>
    /// December 2026 with a made-up holiday on Thursday 10 and Friday 11, and Saturday 12 worked (调休).
    /// Monday 7 December is a plain workday.
    /// </summary>
    public static readonly WorkCalendar Calendar = new([
        new CalendarEntry(new DateOnly(2026, 12, 10), CalendarEntryKind.Holiday, "测试假日"),
        new CalendarEntry(new DateOnly(2026, 12, 11), CalendarEntryKind.Holiday, "测试假日"),
        new CalendarEntry(new DateOnly(2026, 12, 12), CalendarEntryKind.Workday, "测试调休"),
    ]);

    public static DateTimeOffset At(int day, int hour = 10, int minute = 0) => new(2026, 12, day, hour, minute, 0, TimeSpan.FromHours(8));

    public static DateOnly Day(int day) => new(2026, 12, day);

    public static ServiceCase Promised(int days, DateTimeOffset at, CaseKind kind = CaseKind.Promised) =>
        ServiceCase.Register("BJ20261207001", kind, serviceItemId: 5, Party, "张三", "13800000000", days, at, Calendar, actorStaffId: 21);
}
