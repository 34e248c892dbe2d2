using System.Globalization;
using OpsConsole.Domain.People;

namespace OpsConsole.Domain.Attendance;

/// <summary>
/// A received punch after its text was read: the time is null when it could not be parsed; <paramref name="Refusal"/>
/// is set when the reader already knows the item is unusable (not an object, another terminal's item…).
/// </summary>
public sealed record PunchCandidate(RawPunchFields Fields, DateTime? Time, PunchMethod Method, int? RowNumber = null, string? Refusal = null);

/// <summary>The verdict on one candidate; <see cref="Punch"/> is set when a punch is to be stored.</summary>
public sealed record PunchVerdict(PunchCandidate Candidate, RawPunchOutcome Outcome, string Reason, int? StaffId, Punch? Punch);

/// <summary>Who a punch may belong to.</summary>
public sealed record PunchOwner(int StaffId, int? DepartmentId);

/// <summary>
/// Decides what becomes of each received punch, the same way for the device API and for file imports:
/// implausible or future times, unknown people and duplicates are refused with a reason; punches outside
/// every window are stored but flagged. Remembers what it accepted, so duplicates inside one batch are caught.
/// </summary>
public sealed class PunchIntake
{
    /// <summary>Terminal clocks drift; a punch a few minutes "ahead" of the server is still real.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);
    public static readonly DateTime Earliest = new(2000, 1, 1);
    public const int MaxAgeDays = 400;

    private readonly IReadOnlyDictionary<string, PunchOwner> _owners;
    private readonly HashSet<(int, DateTime)> _byStaffTime;
    private readonly HashSet<(string, string)> _byEvent;
    private readonly WorkCalendar _calendar;
    private readonly ScheduleResolver _schedules;
    private readonly DateTime _now;

    /// <param name="owners">Staff by employee number (case-insensitive lookups are the caller's choice of comparer).</param>
    /// <param name="existing">Stored punches that may collide: at least those in the candidates' time range.</param>
    /// <param name="now">The center's wall clock.</param>
    public PunchIntake(IReadOnlyDictionary<string, PunchOwner> owners, IEnumerable<(int StaffId, DateTime Time, string TerminalId, string? EventId)> existing,
        WorkCalendar calendar, ScheduleResolver schedules, DateTime now)
    {
        _owners = owners;
        _byStaffTime = [];
        _byEvent = [];
        foreach (var p in existing)
        {
            _byStaffTime.Add((p.StaffId, p.Time));
            if (p.EventId is { } e) _byEvent.Add((p.TerminalId, e));
        }
        _calendar = calendar;
        _schedules = schedules;
        _now = now;
    }

    public const string NotAnItem = "该项不是打卡记录对象";

    /// <summary>An uploaded item naming a terminal other than the one whose token uploads it.</summary>
    public static string OtherTerminal(string named, string device) => $"考勤机编号“{named}”与本设备登记的“{device}”不符";

    /// <summary>An uploaded item whose bytes are not UTF-8: kept raw as read, never turned into a punch.</summary>
    public const string NotUtf8 = "含有无效的 UTF-8 字节（疑似 GBK 编码），已按 GBK 解读并原样保存，未记为打卡；请将考勤机的上传编码设为 UTF-8";

    public PunchVerdict Judge(PunchCandidate c)
    {
        // What no database can store (a NUL from firmware padding, half an emoji) never reaches a punch or a raw row.
        c = c with { Fields = c.Fields.Storable() };
        var f = c.Fields;
        var employeeNo = f.EmployeeNo.Trim();
        if (c.Refusal is { } refusal) return Refuse(RawPunchOutcome.Invalid, refusal);
        if (TooLong(f) is { } field) return Refuse(RawPunchOutcome.Invalid, field);
        if (employeeNo.Length == 0) return Refuse(RawPunchOutcome.Invalid, "缺少工号");
        if (c.Time is not { } time)
            return Refuse(RawPunchOutcome.UnparseableTime, f.TimeText.Trim().Length == 0 ? "缺少打卡时间" : $"无法识别打卡时间“{f.TimeText.Trim()}”");
        if (time < Earliest)
            return Refuse(RawPunchOutcome.ImplausibleTime, $"打卡时间 {Show(time)} 早于2000年，疑似考勤机时钟被重置");
        if (time < _now.AddDays(-MaxAgeDays))
            return Refuse(RawPunchOutcome.ImplausibleTime, $"打卡时间 {Show(time)} 早于{MaxAgeDays}天前，请核对文件");
        if (time > _now + FutureTolerance)
            return Refuse(RawPunchOutcome.FutureTime, $"打卡时间 {Show(time)} 晚于当前时间，疑似考勤机时钟超前");
        if (!_owners.TryGetValue(employeeNo, out var owner))
            return Refuse(RawPunchOutcome.UnknownEmployee, $"工号“{employeeNo}”不存在");
        var terminal = f.TerminalId.Trim();
        var eventId = f.TerminalEventId?.Trim() is { Length: > 0 } e ? e : null;
        if (eventId is not null && _byEvent.Contains((terminal, eventId)))
            return new PunchVerdict(c, RawPunchOutcome.Duplicate, $"考勤机 {terminal} 的事件 {eventId} 已收到过", owner.StaffId, null);
        if (!_byStaffTime.Add((owner.StaffId, time)))
            return new PunchVerdict(c, RawPunchOutcome.Duplicate, $"该人员 {Show(time)} 的打卡已存在", owner.StaffId, null);
        if (eventId is not null) _byEvent.Add((terminal, eventId));

        var punch = new Punch(owner.StaffId, time, terminal, c.Method, eventId);
        var day = DateOnly.FromDateTime(time);
        if (_calendar.IsWorkday(day) && _schedules.For(owner.DepartmentId, day).SlotOf(punch.Minute) is null)
            return new PunchVerdict(c, RawPunchOutcome.OutsideWindows, "不在任何打卡时段内：已保存，不参与考勤计算", owner.StaffId, punch);
        return new PunchVerdict(c, RawPunchOutcome.Imported, "", owner.StaffId, punch);

        PunchVerdict Refuse(RawPunchOutcome outcome, string reason) => new(c, outcome, reason, null, null);
    }

    /// <summary>A field longer than anything real is a malformed item, refused whole rather than judged on a cut value.</summary>
    private static string? TooLong(RawPunchFields f)
    {
        if (f.EmployeeNo.Trim().Length > Staff.EmployeeNoMaxLength) return $"工号超过{Staff.EmployeeNoMaxLength}个字符";
        if (f.TerminalId.Trim().Length > Punch.TerminalIdMaxLength) return $"考勤机编号超过{Punch.TerminalIdMaxLength}个字符";
        if (f.TerminalEventId?.Trim().Length > Punch.TerminalEventIdMaxLength) return $"事件号超过{Punch.TerminalEventIdMaxLength}个字符";
        if (f.TimeText.Trim().Length > RawPunch.TextMaxLength) return $"打卡时间超过{RawPunch.TextMaxLength}个字符";
        if (f.MethodText.Trim().Length > RawPunch.TextMaxLength) return $"验证方式超过{RawPunch.TextMaxLength}个字符";
        return null;
    }

    private static string Show(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
