using OpsConsole.Domain.Attendance;

namespace OpsConsole.Features.Attendance;

/// <summary>
/// What the 考勤汇总表 page keeps of a month: per person only the marks and totals it shows, not the scored month with
/// its punches, slots and deduction lines (those are read again for the one person whose detail is opened). An HR
/// circuit holds this for as long as the page is open, for hundreds of people.
/// </summary>
public sealed record AttendanceSheet(YearMonth Month, int RuleSetVersion, int Workdays, IReadOnlyList<AttendanceSheet.Column> Columns,
    IReadOnlyList<AttendanceSheet.Row> Rows)
{
    /// <summary>A day's column: the date, whether the center works, and its calendar name (国庆节) if any.</summary>
    public sealed record Column(DateOnly Date, bool Workday, string? Name);

    /// <summary>One person's line: two marks per day (null on their days off) and the month's totals.</summary>
    public sealed record Row(int StaffId, string EmployeeNo, string Name, AttendanceTotals Totals, decimal Deduction, Day[] Days);

    /// <summary>A day of one person: null marks on a day off. 16 bytes: two marks, "none" being a mark's default.</summary>
    public readonly struct Day(Mark? morning, Mark? afternoon)
    {
        private readonly Mark morning = morning ?? default, afternoon = afternoon ?? default;

        public Mark? Morning => morning.IsSet ? morning : null;
        public Mark? Afternoon => afternoon.IsSet ? afternoon : null;
    }

    /// <summary>
    /// A half-day's mark: what its symbol, colour and tooltip need, packed in 8 bytes (a sheet holds 62 per person;
    /// enums and a decimal would take 48); <c>default</c> is no mark.
    /// </summary>
    public readonly struct Mark
    {
        private readonly byte half, status, leave, official; // half, leave and official: 0 = none, else the value + 1
        private readonly int deductionThousandths; // rule points are set to at most three decimals

        public Mark(HalfDay half, HalfDayStatus status, LeaveKind? leave, OfficialAbsenceKind? official, decimal deduction)
        {
            this.half = checked((byte)((int)half + 1));
            this.status = checked((byte)status);
            this.leave = leave is { } l ? checked((byte)((int)l + 1)) : (byte)0;
            this.official = official is { } o ? checked((byte)((int)o + 1)) : (byte)0;
            deductionThousandths = decimal.ToInt32(deduction * 1000);
        }

        /// <summary>False for <c>default</c>: no mark (a day off).</summary>
        public bool IsSet => half != 0;
        public HalfDay Half => (HalfDay)(half - 1);
        public HalfDayStatus Status => (HalfDayStatus)status;
        public LeaveKind? Leave => leave == 0 ? null : (LeaveKind)(leave - 1);
        public OfficialAbsenceKind? OfficialAbsence => official == 0 ? null : (OfficialAbsenceKind)(official - 1);
        public decimal Deduction => deductionThousandths / 1000m;
        public string Symbol => AttendanceText.Symbol(Status);

        public static Mark Of(HalfDayAttendance h) => new(h.Half, h.Status, h.Leave, h.OfficialAbsence, h.Deduction);
    }

    /// <summary>The sheet of a scored grid; the grid can then be dropped.</summary>
    public static AttendanceSheet Of(AttendanceMonths.Grid grid) => new(
        grid.Month,
        grid.RuleSet.Version,
        grid.Calendar.WorkdaysIn(grid.Month),
        grid.Month.Days().Select(d => new Column(d, grid.Calendar.IsWorkday(d), grid.Calendar.EntryFor(d)?.Name)).ToList(),
        grid.Rows.Select(r => new Row(r.Staff.Id, r.Staff.EmployeeNo, r.Staff.Name, r.Attendance.Totals, r.Attendance.Deduction,
            r.Attendance.Days.Select(d => d.Kind == DayKind.Workday ? new Day(Mark.Of(d.Morning), Mark.Of(d.Afternoon)) : new Day(null, null))
                .ToArray())).ToList());
}
