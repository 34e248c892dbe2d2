using System.Globalization;
using OpsConsole.Domain.Attendance;

namespace OpsConsole.Tests.Domain.Attendance;

/// <summary>Builds one staff member's month of punches, requests and calendar for the scorer.</summary>
internal sealed class AttendanceScenario
{
    public const int Staff = 7;
    public const int Manager = 99;

    private readonly List<Punch> _punches = [];
    private readonly List<MakeUpPunchRequest> _makeUps = [];
    private readonly List<LeaveRecord> _leaves = [];
    private readonly List<OfficialAbsenceRecord> _official = [];

    public List<CalendarEntry> CalendarEntries { get; } = [];
    public List<WorkSchedule> Schedules { get; } = [WorkSchedule.Standard(), WorkSchedule.Summer()];
    public AttendanceRuleSet RuleSet { get; set; } = AttendanceRuleSet.Default(new YearMonth(2020, 1));
    public int? DepartmentId { get; set; }
    public DateOnly? ScoreThrough { get; set; }

    public static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TimeOnly T(string time) => TimeOnly.ParseExact(time, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture);

    public WorkCalendar Calendar => new(CalendarEntries);

    /// <summary>Punches on one day at the given "HH:mm" or "HH:mm:ss" times.</summary>
    public AttendanceScenario Punches(string date, params string[] times)
    {
        foreach (var time in times)
            _punches.Add(new Punch(Staff, D(date).ToDateTime(T(time)), "T01", PunchMethod.Face));
        return this;
    }

    /// <summary>Four punches comfortably on time (standard schedule).</summary>
    public AttendanceScenario FullDay(string date) => Punches(date, "08:55", "12:01", "12:50", "17:02");

    public AttendanceScenario Holiday(string date, string name = "节假日")
    {
        CalendarEntries.Add(new CalendarEntry(D(date), CalendarEntryKind.Holiday, name));
        return this;
    }

    public AttendanceScenario Workday(string date, string name = "调休上班")
    {
        CalendarEntries.Add(new CalendarEntry(D(date), CalendarEntryKind.Workday, name));
        return this;
    }

    /// <summary>A make-up request through the policy; approve: true approves, false refuses, null leaves it pending.</summary>
    public MakeUpPunchRequest MakeUp(string date, PunchSlot slot, bool? approve = true)
    {
        var day = D(date);
        var outcome = MakeUpPunchPolicy.Request(Staff, day, slot, "忘记打卡", day.AddDays(1).ToDateTime(T("09:30")),
            _makeUps, RuleSet.Rules.MakeUpRequestsPerMonth, Calendar);
        var request = outcome.Request ?? throw new InvalidOperationException(outcome.RefusalKey);
        var decidedAt = day.AddDays(2).ToDateTime(T("10:00"));
        if (approve is true) request.Approve(Manager, decidedAt);
        else if (approve is false) request.Refuse(Manager, decidedAt, "未核实");
        _makeUps.Add(request);
        return request;
    }

    public LeaveRecord Leave(LeaveKind kind, HalfDayRange period, bool approve = true)
    {
        var leave = new LeaveRecord(Staff, kind, period, "", period.StartDate.AddDays(-1).ToDateTime(T("10:00")));
        if (approve) leave.Approve(Manager, period.StartDate.AddDays(-1).ToDateTime(T("11:00")));
        _leaves.Add(leave);
        return leave;
    }

    public OfficialAbsenceRecord Official(OfficialAbsenceKind kind, HalfDayRange period)
    {
        var record = new OfficialAbsenceRecord(Staff, kind, period, "", period.StartDate.AddDays(-1).ToDateTime(T("10:00")));
        record.Approve(Manager, period.StartDate.AddDays(-1).ToDateTime(T("11:00")));
        _official.Add(record);
        return record;
    }

    public MonthAttendance Score(int year, int month) => MonthlyAttendanceScorer.Score(new MonthAttendanceInput
    {
        StaffId = Staff,
        DepartmentId = DepartmentId,
        Month = new YearMonth(year, month),
        Calendar = Calendar,
        Schedules = new ScheduleResolver(Schedules),
        RuleSet = RuleSet,
        Punches = _punches,
        MakeUps = _makeUps,
        Leaves = _leaves,
        OfficialAbsences = _official,
        ScoreThrough = ScoreThrough,
    });
}
